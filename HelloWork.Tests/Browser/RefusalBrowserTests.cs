using HelloWork.Domain.Accounts;
using HelloWork.Domain.Applications;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Referrals;
using HelloWork.Tests.Browser;
using HelloWork.Tests.Host.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace HelloWork.Tests.Browser;

/// <summary>
/// A staff action on another office's object shows a refusal and the page stays interactive (R-ERR-1,
/// R-RES-4, R-UI-1, R-ACC-4). staff1's board shows the result entry for a referral to an offer of staff1's office; while the page
/// is open the offer becomes another office's (the board still shows the button: nothing told it). Pressing 登録 is refused next to
/// the button, in Japanese, nothing is saved, and the same page still answers clicks; reloaded, the board offers no entry for it.
/// </summary>
public sealed class RefusalBrowserTests(PortalHost portal, Chromium chromium)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Arrives = new() { Timeout = 10_000 };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_staff_result_entry_for_another_offices_offer_is_refused_on_the_page_and_the_board_stays_interactive()
    {
        var (offerId, jobNumber, applicationId, name, ownOffice, otherOffice) = await AppliedReferralAsync();
        await using var staff = await PortalBrowser.OpenAsync(portal, chromium, "refusal-board");
        await staff.SignInAsync("staff1@example.jp");
        await staff.VisitAsync("/staff/referrals");
        var page = staff.Page;
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = jobNumber }).Filter(new() { HasText = name });
        await row.GetByRole(AriaRole.Button, new() { Name = "採否結果を代理入力" }).ClickAsync();
        // The form opens in a row of its own under the referral, so the board's columns keep their width (issue 25).
        var entry = page.GetByTestId("proxy-result");
        var save = entry.GetByRole(AriaRole.Button, new() { Name = "登録", Exact = true });
        await save.WaitForAsync();

        try
        {
            // The offer passes to another office while the board is open.
            await SetOfficeAsync(offerId, otherOffice);
            await save.ClickAsync();

            await Assertions.Expect(entry.GetByRole(AriaRole.Alert)).ToContainTextAsync("対象が見つかりません", new() { Timeout = 10_000 });
            await staff.CheckPageAsync();
            Assert.Equal(0, await page.Locator("#blazor-error-ui:visible, #components-reconnect-modal[open]").CountAsync());
            Assert.Equal(ApplicationStatus.InSelection, await portal.QueryAsync(db => db.Applications.Where(a => a.Id == applicationId).Select(a => a.Status).SingleAsync(Ct)));

            // Still interactive: the state filter answers, on the same page.
            await page.Locator("[data-state=ResultRegistered]").ClickAsync();
            await Assertions.Expect(row).ToHaveCountAsync(0, new() { Timeout = 10_000 });
            await page.Locator("[data-testid=board-counts] .mud-chip").First.ClickAsync();
            await Assertions.Expect(row).ToBeVisibleAsync(Arrives);

            // Reloaded, the board offers no entry for another office's offer.
            await staff.VisitAsync("/staff/referrals");
            await Assertions.Expect(row).ToBeVisibleAsync(Arrives);
            Assert.Equal(0, await row.GetByRole(AriaRole.Button, new() { Name = "採否結果を代理入力" }).CountAsync());
        }
        finally
        {
            await SetOfficeAsync(offerId, ownOffice);
        }
    }

    private Task SetOfficeAsync(Guid offerId, Guid officeId) => portal.QueryAsync(db =>
        db.JobOffers.Where(o => o.Id == offerId).ExecuteUpdateAsync(s => s.SetProperty(o => o.AcceptingOfficeId, officeId), Ct));

    /// <summary>A jobseeker registered at an office (R-REF-1 refers only them) referred by staff1 to an open offer of staff1's office and
    /// applied: the board's row is 紹介成立（選考中）.</summary>
    private async Task<(Guid OfferId, string JobNumber, Guid ApplicationId, string Name, Guid OwnOffice, Guid OtherOffice)> AppliedReferralAsync()
    {
        var staff = await portal.ActorAsync("staff1@example.jp");
        var now = DateTimeOffset.UtcNow;
        var (email, offerId, jobNumber, name, otherOffice) = await portal.QueryAsync(async db =>
        {
            // A jobseeker with an account and a valid office registration (R-REF-1), the last one: the flow tests use the first.
            var people = await db.Users.Where(u => u.JobseekerId != null)
                .Join(db.Jobseekers.Where(j => j.Tier == JobseekerTier.Full), u => u.JobseekerId, j => (Guid?)j.Id, (u, j) => new { u.Email, Jobseeker = j })
                .ToListAsync(Ct);
            var person = people.Where(p => p.Jobseeker.IsRegistrationValid(now)).OrderByDescending(p => p.Email).First();
            var taken = await db.Referrals.Where(r => r.JobseekerId == person.Jobseeker.Id).Select(r => r.JobOfferId)
                .Concat(db.Applications.Where(a => a.JobseekerId == person.Jobseeker.Id).Select(a => a.JobOfferId)).ToListAsync(Ct);
            var offers = await db.JobOffers.Where(o => o.AcceptingOfficeId == staff.OfficeId && o.Status == OfferStatus.Published)
                .OrderByDescending(o => o.JobNumber).ToListAsync(Ct);
            var offer = offers.First(o => o.IsOpen(now) && !taken.Contains(o.Id));
            var other = await db.Users.Where(u => u.Email == "staff2@example.jp").Select(u => u.OfficeId).SingleAsync(Ct);
            return (person.Email!, offer.Id, offer.JobNumber!, person.Jobseeker.Name, other!.Value);
        });
        var jobseeker = await portal.ActorAsync(email);
        Assert.NotEqual(staff.OfficeId, otherOffice);
        var referralId = await portal.Get<ReferralService>().SendAsync(staff,
            new ReferralInput(offerId, jobseeker.JobseekerId!.Value, EmployerConfirmation.Confirmed, "人事担当者に電話で応募可能と確認した。"), Ct);
        var applicationId = await portal.Get<ApplicationService>().ApplyAsync(jobseeker,
            new ApplyInput(offerId, "これまでの経験を活かして働きたいと考え、応募いたしました。", [], referralId), Ct);
        return (offerId, jobNumber, applicationId, name, staff.OfficeId!.Value, otherOffice);
    }
}

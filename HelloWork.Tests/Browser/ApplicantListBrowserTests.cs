using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using HelloWork.Domain.JobOffers;
using HelloWork.Tests.Browser;
using HelloWork.Tests.Host.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

using HelloWork.Tests.Domain.Employers;

namespace HelloWork.Tests.Browser;

/// <summary>Employer1's open applicant list shows a new application and then its cancellation live, without a
/// reload (R-APP-2, R-CAN-1, R-LIVE-1). The jobseeker side applies and cancels through the domain operations its pages call.</summary>
public sealed class ApplicantListBrowserTests(PortalHost portal, Chromium chromium)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_application_appears_and_its_cancellation_changes_the_row_without_reload()
    {
        await using var browser = await PortalBrowser.OpenAsync(portal, chromium, "employer-live");
        await browser.SignInAsync("employer1@example.jp");
        await browser.VisitAsync("/employer/applicants");
        var page = browser.Page;
        await page.GetByRole(AriaRole.Table).First.WaitForAsync();
        var loads = 0;
        page.Load += (_, _) => loads++;

        var (actor, name, offerId) = await JobseekerAndOfferAsync();
        var applications = portal.Services.GetRequiredService<ApplicationService>();
        var id = await applications.ApplyAsync(actor, new ApplyInput(offerId, "ライブ表示の確認です。", [], SelfApplicationAcknowledged: true), Ct);

        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = name }) }).First;
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 2000 });
        await Assertions.Expect(row).ToContainTextAsync("選考中");
        await Assertions.Expect(row).ToContainTextAsync("ハローワーク未確認"); // R-SELF-3

        await applications.CancelAsync(actor, id, Ct);
        await Assertions.Expect(row).ToContainTextAsync("応募取消", new() { Timeout = 2000 });
        Assert.Equal(0, loads);
        await page.WaitForTimeoutAsync(1000); // let the snackbar finish fading in: axe measures contrast through the fade's opacity
        await browser.CheckPageAsync();
    }

    /// <summary>jobseeker2 (online only: self-application is open to them) and an open offer of employer1 that accepts self-application.</summary>
    private async Task<(Actor Actor, string Name, Guid OfferId)> JobseekerAndOfferAsync()
    {
        var now = DateTimeOffset.UtcNow;
        return await portal.QueryAsync(async db =>
        {
            var user = await db.Users.FirstAsync(u => u.Email == "jobseeker2@example.jp", Ct);
            var name = await db.Jobseekers.Where(j => j.Id == user.JobseekerId).Select(j => j.Name).FirstAsync(Ct);
            var est = await db.Users.Where(u => u.Email == "employer1@example.jp").Select(u => u.EstablishmentId).FirstAsync(Ct);
            var offers = await db.JobOffers.Where(o => o.EstablishmentId == est && o.Status == OfferStatus.Published && o.SelfApplication).ToListAsync(Ct);
            var taken = await db.Applications.Where(a => a.JobseekerId == user.JobseekerId && a.Status == ApplicationStatus.InSelection).Select(a => a.JobOfferId).ToListAsync(Ct);
            var offer = offers.First(o => o.IsOpen(now) && !taken.Contains(o.Id));
            return (new Actor(user.Id, user.Role, user.DisplayName, JobseekerId: user.JobseekerId), name, offer.Id);
        });
    }
}

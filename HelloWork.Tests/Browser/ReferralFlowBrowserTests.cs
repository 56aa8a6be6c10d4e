using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Referrals;
using HelloWork.Tests.Browser;
using HelloWork.Tests.Host.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

using HelloWork.Tests.Domain.Staff;

namespace HelloWork.Tests.Browser;

/// <summary>One referral from end to end in three browser contexts on the real portal, every step through the pages
/// as a person would use them. staff1 records the employer confirmation and sends the referral; it appears on jobseeker1's open referrals
/// page; jobseeker1 applies with a 志望動機; employer1's open applicant list and staff1's open board change; employer1 registers the result
/// on the applicant's page; staff1's board shows it. Every arrival is on a page that was already open — none reloads (R-REF-1..4,
/// R-APP-2, R-RES-1, R-LIVE-1, R-UI-1).</summary>
public sealed class ReferralFlowBrowserTests(PortalHost portal, Chromium chromium)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Arrives = new() { Timeout = 10_000 };
    private static readonly LocatorAssertionsToContainTextOptions Shows = new() { Timeout = 10_000 };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_referral_sent_by_staff_is_applied_for_and_answered_and_every_open_page_follows_without_reload()
    {
        var (offer, jobseekerName) = await OfferAndJobseekerAsync();

        // jobseeker1 and employer1 have their pages open before anything is sent.
        await using var jobseeker = await PortalBrowser.OpenAsync(portal, chromium, "flow-jobseeker1");
        await jobseeker.SignInAsync("jobseeker1@example.jp");
        await jobseeker.VisitAsync("/jobseeker/referrals");
        var jobseekerLoads = CountLoads(jobseeker.Page);

        await using var employer = await PortalBrowser.OpenAsync(portal, chromium, "flow-employer1");
        await employer.SignInAsync("employer1@example.jp");
        await employer.VisitAsync("/employer/applicants");
        await employer.Page.GetByRole(AriaRole.Table).First.WaitForAsync();
        var employerLoads = CountLoads(employer.Page);

        // staff1: 求人応募の可否確認, then the jobseeker by e-mail address, then send to the mypage.
        await using var staff = await PortalBrowser.OpenAsync(portal, chromium, "flow-staff1");
        await staff.SignInAsync("staff1@example.jp");
        await staff.VisitAsync($"/staff/referrals/new?offer={offer.Id}");
        var s = staff.Page;
        await Assertions.Expect(s.GetByRole(AriaRole.Main)).ToContainTextAsync(offer.JobNumber, Shows);
        await s.GetByRole(AriaRole.Radio, new() { Name = "求人者に電話で応募可否を確認した" }).CheckAsync();
        await s.GetByRole(AriaRole.Textbox, new() { Name = "確認内容・省略の理由" }).FillAsync("人事部の採用担当者に電話し、応募可能と確認した。");
        await s.GetByRole(AriaRole.Textbox, new() { Name = "メールアドレス" }).FillAsync("jobseeker1@example.jp");
        await s.GetByRole(AriaRole.Button, new() { Name = "検索", Exact = true }).ClickAsync();
        await Assertions.Expect(s.GetByText(jobseekerName).First).ToBeVisibleAsync(Arrives);
        await s.GetByRole(AriaRole.Button, new() { Name = "選択", Exact = true }).ClickAsync();
        await Assertions.Expect(s.GetByText("紹介する求職者：")).ToContainTextAsync(jobseekerName, Shows);
        await s.GetByRole(AriaRole.Button, new() { Name = "マイページに紹介を送信" }).ClickAsync();
        await Assertions.Expect(s.GetByText("求職者マイページに紹介を送信しました。")).ToBeVisibleAsync(Arrives);
        await staff.CheckPageAsync();

        // The referral arrives on jobseeker1's open page.
        var j = jobseeker.Page;
        var card = j.Locator(".mud-card").Filter(new() { HasText = offer.JobNumber });
        await Assertions.Expect(card).ToBeVisibleAsync(Arrives);
        await Assertions.Expect(card).ToContainTextAsync("応募受付中", Shows);
        Assert.Equal(0, jobseekerLoads());
        await jobseeker.CheckPageAsync();

        // staff1 keeps the board open from here on.
        await staff.VisitAsync("/staff/referrals");
        var boardLoads = CountLoads(s);
        var boardRow = s.GetByRole(AriaRole.Row).Filter(new() { HasText = offer.JobNumber }).Filter(new() { HasText = jobseekerName });
        await Assertions.Expect(boardRow).ToContainTextAsync("応募待ち", Shows);

        // jobseeker1 applies from the card with a 志望動機.
        await card.GetByRole(AriaRole.Button, new() { Name = "応募する", Exact = true }).ClickAsync();
        await card.GetByRole(AriaRole.Textbox, new() { Name = "志望動機" }).FillAsync("これまでの接客経験を活かし、御社で長く働きたいと考え応募いたしました。");
        await card.GetByRole(AriaRole.Button, new() { Name = "応募する", Exact = true }).Last.ClickAsync();
        await j.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/jobseeker/applications/", StringComparison.Ordinal), PortalBrowser.Committed);
        await jobseeker.CheckPageAsync();

        // employer1's open list and staff1's open board change.
        var e = employer.Page;
        var applicantRow = e.GetByRole(AriaRole.Row).Filter(new() { HasText = offer.JobNumber })
            .Filter(new() { Has = e.GetByRole(AriaRole.Link, new() { Name = jobseekerName }) });
        await Assertions.Expect(applicantRow).ToBeVisibleAsync(Arrives);
        await Assertions.Expect(applicantRow).ToContainTextAsync("選考中", Shows);
        await Assertions.Expect(boardRow).ToContainTextAsync("紹介成立（選考中）", Shows);
        Assert.Equal((0, 0), (employerLoads(), boardLoads()));
        await e.WaitForTimeoutAsync(1000); // the snackbar's fade-in: axe measures contrast through its opacity
        await employer.CheckPageAsync();
        await staff.CheckPageAsync();

        // employer1 opens the applicant and registers 採用.
        await applicantRow.GetByRole(AriaRole.Link, new() { Name = jobseekerName }).ClickAsync();
        await e.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/employer/applicants/", StringComparison.Ordinal), PortalBrowser.Committed);
        await employer.CheckPageAsync();
        await e.GetByRole(AriaRole.Radio, new() { Name = "採用", Exact = true }).CheckAsync();
        var hiringDate = e.GetByRole(AriaRole.Textbox, new() { Name = "採用日" });
        await hiringDate.FillAsync(JapanTime.DateOf(DateTimeOffset.UtcNow).ToString("yyyy/MM/dd", System.Globalization.CultureInfo.InvariantCulture));
        await hiringDate.PressAsync("Tab");
        await e.GetByRole(AriaRole.Radio, new() { Name = "相違なし" }).CheckAsync();
        await e.GetByRole(AriaRole.Button, new() { Name = "選考結果を登録する" }).ClickAsync();
        await e.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "選考結果を登録する" }).ClickAsync();
        await Assertions.Expect(e.GetByText("選考結果を登録しました。", new() { Exact = false }).First).ToBeVisibleAsync(Arrives);

        // staff1's board shows the result.
        await Assertions.Expect(boardRow).ToContainTextAsync("結果登録済み", Shows);
        await Assertions.Expect(boardRow).ToContainTextAsync("採用", Shows);
        await Assertions.Expect(boardRow).ToContainTextAsync("求人者がオンライン登録", Shows);
        Assert.Equal(0, boardLoads());
        await e.WaitForTimeoutAsync(1000);
        await employer.CheckPageAsync();
        await staff.CheckPageAsync();

        var stored = await portal.QueryAsync(db => db.Referrals.Where(r => r.JobOfferId == offer.Id && r.JobseekerId == offer.JobseekerId)
            .Join(db.Applications, r => r.ApplicationId, a => (Guid?)a.Id, (r, a) => new { r.Confirmation, a.Status, a.ResultChannel }).SingleAsync(Ct));
        Assert.Equal((EmployerConfirmation.Confirmed, ApplicationStatus.Hired, ResultChannel.EmployerOnline), (stored.Confirmation, stored.Status, stored.ResultChannel));
    }

    private static Func<int> CountLoads(IPage page)
    {
        var loads = 0;
        page.Load += (_, _) => loads++;
        return () => loads;
    }

    private sealed record OfferPick(Guid Id, string JobNumber, Guid JobseekerId);

    /// <summary>An open offer of employer1's establishment, accepted by staff1's office, valid past the form's default deadline (a week),
    /// for which jobseeker1 has no referral or application at all; and jobseeker1's name.</summary>
    private async Task<(OfferPick Offer, string JobseekerName)> OfferAndJobseekerAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var lastDay = JapanTime.DateOf(now).AddDays(8);
        return await portal.QueryAsync(async db =>
        {
            var staff = await db.Users.FirstAsync(u => u.Email == "staff1@example.jp", Ct);
            var js = await db.Users.FirstAsync(u => u.Email == "jobseeker1@example.jp", Ct);
            var name = await db.Jobseekers.Where(x => x.Id == js.JobseekerId).Select(x => x.Name).FirstAsync(Ct);
            var est = await db.Users.Where(u => u.Email == "employer1@example.jp").Select(u => u.EstablishmentId).FirstAsync(Ct);
            var taken = await db.Referrals.Where(r => r.JobseekerId == js.JobseekerId).Select(r => r.JobOfferId)
                .Concat(db.Applications.Where(a => a.JobseekerId == js.JobseekerId).Select(a => a.JobOfferId)).ToListAsync(Ct);
            var offers = await db.JobOffers.Where(o => o.EstablishmentId == est && o.AcceptingOfficeId == staff.OfficeId && o.Status == OfferStatus.Published)
                .OrderBy(o => o.JobNumber).ToListAsync(Ct);
            var offer = offers.First(o => o.IsOpen(now) && o.ValidUntil >= lastDay && !taken.Contains(o.Id));
            return (new OfferPick(offer.Id, offer.JobNumber!, js.JobseekerId!.Value), name);
        });
    }
}

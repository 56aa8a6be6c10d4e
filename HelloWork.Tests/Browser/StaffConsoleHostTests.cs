using System.Net;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Common;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Referrals;
using HelloWork.Tests.Browser;
using HelloWork.Tests.Host.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

using HelloWork.Tests.Domain.Staff;

namespace HelloWork.Tests.Browser;

/// <summary>The staff console on the real host: the scorecard endpoints' scope, every page rendered and checked with axe, another office's
/// view, and the board changing live in front of staff1 as referrals are sent and answered (R-ACC-4, R-KPI-3, R-LIVE-1, R-UI-1).</summary>
public sealed class StaffConsoleHostTests(PortalHost portal, Chromium chromium)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("staff1@example.jp", HttpStatusCode.OK)]
    [InlineData("staff2@example.jp", HttpStatusCode.OK)]
    [InlineData("employer1@example.jp", HttpStatusCode.Forbidden)]
    [InlineData("jobseeker1@example.jp", HttpStatusCode.Forbidden)]
    public async Task The_scorecard_is_served_to_staff_for_their_own_office_only(string email, HttpStatusCode expected)
    {
        using var client = await Api.SignedInAsync(portal, email);

        using var csv = await client.GetAsync("/staff/scorecards/2026/3.csv", Ct);
        using var pdf = await client.GetAsync("/staff/scorecards/2026/3.pdf", Ct);
        using var bad = await client.GetAsync("/staff/scorecards/2026/5.csv", Ct);

        Assert.Equal((expected, expected), (csv.StatusCode, pdf.StatusCode));
        if (expected == HttpStatusCode.OK)
        {
            var text = await csv.Content.ReadAsStringAsync(Ct);
            Assert.Contains(email.StartsWith("staff1", StringComparison.Ordinal) ? "ハローワーク飯田橋" : "ハローワーク大阪東", text, StringComparison.Ordinal);
            Assert.DoesNotContain(email.StartsWith("staff1", StringComparison.Ordinal) ? "ハローワーク大阪東" : "ハローワーク飯田橋", text, StringComparison.Ordinal);
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
            // A quarter out of range is refused with its message by the one refusal handler (R-ERR-1).
            Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
            Assert.Contains("\"field\":\"quarter\"", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Every_staff_page_renders_for_staff1_and_staff2_sees_none_of_office_1_s_queue_or_board()
    {
        var offer = await portal.QueryAsync(db => db.JobOffers.Where(o => o.JobNumber!.StartsWith("13010-") && o.Status == OfferStatus.Published)
            .OrderBy(o => o.JobNumber).Select(o => new { o.Id, o.Title }).FirstAsync(Ct));
        var office1Submitted = await portal.QueryAsync(db => db.JobOffers.Where(o => o.Status == OfferStatus.Submitted
            && db.Establishments.Any(e => e.Id == o.EstablishmentId && db.Offices.Any(f => f.Id == e.OfficeId && f.Code == "13010")))
            .Select(o => o.EstablishmentName).Distinct().ToListAsync(Ct));
        await using var staff1 = await PortalBrowser.OpenAsync(portal, chromium, "staff1-console");
        await staff1.SignInAsync("staff1@example.jp");
        foreach (var path in new[] { "/staff/review", $"/staff/referrals/new?offer={offer.Id}", "/staff/referrals", "/staff/figures", "/staff/audit", "/staff/jobseekers" })
        {
            await staff1.VisitAsync(path);
        }

        await using var staff2 = await PortalBrowser.OpenAsync(portal, chromium, "staff2-console");
        await staff2.SignInAsync("staff2@example.jp");
        await staff2.VisitAsync("/staff/review");
        var queue = await staff2.Page.Locator("main").InnerTextAsync();
        await staff2.VisitAsync("/staff/audit");
        var audit = await staff2.Page.Locator("main").InnerTextAsync();

        Assert.NotEmpty(office1Submitted);
        Assert.DoesNotContain(office1Submitted, name => queue.Contains(name, StringComparison.Ordinal));
        Assert.Contains("アクセス", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_board_counts_change_in_front_of_staff1_as_a_referral_is_sent_and_answered()
    {
        var (staffUser, jsUser, offerId) = await portal.QueryAsync(async db =>
        {
            var staff = await db.Users.FirstAsync(u => u.Email == "staff1@example.jp", Ct);
            var js = await db.Users.FirstAsync(u => u.Email == "jobseeker1@example.jp", Ct);
            var taken = db.Referrals.Where(r => r.JobseekerId == js.JobseekerId).Select(r => r.JobOfferId)
                .Concat(db.Applications.Where(a => a.JobseekerId == js.JobseekerId).Select(a => a.JobOfferId));
            var offer = await db.JobOffers.Where(o => o.AcceptingOfficeId == staff.OfficeId && o.Status == OfferStatus.Published && !taken.Contains(o.Id))
                .OrderBy(o => o.JobNumber).Select(o => o.Id).FirstAsync(Ct);
            return (staff, js, offer);
        });
        var staffActor = new Actor(staffUser.Id, Roles.Staff, staffUser.DisplayName, OfficeId: staffUser.OfficeId, IsSupervisor: true);
        var jsActor = new Actor(jsUser.Id, Roles.Jobseeker, jsUser.DisplayName, JobseekerId: jsUser.JobseekerId);
        await using var staff1 = await PortalBrowser.OpenAsync(portal, chromium, "staff1-board-live");
        await staff1.SignInAsync("staff1@example.jp");
        await staff1.VisitAsync("/staff/referrals");
        var awaiting = staff1.Page.Locator("[data-state=AwaitingApplication]");
        var applied = staff1.Page.Locator("[data-state=Applied]");
        var awaitingBefore = await CountAsync(awaiting);
        var appliedBefore = await CountAsync(applied);

        var referralId = await portal.Services.GetRequiredService<ReferralService>().SendAsync(staffActor,
            new ReferralInput(offerId, jsUser.JobseekerId!.Value, EmployerConfirmation.SkippedUnreachable, "土曜日のため求人者と連絡がつかず"), Ct);
        await Assertions.Expect(awaiting).ToContainTextAsync($"：{awaitingBefore + 1}");
        await portal.Services.GetRequiredService<HelloWork.Domain.Applications.ApplicationService>().ApplyAsync(jsActor,
            new(offerId, "これまでの経験を活かしたいと考え応募いたしました。", [], referralId), Ct);
        await Assertions.Expect(applied).ToContainTextAsync($"：{appliedBefore + 1}");
        await Assertions.Expect(awaiting).ToContainTextAsync($"：{awaitingBefore}");
        await staff1.CheckPageAsync();
    }

    private static async Task<int> CountAsync(ILocator chip) => int.Parse((await chip.InnerTextAsync()).Split('：')[^1].Trim(), System.Globalization.CultureInfo.InvariantCulture);
}

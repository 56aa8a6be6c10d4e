using System.Net;
using HelloWork.Domain.Applications;

using Microsoft.EntityFrameworkCore;

using HelloWork.Tests.Browser;
using HelloWork.Tests.Domain.Jobseekers;

namespace HelloWork.Tests.Host.Http;

/// <summary>R-ACC-4 over HTTP on the real host with the demo data: jobseeker 2 gets nothing of jobseeker 1's work from any page or endpoint.</summary>
public sealed class JobseekerHttpScopeTests(PortalHost portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(Guid ApplicationId, Guid ReferralId, string Title)> Jobseeker1sReferralApplicationAsync() => await portal.QueryAsync(async db =>
    {
        var jobseekerId = await db.Users.Where(u => u.Email == "jobseeker1@example.jp").Select(u => u.JobseekerId!.Value).FirstAsync(Ct);
        var a = await db.Applications.Where(x => x.JobseekerId == jobseekerId && x.Method == ApplicationMethod.OnlineReferral && x.ReferralId != null)
            .OrderByDescending(x => x.AppliedAt).FirstAsync(Ct);
        var title = await db.JobOffers.Where(o => o.Id == a.JobOfferId).Select(o => o.Title).FirstAsync(Ct);
        return (a.Id, a.ReferralId!.Value, title);
    });

    [Fact]
    public async Task Jobseeker2_gets_not_found_for_jobseeker1s_application_page_and_referral_slip_while_jobseeker1_gets_them()
    {
        var (applicationId, referralId, _) = await Jobseeker1sReferralApplicationAsync();
        using var other = await portal.NewClientAsync();
        await Forms.SignInAsync(other, "jobseeker2@example.jp");
        using var owner = await portal.NewClientAsync();
        await Forms.SignInAsync(owner, "jobseeker1@example.jp");

        using var slip = await other.GetAsync($"/documents/referral-slips/{referralId}.pdf", Ct);
        Assert.Equal(HttpStatusCode.NotFound, slip.StatusCode);
        using var ownSlip = await owner.GetAsync($"/documents/referral-slips/{referralId}.pdf", Ct);
        Assert.Equal(HttpStatusCode.OK, ownSlip.StatusCode);
        Assert.Equal("application/pdf", ownSlip.Content.Headers.ContentType?.MediaType);

        var page = await Forms.GetPageAsync(other, $"/jobseeker/applications/{applicationId}");
        Assert.Equal("応募が見つかりません", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.DoesNotContain("志望動機", page.QuerySelector("main")?.TextContent ?? "", StringComparison.Ordinal);
        var ownPage = await Forms.GetPageAsync(owner, $"/jobseeker/applications/{applicationId}");
        Assert.Contains("志望動機", ownPage.QuerySelector("main")?.TextContent ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_search_and_job_sheet_answer_anonymous_visitors()
    {
        using var client = await portal.NewClientAsync();
        var search = await Forms.GetPageAsync(client, "/search?q=" + Uri.EscapeDataString("介護"));
        Assert.Equal("求人情報検索", search.QuerySelector("h1")?.TextContent.Trim());
        var link = search.QuerySelector("main a[href^='/jobs/']")?.GetAttribute("href");
        Assert.NotNull(link);
        var detail = await Forms.GetPageAsync(client, link);
        Assert.Contains("1 基本情報", detail.QuerySelector("main")?.TextContent ?? "", StringComparison.Ordinal);
        using var pdf = await client.GetAsync($"/documents/job-sheets/{link["/jobs/".Length..]}.pdf", Ct);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using HelloWork.Tests.Browser;
using HelloWork.Tests.Host.Http;
using Microsoft.Playwright;

namespace HelloWork.Tests.Trust;

/// <summary>
/// "A jobseeker can see on the mypage who accessed their data and when": staff1 looks jobseeker1 up in the staff console,
/// then jobseeker1 opens 閲覧履歴 from the menu and finds that look-up, by office and never by staff name (R-AUD-1).
/// </summary>
public sealed class AccessLogBrowserTests(PortalHost portal, Chromium chromium)
{
    [Fact]
    public async Task A_staff_look_up_appears_on_the_jobseekers_access_log_page()
    {
        await using (var staff = await PortalBrowser.OpenAsync(portal, chromium, "access-log-staff1"))
        {
            await staff.SignInAsync("staff1@example.jp");
            await staff.VisitAsync("/staff/jobseekers");
            await staff.Page.GetByLabel("メールアドレス").First.FillAsync("jobseeker1@example.jp");
            await staff.Page.GetByRole(AriaRole.Button, new() { Name = "検索", Exact = true }).ClickAsync();
            await Assertions.Expect(staff.Page.GetByText("佐藤 結衣").First).ToBeVisibleAsync();
        }

        // employer1 opens one of jobseeker1's applications to 株式会社みらい商事.
        var applicationId = await portal.QueryAsync(db => (from a in db.Applications
                                                           join u in db.Users on a.JobseekerId equals u.JobseekerId
                                                           join e in db.Users on a.EstablishmentId equals e.EstablishmentId
                                                           where u.Email == "jobseeker1@example.jp" && e.Email == "employer1@example.jp"
                                                           select a.Id).FirstAsync());
        await using (var employer = await PortalBrowser.OpenAsync(portal, chromium, "access-log-employer1"))
        {
            await employer.SignInAsync("employer1@example.jp");
            await employer.VisitAsync($"/employer/applicants/{applicationId}");
            await Assertions.Expect(employer.Page.GetByText("佐藤 結衣").First).ToBeVisibleAsync();
        }

        await using var seeker = await PortalBrowser.OpenAsync(portal, chromium, "access-log-jobseeker1", width: 1100, height: 700);
        await seeker.SignInAsync("jobseeker1@example.jp");
        await seeker.Page.GetByRole(AriaRole.Link, new() { Name = "閲覧履歴" }).ClickAsync();
        await seeker.Page.WaitForURLAsync(url => url.EndsWith("/jobseeker/access-log", StringComparison.Ordinal), PortalBrowser.Committed);
        var page = seeker.Page;
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("あなたの情報の閲覧履歴");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "ハローワーク飯田橋 職員" }).Filter(new() { HasText = "求職情報の閲覧" });
        await Assertions.Expect(row.First).ToBeVisibleAsync();
        var employerRow = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "株式会社みらい商事（求人者）" }).Filter(new() { HasText = "応募情報の閲覧" });
        await Assertions.Expect(employerRow.First).ToBeVisibleAsync();
        await seeker.CheckPageAsync();
        var body = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotContain("staff1", body, StringComparison.Ordinal); // the organisation is shown, not the staff account

        var shot = Path.Combine(PortalBrowser.ScreenshotFolder, "jobseeker-access-log.png");
        await page.ScreenshotAsync(new() { Path = shot, FullPage = false });
    }
}

/// <summary>R-ACC-4: the access log page belongs to jobseekers; employers and staff are refused by the server.</summary>
public sealed class AccessLogPageAccessTests(PortalHost portal)
{
    [Theory]
    [InlineData("employer1@example.jp")]
    [InlineData("staff1@example.jp")]
    [InlineData("agency1@example.jp")]
    public async Task Other_roles_get_the_access_denied_page_never_the_log(string email)
    {
        using var client = await portal.NewClientAsync();
        using var signIn = await Forms.SignInAsync(client, email);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        using var response = await client.GetAsync("/jobseeker/access-log", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("閲覧履歴", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stranger_is_sent_to_sign_in()
    {
        using var client = await portal.NewClientAsync();

        using var response = await client.GetAsync("/jobseeker/access-log", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}

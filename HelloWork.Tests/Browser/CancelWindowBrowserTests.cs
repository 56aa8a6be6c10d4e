using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using HelloWork.Domain.Data;
using HelloWork.Tests.Browser;
using HelloWork.Tests.Host.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

using HelloWork.Tests.Domain.Jobseekers;

namespace HelloWork.Tests.Browser;

/// <summary>The real portal with its clock under the test's control (one <see cref="FakeTimeProvider"/> for the domain and the pages),
/// with <paramref name="settings"/> on top of the demo ones.</summary>
public sealed class ClockedPortal(IReadOnlyDictionary<string, string>? settings = null) : KestrelPortal("hellowork-clocked-")
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseDemoSqlite(Folder, fromTemplate: false); // its fake clock dates its own demo data
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>The cancel button and its countdown vanish on the open page when the clock passes 24 hours (R-CAN-1),
/// the page then says to message the employer (R-CAN-2), and a cancel sent anyway is refused by the domain.</summary>
public sealed class CancelWindowBrowserTests(Chromium chromium)
{
    [Fact]
    public async Task The_cancel_button_disappears_without_reload_when_the_clock_passes_24_hours()
    {
        await using var portal = new ClockedPortal();
        var baseAddress = portal.Start();
        var (applicationId, appliedAt, userId, jobseekerId) = await FreshApplicationAsync(portal);

        var browser = await chromium.GetAsync();
        await using var context = await browser.NewContextAsync(new() { BaseURL = baseAddress.ToString(), Locale = "ja-JP" });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.Locator("#email").FillAsync("jobseeker1@example.jp");
        await page.Locator("#password").FillAsync(PortalHost.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase), PortalBrowser.Committed);

        await page.GotoAsync($"/jobseeker/applications/{applicationId}");
        var cancel = page.GetByRole(AriaRole.Button, new() { Name = "応募を取り消す" });
        await cancel.WaitForAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Timer)).ToContainTextAsync("残り");
        await Shot(page, "cancel-window-open");

        // The clock passes the 24-hour mark while the page stays open.
        portal.Clock.Advance(appliedAt + Application.CancelWindow - portal.Clock.GetUtcNow() + TimeSpan.FromSeconds(1));
        await Assertions.Expect(cancel).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("応募から24時間を過ぎたため")).ToBeVisibleAsync();
        await Shot(page, "cancel-window-closed");

        var actor = new Actor(userId, "Jobseeker", "js1", JobseekerId: jobseekerId);
        var refusal = await Assert.ThrowsAsync<DomainException>(() => portal.Services.GetRequiredService<ApplicationService>().CancelAsync(actor, applicationId));
        Assert.Equal("CancelWindowClosed", refusal.Code);
    }

    private static async Task Shot(IPage page, string name)
    {
        Directory.CreateDirectory(PortalBrowser.ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(PortalBrowser.ScreenshotFolder, $"jobseeker-{name}.png"), FullPage = true });
    }

    private static async Task<(Guid Id, DateTimeOffset AppliedAt, Guid UserId, Guid JobseekerId)> FreshApplicationAsync(ClockedPortal portal)
    {
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<HelloWorkDb>>().CreateDbContextAsync();
        var user = await db.Users.FirstAsync(u => u.Email == "jobseeker1@example.jp");
        var now = portal.Clock.GetUtcNow();
        var a = await db.Applications.Where(x => x.JobseekerId == user.JobseekerId && x.Status == ApplicationStatus.InSelection)
            .OrderByDescending(x => x.AppliedAt).FirstAsync();
        Assert.True(a.CanCancel(now), "the demo data has an application made 2 hours ago");
        return (a.Id, a.AppliedAt, user.Id, user.JobseekerId!.Value);
    }
}

using HelloWork.Tests.Host.Live;
using Microsoft.Playwright;
using LivePortal = HelloWork.Tests.PortalHost;

namespace HelloWork.Tests.Browser;

/// <summary>A portal whose staff and administrators are signed out after 30 seconds without activity, warned 20 seconds before.</summary>
public sealed class ShortIdleFixture : IAsyncLifetime
{
    public const int TimeoutSeconds = 30;
    public const int WarningSeconds = 20;

    public TempDatabase Database { get; } = new();
    public LivePortal Host { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        var settings = Database.Settings();
        settings["Auth:IdleSignOut"] = TimeSpan.FromSeconds(TimeoutSeconds).ToString();
        settings["Auth:IdleWarning"] = TimeSpan.FromSeconds(WarningSeconds).ToString();
        Host = LivePortal.On(settings);
        Host.Start();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        Database.Dispose();
    }
}

/// <summary>
/// Idle sign-out in Chromium: a staff member who does nothing sees a live dialog counting the seconds down with
/// 「ログインを延長」; the button gives the full time again; without it the page goes to sign-in saying why, and the cookie is
/// gone (the staff page asks to sign in again, R-ACC-4). A jobseeker is never signed out for idleness. The times are short real
/// ones; nothing here measures speed (the waits only bound a hang).
/// </summary>
public sealed class IdleSignOutBrowserTests(ShortIdleFixture fixture, Chromium chromium) : IClassFixture<ShortIdleFixture>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(ShortIdleFixture.TimeoutSeconds * 3);

    [Theory]
    [InlineData(1280, 800, "staff1@example.jp")]
    [InlineData(390, 844, "staff2@example.jp")]
    public async Task An_idle_staff_member_is_warned_can_extend_and_is_then_signed_out_R_ACC_4(int width, int height, string email)
    {
        await using var browser = await PortalBrowser.OpenAsync(fixture.Host.BaseAddress, chromium, $"idle-{width}", width, height);
        await browser.SignInAsync(email);
        var page = browser.Page;
        Assert.Equal("/staff", new Uri(page.Url).AbsolutePath);

        var dialog = page.Locator("#idle-dialog");
        await dialog.WaitForAsync(new() { Timeout = (float)Bound.TotalMilliseconds });
        Assert.Matches("あと\\d+秒で自動的にログアウトします", await page.Locator("#idle-text").InnerTextAsync());
        Assert.Equal("alertdialog", await dialog.GetAttributeAsync("role"));
        await browser.CheckPageAsync(); // screenshot of the dialog, and axe with it open

        // The seconds count down live in the circuit.
        var first = await page.Locator("#idle-text").InnerTextAsync();
        await page.WaitForFunctionAsync("t => document.querySelector('#idle-text')?.innerText !== t", first, new() { Timeout = 10_000 });

        await page.GetByRole(AriaRole.Button, new() { Name = "ログインを延長" }).ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        Assert.Equal("/staff", new Uri(page.Url).AbsolutePath);

        // Without the button this time: the dialog comes back, then the page goes to sign-in and says why.
        await dialog.WaitForAsync(new() { Timeout = (float)Bound.TotalMilliseconds });
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.Equals("/Account/Login", StringComparison.OrdinalIgnoreCase),
            new() { Timeout = (float)Bound.TotalMilliseconds });
        await page.Locator("#idle-signed-out").WaitForAsync();
        await browser.CheckPageAsync();

        // The cookie ended with it: the staff page asks for sign-in again.
        await page.GotoAsync("/staff");
        Assert.Equal("/Account/Login", new Uri(page.Url).AbsolutePath, ignoreCase: true);
    }

    [Fact]
    public async Task A_jobseeker_is_not_signed_out_for_idleness()
    {
        await using var browser = await PortalBrowser.OpenAsync(fixture.Host.BaseAddress, chromium, "idle-jobseeker");
        await browser.SignInAsync("jobseeker1@example.jp");
        await Task.Delay(TimeSpan.FromSeconds(ShortIdleFixture.TimeoutSeconds + 5), TestContext.Current.CancellationToken);
        Assert.Equal(0, await browser.Page.Locator("#idle-dialog").CountAsync());
        Assert.Equal("/jobseeker", new Uri(browser.Page.Url).AbsolutePath);
    }
}

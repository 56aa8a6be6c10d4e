using Microsoft.Playwright;

namespace HelloWork.Tests.Browser;

/// <summary>A portal on a clock the tests move, whose staff and administrators are signed out after 30 seconds without activity,
/// warned 20 seconds before.</summary>
public sealed class ShortIdleFixture : IAsyncLifetime
{
    public const int TimeoutSeconds = 30;
    public const int WarningSeconds = 20;

    public ClockedPortal Host { get; } = new(new Dictionary<string, string>
    {
        ["Auth:IdleSignOut"] = TimeSpan.FromSeconds(TimeoutSeconds).ToString(),
        ["Auth:IdleWarning"] = TimeSpan.FromSeconds(WarningSeconds).ToString(),
    });

    public ValueTask InitializeAsync()
    {
        Host.Start();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();

    /// <summary>Moves the portal's clock a second at a time until <paramref name="reached"/> holds, at most <paramref name="seconds"/>
    /// seconds; false if it never did. A second at a time, because the circuit arms its idle timer a moment after the page shows,
    /// on the clock as it is then; each step gives the page a moment of real time to render what the tick changed.</summary>
    public async Task<bool> AdvanceUntilAsync(Func<Task<bool>> reached, int seconds)
    {
        for (var i = 0; i < seconds; i++)
        {
            if (await reached())
            {
                return true;
            }
            Host.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        return await reached();
    }
}

/// <summary>
/// Idle sign-out in Chromium: a staff member who does nothing sees a live dialog counting the seconds down with
/// 「ログインを延長」; the button gives the full time again; without it the page goes to sign-in saying why, and the cookie is
/// gone (the staff page asks to sign in again, R-ACC-4). A jobseeker is never signed out for idleness. The portal's clock is
/// the test's: the minutes of idleness pass at once, and nothing here depends on how fast the machine is.
/// </summary>
public sealed class IdleSignOutBrowserTests(ShortIdleFixture fixture, Chromium chromium) : IClassFixture<ShortIdleFixture>
{
    /// <summary>More than the whole idle time, in steps of the clock: a bound on a hang, not a measure.</summary>
    private const int Bound = ShortIdleFixture.TimeoutSeconds * 3;

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
        Assert.True(await fixture.AdvanceUntilAsync(() => dialog.IsVisibleAsync(), Bound), "no idle warning");
        Assert.Matches("あと\\d+秒で自動的にログアウトします", await page.Locator("#idle-text").InnerTextAsync());
        Assert.Equal("alertdialog", await dialog.GetAttributeAsync("role"));
        await browser.CheckPageAsync(); // screenshot of the dialog, and axe with it open

        // The seconds count down live in the circuit.
        var first = await page.Locator("#idle-text").InnerTextAsync();
        fixture.Host.Clock.Advance(TimeSpan.FromSeconds(1));
        await page.WaitForFunctionAsync("t => document.querySelector('#idle-text')?.innerText !== t", first, new() { Timeout = 10_000 });

        await page.GetByRole(AriaRole.Button, new() { Name = "ログインを延長" }).ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        Assert.Equal("/staff", new Uri(page.Url).AbsolutePath);
        // The full time again: ten seconds on, before the warning's twenty, nothing shows.
        fixture.Host.Clock.Advance(TimeSpan.FromSeconds(ShortIdleFixture.TimeoutSeconds - ShortIdleFixture.WarningSeconds - 1));
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.False(await dialog.IsVisibleAsync(), "the warning came back before its time after 「ログインを延長」");

        // Without the button this time: the dialog comes back, then the page goes to sign-in and says why.
        Assert.True(await fixture.AdvanceUntilAsync(() => dialog.IsVisibleAsync(), Bound), "no second idle warning");
        Assert.True(await fixture.AdvanceUntilAsync(() => Task.FromResult(
            new Uri(page.Url).AbsolutePath.Equals("/Account/Login", StringComparison.OrdinalIgnoreCase)), Bound), "not signed out");
        await page.Locator("#idle-signed-out").WaitForAsync();
        await browser.CheckPageAsync();

        // The cookie ended with it: the staff page asks for sign-in again.
        await page.GotoAsync("/staff");
        Assert.Equal("/Account/Login", new Uri(page.Url).AbsolutePath, ignoreCase: true);
    }

    [Fact]
    public async Task A_jobseeker_is_not_signed_out_for_idleness()
    {
        // A staff member idle beside the jobseeker on the same clock shows the time has passed.
        await using var staff = await PortalBrowser.OpenAsync(fixture.Host.BaseAddress, chromium, "idle-staff");
        await staff.SignInAsync("staff1@example.jp");
        await using var browser = await PortalBrowser.OpenAsync(fixture.Host.BaseAddress, chromium, "idle-jobseeker");
        await browser.SignInAsync("jobseeker1@example.jp");

        Assert.True(await fixture.AdvanceUntilAsync(() => Task.FromResult(
            new Uri(staff.Page.Url).AbsolutePath.Equals("/Account/Login", StringComparison.OrdinalIgnoreCase)), Bound), "the staff member was not signed out");
        fixture.Host.Clock.Advance(TimeSpan.FromSeconds(ShortIdleFixture.TimeoutSeconds));
        await Task.Delay(300, TestContext.Current.CancellationToken);

        Assert.Equal(0, await browser.Page.Locator("#idle-dialog").CountAsync());
        Assert.Equal("/jobseeker", new Uri(browser.Page.Url).AbsolutePath);
        await browser.Page.ReloadAsync();
        Assert.Equal("/jobseeker", new Uri(browser.Page.Url).AbsolutePath);
    }
}

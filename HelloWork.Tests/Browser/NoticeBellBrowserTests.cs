using Microsoft.Playwright;

using HelloWork.Tests.Host.Live;

namespace HelloWork.Tests.Browser;

/// <summary>
/// The notice bell in a real browser (Debian's Chromium) on the real host: a Blazor circuit hears of a new notice
/// without a reload (R-LIVE-1, R-NTC-1), and mark-as-read in one tab updates the bell in another.
/// </summary>
public sealed class NoticeBellBrowserTests(LiveHubFixture fixture) : IClassFixture<LiveHubFixture>
{
    private const string Chromium = "/usr/bin/chromium";
    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task The_bell_counts_a_new_application_live_and_clears_when_another_tab_marks_all_read()
    {
        Assert.SkipUnless(File.Exists(Chromium), $"Browser test needs Debian's chromium at {Chromium} (apt-get install chromium).");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new() { BaseURL = Host.BaseAddress.ToString(), Locale = "ja-JP" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.Locator("#email").FillAsync("employer1@example.jp");
        await page.Locator("#password").FillAsync("HelloWork!2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();
        var bell = page.Locator("a[aria-label^='お知らせ（未読のお知らせ']");
        await Assertions.Expect(bell).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined"); // the circuit is up
        var unread = Count(await bell.GetAttributeAsync("aria-label"));

        var jobseeker = await Host.ActorAsync("jobseeker1@example.jp");
        var employer1 = await Host.ActorAsync("employer1@example.jp");
        await Host.ApplyAsync(jobseeker, await Host.SelfApplicationOfferAsync(employer1, jobseeker));

        await Assertions.Expect(bell).ToHaveAttributeAsync("aria-label", $"お知らせ（未読のお知らせ {unread + 1}）", new() { Timeout = 10_000 });

        var other = await context.NewPageAsync();
        await other.GotoAsync("/notices");
        var markAll = other.GetByRole(AriaRole.Button, new() { Name = "すべて既読にする" });
        // A prerendered button does nothing until the tab's circuit is up: click until the page reacts (the button goes).
        for (var attempt = 0; attempt < 20 && await markAll.IsVisibleAsync(); attempt++)
        {
            await markAll.ClickAsync();
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }
        await Assertions.Expect(markAll).ToBeHiddenAsync();

        await Assertions.Expect(bell).ToHaveAttributeAsync("aria-label", "お知らせ（未読のお知らせ 0）", new() { Timeout = 10_000 });
    }

    private static int Count(string? label)
    {
        Assert.NotNull(label);
        return int.Parse(label[(label.LastIndexOf(' ') + 1)..].TrimEnd('）'), System.Globalization.CultureInfo.InvariantCulture);
    }
}

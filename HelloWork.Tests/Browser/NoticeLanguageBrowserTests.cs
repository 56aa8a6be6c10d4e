using HelloWork.Tests.Host.Live;
using Microsoft.Playwright;

namespace HelloWork.Tests.Browser;

/// <summary>
/// Stored notices are data rendered in the reader's language (R-NTC-1, R-UI-1): after switching to English the notice
/// list shows the same stored notices in English, and switching back shows them in Japanese again.
/// </summary>
public sealed class NoticeLanguageBrowserTests(LiveHubFixture fixture) : IClassFixture<LiveHubFixture>
{
    private const string Chromium = "/usr/bin/chromium";
    private PortalHost Host => fixture.Host;

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task Switching_to_English_re_renders_stored_notices_in_English_R_NTC_1_R_UI_1(int width, int height)
    {
        Assert.SkipUnless(File.Exists(Chromium), $"Browser test needs Debian's chromium at {Chromium} (apt-get install chromium).");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = Host.BaseAddress.ToString(), Locale = "ja-JP", ViewportSize = new() { Width = width, Height = height },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.Locator("#email").FillAsync("employer1@example.jp");
        await page.Locator("#password").FillAsync("HelloWork!2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();
        await Assertions.Expect(page.Locator("a[aria-label^='お知らせ（未読のお知らせ']")).ToBeVisibleAsync();

        await page.GotoAsync("/notices");
        var japanese = page.GetByText("応募通知（オンラインハローワーク紹介）").First;
        await Assertions.Expect(japanese).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("応募取消の通知").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot($"notices-ja-{width}x{height}"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).Or(page.GetByRole(AriaRole.Button, new() { Name = "English" })).First.ClickAsync();

        await Assertions.Expect(page.GetByText("New application (Online Hello Work referral)").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("An application was cancelled").First).ToBeVisibleAsync();
        await Assertions.Expect(japanese).ToBeHiddenAsync();
        await page.ScreenshotAsync(new() { Path = Shot($"notices-en-{width}x{height}"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "日本語" }).Or(page.GetByRole(AriaRole.Button, new() { Name = "日本語" })).First.ClickAsync();
        await Assertions.Expect(page.GetByText("応募通知（オンラインハローワーク紹介）").First).ToBeVisibleAsync();
    }

    private static string Shot(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }
}

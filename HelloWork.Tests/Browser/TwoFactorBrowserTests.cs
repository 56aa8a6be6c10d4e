using HelloWork.Tests.Trust;
using Microsoft.Playwright;

namespace HelloWork.Tests.Browser;

/// <summary>
/// 二段階認証 in Chromium on a portal that requires it of agencies: an agency signing in is taken to ログインとセキュリティ
/// first, reads the key and QR code, types the app's code (computed as an app does) and sees its recovery codes once; the page
/// passes axe and fits a 390-px phone (R-ACC-4).
/// </summary>
public sealed class TwoFactorBrowserTests(TwoFactorFixture fixture, Chromium chromium) : IClassFixture<TwoFactorFixture>
{
    [Theory]
    [InlineData(1280, 800, "agency1@example.jp")]
    [InlineData(390, 844, "agency2@example.jp")]
    public async Task An_agency_sets_up_two_factor_before_anything_else(int width, int height, string email)
    {
        await using var browser = await PortalBrowser.OpenAsync(fixture.Host.BaseAddress, chromium, $"two-factor-{width}", width, height);
        await browser.SignInAsync(email);
        var page = browser.Page;
        Assert.Equal("/Account/Security", new Uri(page.Url).AbsolutePath, ignoreCase: true);
        await page.Locator("#two-factor-required").WaitForAsync();
        Assert.True(await page.Locator("#authenticator-qr").IsVisibleAsync());
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than the {width}px screen.");

        var key = (await page.Locator("#authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await page.Locator("#code").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "有効にする" }).ClickAsync();
        await page.Locator("#recovery-codes").WaitForAsync();
        Assert.Equal(10, await page.Locator("#recovery-codes li").CountAsync());
        await browser.CheckPageAsync();

        await browser.VisitAsync("/agency");
        Assert.Equal("/agency", new Uri(page.Url).AbsolutePath);

        // The next sign-in asks for the app's code after the password (a fresh browser).
        await using var again = await PortalBrowser.OpenAsync(fixture.Host.BaseAddress, chromium, $"two-factor-signin-{width}", width, height);
        await again.VisitAsync("/Account/Login");
        await again.Page.Locator("#email").FillAsync(email);
        await again.Page.Locator("#password").FillAsync(PortalHost.DemoPassword);
        await again.Page.GetByRole(AriaRole.Button, new() { Name = "ログイン", Exact = true }).ClickAsync();
        await again.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath.Equals("/Account/LoginWith2fa", StringComparison.OrdinalIgnoreCase), PortalBrowser.Committed);
        await again.CheckPageAsync();
        await again.Page.Locator("#code").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await again.Page.GetByRole(AriaRole.Button, new() { Name = "ログイン", Exact = true }).ClickAsync();
        await again.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/agency", PortalBrowser.Committed);
        await again.CheckPageAsync();
    }
}

using HelloWork.Tests.Host.Http;
using Microsoft.Playwright;

namespace HelloWork.Tests.Browser;

/// <summary>Every demo account signs in through the form in Chromium and lands on its own role home,
/// every page visited passes the accessibility check (R-UI-1), and the jobseeker home works on a 375-px-wide phone.</summary>
public sealed class SignInTests(PortalHost portal, Chromium chromium)
{
    private static async Task ExpectHomeAsync(PortalBrowser browser, DemoAccounts.Account account)
    {
        Assert.Equal(account.Home, new Uri(browser.Page.Url).AbsolutePath);
        var heading = browser.Page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        Assert.Equal(account.Heading, (await heading.InnerTextAsync()).Trim());
    }

    [Theory]
    [MemberData(nameof(DemoAccounts.Emails), MemberType = typeof(DemoAccounts))]
    public async Task Every_demo_account_signs_in_and_sees_its_own_role_home(string email)
    {
        var account = DemoAccounts.Get(email);
        await using var browser = await PortalBrowser.OpenAsync(portal, chromium, "signin-" + email.Split('@')[0]);

        await browser.SignInAsync(email);

        await ExpectHomeAsync(browser, account);
    }

    [Fact]
    public async Task The_jobseeker_home_fits_a_375_pixel_wide_phone_screen()
    {
        var account = DemoAccounts.Get("jobseeker1@example.jp");
        await using var browser = await PortalBrowser.OpenAsync(portal, chromium, "phone-jobseeker1", width: 375, height: 812);

        await browser.SignInAsync(account.Email);

        await ExpectHomeAsync(browser, account);
        var overflow = await browser.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than the 375px screen.");
    }

    [Fact]
    public async Task A_wrong_password_shows_a_clear_message_on_the_sign_in_page()
    {
        await using var browser = await PortalBrowser.OpenAsync(portal, chromium, "signin-wrong");
        await browser.VisitAsync("/Account/Login");

        await browser.Page.Locator("#email").FillAsync("nobody@example.jp");
        await browser.Page.Locator("#password").FillAsync("Wrong!password1");
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "ログイン", Exact = true }).ClickAsync();
        await browser.CheckPageAsync();

        Assert.Equal("メールアドレスまたはパスワードが正しくありません。", (await browser.Page.GetByRole(AriaRole.Alert).InnerTextAsync()).Trim());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Account/Register")]
    [InlineData("/Account/RegisterEmployer")]
    public async Task Public_pages_pass_the_accessibility_check(string path)
    {
        await using var browser = await PortalBrowser.OpenAsync(portal, chromium, "public");

        await browser.VisitAsync(path);
    }

    [Fact]
    public async Task An_employer_opening_a_jobseeker_page_sees_the_access_denied_page()
    {
        await using var browser = await PortalBrowser.OpenAsync(portal, chromium, "denied-employer1");
        await browser.SignInAsync("employer1@example.jp");

        await browser.VisitAsync("/jobseeker");

        Assert.Equal("/Account/AccessDenied", new Uri(browser.Page.Url).AbsolutePath);
        Assert.Equal("アクセスできません", (await browser.Page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task Registration_errors_appear_next_to_the_fields_and_pass_the_accessibility_check()
    {
        await using var browser = await PortalBrowser.OpenAsync(portal, chromium, "register-errors");
        await browser.VisitAsync("/Account/Register");

        await browser.Page.Locator("#email").FillAsync("not-an-email");
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "登録する", Exact = true }).ClickAsync();
        await browser.CheckPageAsync();

        Assert.Equal("/Account/Register", new Uri(browser.Page.Url).AbsolutePath);
        var emailField = browser.Page.Locator(".hw-field", new() { Has = browser.Page.Locator("#email") });
        Assert.Contains("メールアドレスの形式が正しくありません。", await emailField.InnerTextAsync(), StringComparison.Ordinal);
        var nameField = browser.Page.Locator(".hw-field", new() { Has = browser.Page.Locator("#name") });
        Assert.Contains("入力してください。", await nameField.InnerTextAsync(), StringComparison.Ordinal);
    }
}

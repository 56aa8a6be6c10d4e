using HelloWork.Tests.Host.Http;
using Microsoft.Playwright;

namespace HelloWork.Tests.Browser;

/// <summary>The mail pages in Chromium at 1280×800 and 390×844 (issue 18): the reset request answers the same words, the reset
/// and unsubscribe pages say when a link is not valid, every role has the mail settings page (R-MAIL-3) and the admin the queue;
/// each passes the accessibility check (screenshots under <see cref="PortalBrowser.ScreenshotFolder"/>).</summary>
[Collection(AccountsCollection.Name)]
public sealed class MailBrowserTests(PortalHost portal, Chromium chromium)
{
    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task The_mail_pages_render_and_pass_the_accessibility_check(int width, int height)
    {
        await using (var anonymous = await PortalBrowser.OpenAsync(portal, chromium, $"mail-anon-{width}", width, height))
        {
            await anonymous.VisitAsync("/Account/ForgotPassword");
            await anonymous.Page.Locator("#email").FillAsync("nobody-at-all@example.jp");
            await anonymous.Page.GetByRole(AriaRole.Button, new() { Name = "再設定メールを送信" }).ClickAsync();
            await anonymous.Page.Locator("#reset-requested").WaitForAsync();
            await anonymous.CheckPageAsync();
            await anonymous.VisitAsync("/Account/ResetPassword?token=not-a-token");
            Assert.True(await anonymous.Page.Locator("#reset-link-invalid").IsVisibleAsync());
            await anonymous.VisitAsync("/mail/unsubscribe/not-a-key");
        }
        await using (var jobseeker = await PortalBrowser.OpenAsync(portal, chromium, $"mail-jobseeker-{width}", width, height))
        {
            await jobseeker.SignInAsync("jobseeker2@example.jp");
            await jobseeker.VisitAsync("/account/mail");
            Assert.True(await jobseeker.Page.GetByLabel("1日1回まとめて受け取る").IsVisibleAsync());
        }
        await using (var admin = await PortalBrowser.OpenAsync(portal, chromium, $"mail-admin-{width}", width, height))
        {
            await admin.SignInAsync("admin@example.jp");
            await admin.VisitAsync("/admin/mail");
            await admin.Page.Locator("#mail-Pending").ClickAsync();
            await admin.CheckPageAsync();
        }
    }
}

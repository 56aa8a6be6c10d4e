using HelloWork.Tests.Host.Http;
using Microsoft.Playwright;

namespace HelloWork.Tests.Browser;

/// <summary>The mail pages in Chromium at 1280×800 and 390×844: the reset request answers the same words, the reset
/// and unsubscribe pages say when a link is not valid, every role has the mail settings page (R-MAIL-3) and the admin the queue;
/// each passes the accessibility check (screenshots under <see cref="PortalBrowser.ScreenshotFolder"/>).</summary>
[Collection(AccountsCollection.Name)]
[RunsLong]
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

    /// <summary>The main account of employer1's establishment (the earliest enabled user).</summary>
    private async Task<string> MainAccountAsync() =>
        (await portal.Get<HelloWork.Domain.Accounts.EstablishmentUsers>().ListAsync(await portal.ActorAsync("employer1@example.jp")))
        .Users.Single(u => u.IsMain).Email;

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task A_login_user_is_added_with_an_invitation_mail_and_no_password_is_shown_R_MAIL_2(int width, int height)
    {
        await using var browser = await PortalBrowser.OpenAsync(portal, chromium, $"mail-invite-{width}", width, height);
        await browser.SignInAsync(await MainAccountAsync());
        await browser.VisitAsync("/employer/establishment/users");
        var page = browser.Page;
        // A refusal next to its field (FormAction): a malformed address changes nothing.
        var rows = await page.GetByRole(AriaRole.Row).CountAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "メールアドレス" }).FillAsync("not-an-address");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "氏名" }).FillAsync("招待 次郎");
        await page.GetByRole(AriaRole.Button, new() { Name = "追加する" }).ClickAsync();
        await Assertions.Expect(page.GetByText("メールアドレスの形式が正しくありません。")).ToBeVisibleAsync();
        Assert.Equal(rows, await page.GetByRole(AriaRole.Row).CountAsync()); // nobody added
        await browser.CheckPageAsync();

        var email = $"invite-{Guid.NewGuid():N}"[..15] + "@example.jp";
        await page.GetByRole(AriaRole.Textbox, new() { Name = "メールアドレス" }).FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "追加する" }).ClickAsync();
        var status = page.Locator("#user-invited");
        await Assertions.Expect(status).ToContainTextAsync("招待メールを送信しました");
        await Assertions.Expect(status).Not.ToContainTextAsync("パスワード:");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = email })).ToContainTextAsync("招待中");
        await page.WaitForTimeoutAsync(300);
        await browser.CheckPageAsync();
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task The_admin_mail_page_shows_a_later_bounce_without_a_reload_R_MAIL_1(int width, int height)
    {
        var jobseeker = await portal.ActorAsync("jobseeker2@example.jp");
        var mailId = await portal.Get<HelloWork.Domain.Common.Operations>().RunAsync(HelloWork.Domain.Common.Actor.System, async w =>
        {
            var mail = w.Db.OutboxMails.Add(new HelloWork.Domain.Mail.OutboxMail(jobseeker.UserId, "jobseeker2@example.jp", "ja",
                HelloWork.Domain.Mail.MailKind.Notice, null, w.Now, HelloWork.Domain.Notices.NoticeKind.ResultRegistered)).Entity;
            await w.Db.SaveChangesAsync();
            return mail.Id;
        });
        await using var browser = await PortalBrowser.OpenAsync(portal, chromium, $"mail-admin-live-{width}", width, height);
        await browser.SignInAsync("admin@example.jp");
        await browser.VisitAsync("/admin/mail");
        var page = browser.Page;
        await page.Locator("#mail-Bounced").ClickAsync();
        var diagnostic = $"550 5.1.1 User unknown {width}";
        await Assertions.Expect(page.GetByText(diagnostic)).Not.ToBeVisibleAsync();

        // The receiving server reports later that it could not deliver the mail (found by its Message-Id).
        var report = MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.ASCII.GetBytes(string.Join("\r\n",
            "From: MAILER-DAEMON@mx.example.net", "To: noreply@hellowork.example.jp", "Subject: Undelivered Mail Returned to Sender",
            "MIME-Version: 1.0", "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"", "",
            "--b", "Content-Type: message/delivery-status", "", "Reporting-MTA: dns; mx.example.net", "",
            "Final-Recipient: rfc822; jobseeker2@example.jp", "Action: failed", "Status: 5.1.1", $"Diagnostic-Code: smtp; {diagnostic}", "",
            "--b", "Content-Type: text/rfc822-headers", "", $"Message-Id: <{mailId:N}@hellowork.local>", "", "--b--", ""))));
        Assert.Equal(HelloWork.Web.Mail.BounceOutcome.Bounced, await portal.Get<HelloWork.Web.Mail.MailBounces>().ReceiveAsync(report));

        await Assertions.Expect(page.GetByText(diagnostic)).ToBeVisibleAsync(); // live: no reload
        await page.WaitForTimeoutAsync(300);
        await browser.CheckPageAsync();
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task The_mail_settings_page_shows_a_refused_address_next_to_its_field_R_MAIL_2(int width, int height)
    {
        await using var browser = await PortalBrowser.OpenAsync(portal, chromium, $"mail-settings-{width}", width, height);
        await browser.SignInAsync("jobseeker2@example.jp");
        await browser.VisitAsync("/account/mail");
        var page = browser.Page;
        await page.Locator("#new-email").FillAsync("jobseeker1@example.jp"); // someone else's address
        await page.GetByRole(AriaRole.Button, new() { Name = "確認メールを送信" }).ClickAsync();
        await Assertions.Expect(page.Locator(".hw-field").Filter(new() { Has = page.Locator("#new-email") }).Locator(".hw-error")).ToBeVisibleAsync();
        Assert.Contains("jobseeker2@example.jp", await page.Locator("#current-email").InnerTextAsync(), StringComparison.Ordinal); // unchanged
        await browser.CheckPageAsync();
    }
}

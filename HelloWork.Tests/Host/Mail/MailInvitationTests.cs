using System.Net;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Mail;
using HelloWork.Tests.Host.Http;
using HelloWork.Web.Mail;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Tests.Host.Mail;

/// <summary>
/// A login user an employer adds is invited by mail instead of getting a password handed over (R-MAIL-2), against a
/// real SMTP server on loopback: the main account adds the user → the invitation mail (written with the user, R-MAIL-1) → its
/// link → the user's own password → sign-in works and nothing asks to change it; the link is one-time, expires after seven
/// days of the clock, and until it is used nobody can sign in as the user. The mail names nobody (R-MAIL-4).
/// </summary>
public sealed class MailInvitationTests(MailPortal portal) : IClassFixture<MailPortal>, IAsyncLifetime
{
    private const string InvitationSubject = "求人者マイページへの招待";
    private const string Password = "Jibun!2027pw";

    public ValueTask InitializeAsync()
    {
        portal.Start();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<(NewEstablishmentUser User, string MainName)> InviteAsync(string prefix, string name)
    {
        var users = portal.Get<EstablishmentUsers>();
        var mainEmail = (await users.ListAsync(await portal.ActorAsync("employer1@example.jp"))).Users.Single(u => u.IsMain).Email;
        var main = await portal.ActorAsync(mainEmail);
        var user = await users.AddAsync(main, Registrations.NewEmail(prefix), name);
        return (user, main.Name);
    }

    /// <summary>Posts the reset form of a page opened earlier (a page left open while the link was spent or expired).</summary>
    private static async Task<HttpResponseMessage> PostOpenedFormAsync(HttpClient client, string link, AngleSharp.Dom.IDocument opened, string password)
    {
        var form = opened.QuerySelectorAll("form").First(f => f.QuerySelector("input[name='_handler'][value='reset-password']") is not null);
        var values = form.QuerySelectorAll("input[type='hidden']").Where(i => i.GetAttribute("name") is not null)
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Concat([new("Input.NewPassword", password), new("Input.ConfirmPassword", password)]).ToList();
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(link, content);
    }

    private async Task<HttpStatusCode> SignInStatusAsync(string email, string password)
    {
        using var client = await portal.NewClientAsync();
        using var response = await Forms.SignInAsync(client, email, password);
        return response.StatusCode;
    }

    [Fact]
    public async Task The_invited_user_sets_a_password_by_the_mails_link_and_signs_in_R_MAIL_1_R_MAIL_2_R_MAIL_4()
    {
        var (user, mainName) = await InviteAsync("invite", "招待 花子");
        var mail = await portal.WaitForMailAsync(user.Email, InvitationSubject);
        var link = MailPortal.LinkIn(mail, MailRenderer.ResetPath);
        foreach (var body in new[] { mail.TextBody, mail.HtmlBody })
        {
            Assert.DoesNotContain("招待 花子", body); // no name in the mail, neither the user's nor the main account's
            Assert.DoesNotContain(mainName, body);
        }
        Assert.Contains("7日間", mail.TextBody); // the mail says how long the link lasts
        // Before the link is used there is no password at all: nothing anyone could have been told works.
        Assert.Null(await portal.QueryAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.PasswordHash).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, await SignInStatusAsync(user.Email, Password)); // the form again

        using var client = await portal.NewClientAsync();
        var page = await Forms.GetPageAsync(client, link);
        Assert.NotNull(page.GetElementById("new-password"));
        using var other = await portal.NewClientAsync();
        var openedElsewhere = await Forms.GetPageAsync(other, link); // a second tab with the same link, used after the first
        using (var response = await Forms.SubmitAsync(client, link, "reset-password",
                   new Dictionary<string, string> { ["Input.NewPassword"] = Password, ["Input.ConfirmPassword"] = Password }))
        {
            Assert.NotNull((await Forms.ParseAsync(response)).GetElementById("password-reset-done"));
        }

        using (var signedIn = await portal.NewClientAsync())
        {
            using var signIn = await Forms.SignInAsync(signedIn, user.Email, Password);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            using var home = await signedIn.GetAsync("/employer");
            Assert.Equal(HttpStatusCode.OK, home.StatusCode); // no "change your initial password" first: the password is the user's own
        }
        Assert.False(await portal.QueryAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.MustChangePassword).SingleAsync()));
        Assert.Contains("InvitationAccepted", await portal.QueryAsync(db => db.AuditEntries.Where(a => a.SubjectId == user.Id).Select(a => a.Action).ToListAsync()));

        // One-time: the link again is refused and changes nothing.
        Assert.NotNull((await Forms.GetPageAsync(client, link)).GetElementById("reset-link-invalid"));
        using (var again = await PostOpenedFormAsync(other, link, openedElsewhere, "Mouikkai!2028"))
        {
            Assert.Null((await Forms.ParseAsync(again)).GetElementById("password-reset-done"));
        }
        Assert.Equal(HttpStatusCode.Redirect, await SignInStatusAsync(user.Email, Password));
    }

    [Fact]
    public async Task The_invitation_expires_after_seven_days_of_the_clock_and_then_nobody_can_sign_in_R_MAIL_2()
    {
        var (user, _) = await InviteAsync("invite-expire", "期限 太郎");
        var link = MailPortal.LinkIn(await portal.WaitForMailAsync(user.Email, InvitationSubject), MailRenderer.ResetPath);
        using var client = await portal.NewClientAsync();
        var opened = await Forms.GetPageAsync(client, link); // opened in time, sent too late

        portal.Clock.Advance(AccountMails.InvitationLifetime + TimeSpan.FromMinutes(1));
        var page = await Forms.GetPageAsync(client, link);
        Assert.NotNull(page.GetElementById("reset-link-invalid"));
        Assert.Null(page.GetElementById("new-password"));
        using (var late = await PostOpenedFormAsync(client, link, opened, Password))
        {
            Assert.Null((await Forms.ParseAsync(late)).GetElementById("password-reset-done"));
        }
        Assert.Null(await portal.QueryAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.PasswordHash).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, await SignInStatusAsync(user.Email, Password));
    }
}

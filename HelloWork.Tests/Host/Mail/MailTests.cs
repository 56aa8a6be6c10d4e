using System.Net;
using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using HelloWork.Domain.Mail;
using HelloWork.Domain.Messaging;
using HelloWork.Domain.Notices;
using HelloWork.Tests.Host.Http;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Tests.Host.Mail;

/// <summary>
/// Against a real SMTP server on loopback (the SmtpServer package in this process), the real portal sending through
/// MailKit from its outbox: password reset end to end, its expiry on the fake clock, the same answer and no mail for an unknown
/// address (R-MAIL-2); confirmation at registration; notice mails by preference, once per thread per hour, one-click unsubscribe
/// (R-MAIL-3); one row per change written with the change (R-MAIL-1); and every mail this portal sent scanned for message text
/// and personal data (R-MAIL-4).
/// </summary>
public sealed class MailTests(MailPortal portal) : IClassFixture<MailPortal>, IAsyncLifetime
{
    public ValueTask InitializeAsync()
    {
        portal.Start();
        return ValueTask.CompletedTask;
    }

    /// <summary>R-MAIL-4 after every test: every mail this portal has sent so far, scanned against the database's messages and people.</summary>
    public async ValueTask DisposeAsync()
    {
        var forbidden = await portal.QueryAsync(MailScan.ForbiddenAsync);
        Assert.True(forbidden.Count > 20, "the scan has the demo data's messages and people to look for");
        var received = portal.Smtp.Received;
        var dirty = received.Select(m => (m.Subject, Found: MailScan.Findings(m, forbidden))).Where(x => x.Found.Count > 0).ToList();
        Assert.True(dirty.Count == 0, string.Join("; ", dirty.Select(d => $"{d.Subject}: {string.Join(",", d.Found)}")));
    }

    private const string ResetSubject = "パスワード再設定";
    private const string NewPassword = "Atarashii!2027";

    private async Task<string> RegisterAsync(string prefix)
    {
        var email = Registrations.NewEmail(prefix);
        using var client = await portal.NewClientAsync();
        using var response = await Registrations.RegisterJobseekerAsync(client, Registrations.JobseekerForm(email));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return email;
    }

    private async Task<string> RequestResetAsync(string email)
    {
        using var client = await portal.NewClientAsync();
        using var response = await Forms.SubmitAsync(client, "/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        return page.GetElementById("reset-requested")?.TextContent.Trim() ?? throw new InvalidOperationException("no answer shown");
    }

    private async Task<HttpStatusCode> SignInStatusAsync(string email, string password)
    {
        using var client = await portal.NewClientAsync();
        using var response = await Forms.SignInAsync(client, email, password);
        return response.StatusCode;
    }

    [Fact]
    public async Task Reset_mail_link_sets_a_new_password_and_sign_in_works_R_MAIL_2()
    {
        var email = await RegisterAsync("reset");
        await RequestResetAsync(email);
        var mail = await portal.WaitForMailAsync(email, ResetSubject);
        var link = MailPortal.LinkIn(mail, HelloWork.Web.Mail.MailRenderer.ResetPath);
        Assert.NotNull(mail.HtmlBody);
        Assert.Contains("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);

        using var client = await portal.NewClientAsync();
        using (var response = await Forms.SubmitAsync(client, link, "reset-password",
                   new Dictionary<string, string> { ["Input.NewPassword"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword }))
        {
            var page = await Forms.ParseAsync(response);
            Assert.NotNull(page.GetElementById("password-reset-done"));
        }
        Assert.Equal(HttpStatusCode.Redirect, await SignInStatusAsync(email, NewPassword));
        Assert.Equal(HttpStatusCode.OK, await SignInStatusAsync(email, Registrations.GoodPassword)); // the old one: the form again

        // One-time: the same link again is refused, and nothing changes.
        var page2 = await Forms.GetPageAsync(client, link);
        Assert.NotNull(page2.GetElementById("reset-link-invalid"));
        // The token is not kept in the outbox once the mail is sent (only its hash, in AccountTokens).
        Assert.True(await portal.QueryAsync(db => db.OutboxMails.Where(m => m.ToAddress == email && m.Kind == MailKind.PasswordReset)
            .AllAsync(m => m.Secret == null && m.Status == MailStatus.Sent)));
    }

    [Fact]
    public async Task The_reset_link_expires_after_an_hour_on_the_clock_R_MAIL_2()
    {
        var email = await RegisterAsync("expire");
        await RequestResetAsync(email);
        var link = MailPortal.LinkIn(await portal.WaitForMailAsync(email, ResetSubject), HelloWork.Web.Mail.MailRenderer.ResetPath);
        var before = await portal.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.PasswordHash).SingleAsync());

        portal.Clock.Advance(AccountMails.ResetLifetime + TimeSpan.FromMinutes(1));
        using var client = await portal.NewClientAsync();
        var page = await Forms.GetPageAsync(client, link);
        Assert.NotNull(page.GetElementById("reset-link-invalid"));
        Assert.Null(page.GetElementById("new-password"));
        Assert.Equal(before, await portal.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.PasswordHash).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, await SignInStatusAsync(email, Registrations.GoodPassword));
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_and_no_mail_R_MAIL_2()
    {
        var known = await RegisterAsync("known");
        var unknown = Registrations.NewEmail("nobody");
        var answerUnknown = await RequestResetAsync(unknown);
        var answerKnown = await RequestResetAsync(known);
        Assert.Equal(answerKnown, answerUnknown);

        // The known address's mail was asked for after the unknown one's: once it has arrived, the outbox has passed both.
        await portal.WaitForMailAsync(known, ResetSubject);
        Assert.Empty(portal.MailsTo(unknown));
        Assert.False(await portal.QueryAsync(db => db.OutboxMails.AnyAsync(m => m.ToAddress == unknown)));
    }

    [Fact]
    public async Task Resets_per_account_are_limited_and_the_answer_stays_the_same_R_MAIL_2()
    {
        var email = await RegisterAsync("limit");
        var answers = new List<string>();
        for (var i = 0; i < AccountMails.ResetsPerHour + 2; i++)
        {
            answers.Add(await RequestResetAsync(email));
        }
        Assert.Single(answers.Distinct());
        Assert.Equal(AccountMails.ResetsPerHour,
            await portal.QueryAsync(db => db.OutboxMails.CountAsync(m => m.ToAddress == email && m.Kind == MailKind.PasswordReset)));
    }

    [Fact]
    public async Task Registration_sends_a_confirmation_whose_link_confirms_the_address_R_MAIL_2()
    {
        var email = await RegisterAsync("confirm");
        Assert.False(await portal.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.EmailConfirmed).SingleAsync()));
        var mail = await portal.WaitForMailAsync(email, "メールアドレスの確認");
        var link = MailPortal.LinkIn(mail, HelloWork.Web.Mail.MailRenderer.ConfirmPath);

        using var client = await portal.NewClientAsync();
        // Opening the link changes nothing (mail scanners open links); the button does.
        await Forms.GetPageAsync(client, link);
        Assert.False(await portal.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.EmailConfirmed).SingleAsync()));
        using var response = await Forms.SubmitAsync(client, link, "confirm-email", new Dictionary<string, string>());
        Assert.NotNull((await Forms.ParseAsync(response)).GetElementById("email-confirmed"));
        Assert.True(await portal.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.EmailConfirmed).SingleAsync()));
    }

    [Fact]
    public async Task Message_notices_mail_once_per_thread_per_hour_and_one_click_unsubscribe_stops_them_R_MAIL_1_R_MAIL_3_R_MAIL_4()
    {
        var employer = await portal.ActorAsync("employer1@example.jp");
        var jobseeker = await portal.ActorAsync("jobseeker1@example.jp");
        var application = await portal.QueryAsync(db => db.Applications
            .Where(a => a.JobseekerId == jobseeker.JobseekerId && a.EstablishmentId == employer.EstablishmentId && a.Status == ApplicationStatus.InSelection)
            .Select(a => a.Id).FirstAsync()); // a thread still open: not after a result or a cancellation (R-MSG-1)
        var messages = portal.Get<MessageService>();
        const string secret = "面接は来週火曜の午後二時からでお願いします";

        await messages.SendAsync(employer, application, secret);
        await messages.SendAsync(employer, application, secret + "（再送）");
        var mail = await portal.WaitForMailAsync("jobseeker1@example.jp", "新しいメッセージ");
        Assert.DoesNotContain("面接", mail.TextBody);
        Assert.DoesNotContain("面接", mail.HtmlBody);
        Assert.Contains($"/jobseeker/applications/{application}", mail.TextBody);
        // The offer is named by its job number only: 「求人番号 … について」 (R-MAIL-4).
        var jobNumber = await portal.QueryAsync(db => db.Applications.Where(a => a.Id == application)
            .Join(db.JobOffers, a => a.JobOfferId, o => o.Id, (a, o) => o.JobNumber).SingleAsync());
        Assert.Contains($"求人番号 {jobNumber} について", mail.TextBody);
        Assert.Contains($"（求人番号 {jobNumber}）", mail.Subject);
        // Two messages in one thread within the hour: one mail row, written with the first message.
        Assert.Equal(1, await portal.QueryAsync(db => db.OutboxMails.CountAsync(m => m.ToAddress == "jobseeker1@example.jp" && m.NoticeKind == NoticeKind.MessageReceived)));

        // After the hour, the next message mails again.
        portal.Clock.Advance(MailQueue.ThreadWindow + TimeSpan.FromMinutes(1));
        await messages.SendAsync(employer, application, "三通目");
        await portal.WaitForMailAsync("jobseeker1@example.jp", "新しいメッセージ", count: 2);

        // One-click unsubscribe as a mail program does it (RFC 8058): POST to the List-Unsubscribe address, no cookie, no token.
        var unsubscribe = mail.Headers["List-Unsubscribe"]!.Trim('<', '>');
        var path = new Uri(unsubscribe).PathAndQuery;
        using (var client = await portal.NewClientAsync())
        using (var response = await client.PostAsync(path, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")])))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        Assert.Equal(MailMode.None, await portal.QueryAsync(db => db.MailPreferences.Where(p => p.UserId == jobseeker.UserId).Select(p => p.Mode).SingleAsync()));
        portal.Clock.Advance(MailQueue.ThreadWindow + TimeSpan.FromMinutes(1));
        await messages.SendAsync(employer, application, "四通目");
        Assert.Equal(2, await portal.QueryAsync(db => db.OutboxMails.CountAsync(m => m.ToAddress == "jobseeker1@example.jp" && m.NoticeKind == NoticeKind.MessageReceived)));

        // A made-up key changes nothing and names no one.
        using (var client = await portal.NewClientAsync())
        using (var response = await client.PostAsync(MailRendererPaths.OneClick + "/not-a-key", new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")])))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_notice_mail_row_is_written_in_the_same_transaction_as_the_change_R_MAIL_1()
    {
        var jobseeker = await portal.ActorAsync("jobseeker2@example.jp");
        var ops = portal.Get<Operations>();
        var before = await portal.QueryAsync(db => db.OutboxMails.CountAsync(m => m.UserId == jobseeker.UserId));
        // A change that fails after its notice was added: neither the notice nor its mail is kept.
        await Assert.ThrowsAsync<DomainException>(() => ops.RunAsync(Actor.System, async w =>
        {
            await w.Notices.AddAsync(Recipients.User(jobseeker.UserId), NoticeKind.ResultRegistered, null, null);
            throw new DomainException("Refused");
        }));
        Assert.Equal(before, await portal.QueryAsync(db => db.OutboxMails.CountAsync(m => m.UserId == jobseeker.UserId)));
        // The same change committed: exactly one row, and one mail at the server.
        await ops.RunAsync(Actor.System, w => w.Notices.AddAsync(Recipients.User(jobseeker.UserId), NoticeKind.ResultRegistered, null, null));
        Assert.Equal(before + 1, await portal.QueryAsync(db => db.OutboxMails.CountAsync(m => m.UserId == jobseeker.UserId)));
        await portal.WaitForMailAsync("jobseeker2@example.jp", "選考結果");
    }
}

/// <summary>The one-click path as the tests use it (the renderer's constant, not a copy).</summary>
internal static class MailRendererPaths
{
    public const string OneClick = HelloWork.Web.Mail.MailRenderer.OneClickPath;
}

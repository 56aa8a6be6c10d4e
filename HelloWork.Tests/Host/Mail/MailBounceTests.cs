using System.Globalization;
using System.Net;
using System.Text;
using HelloWork.Domain.Common;
using HelloWork.Domain.Mail;
using HelloWork.Domain.Notices;
using HelloWork.Web.Mail;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Tests.Host.Mail;

/// <summary>
/// Bounces that arrive after the send (R-MAIL-1): every mail leaves with a VERP envelope sender naming its outbox row;
/// a receiving server that accepted it and later fails to deliver sends a delivery status notification (RFC 3464, written here
/// as Postfix writes one) to that address; the mail server pipes it to <c>POST /mail/bounces</c> with the configured key; the
/// row becomes Bounced with the reported status, audited, and the administrators' page hears of it. Without the key nothing
/// changes; a delay report changes nothing; a report whose address was rewritten still finds the row by the original Message-Id.
/// </summary>
public sealed class MailBounceTests(MailPortal portal) : IClassFixture<MailPortal>, IAsyncLifetime
{
    public ValueTask InitializeAsync()
    {
        portal.Start();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>A committed notice that mails jobseeker2, delivered to the loopback server: the outbox row and the mail.</summary>
    private async Task<(OutboxMail Row, string ReturnPath)> DeliveredMailAsync()
    {
        var jobseeker = await portal.ActorAsync("jobseeker2@example.jp");
        var count = portal.MailsTo("jobseeker2@example.jp").Count(m => (m.Subject ?? "").Contains("選考結果", StringComparison.Ordinal)) + 1;
        await portal.Get<Operations>().RunAsync(Actor.System, w => w.Notices.AddAsync(Recipients.User(jobseeker.UserId), NoticeKind.ResultRegistered, null, null));
        var mail = await portal.WaitForMailAsync("jobseeker2@example.jp", "選考結果", count);
        var row = await portal.QueryAsync(db => db.OutboxMails.SingleAsync(m => m.MessageId == mail.MessageId));
        await WaitAsync(async () => (await RowAsync(row.Id)).Status == MailStatus.Sent);
        return (row, portal.Smtp.EnvelopeSenders[mail.MessageId!]);
    }

    private Task<OutboxMail> RowAsync(Guid id) => portal.QueryAsync(db => db.OutboxMails.SingleAsync(m => m.Id == id));

    private static async Task WaitAsync(Func<Task<bool>> done)
    {
        for (var i = 0; i < 100 && !await done(); i++)
        {
            await Task.Delay(100);
        }
        Assert.True(await done());
    }

    /// <summary>A delivery status notification as Postfix sends it: a human part, the machine-readable report, the original's headers.</summary>
    private static string Dsn(string to, string messageId, string action, string status, string diagnostic) => string.Join("\r\n",
        "Return-Path: <>",
        $"Delivered-To: {to}",
        "Received: by mx.example.net (Postfix) id 4XyZ1q2w3e; Mon,  7 Dec 2026 10:00:05 +0900 (JST)",
        "Date: Mon,  7 Dec 2026 10:00:05 +0900 (JST)",
        "From: MAILER-DAEMON@mx.example.net (Mail Delivery System)",
        "Subject: Undelivered Mail Returned to Sender",
        $"To: {to}",
        "Auto-Submitted: auto-replied",
        "MIME-Version: 1.0",
        "Content-Type: multipart/report; report-type=delivery-status; boundary=\"4XyZ1q2w3e.1765069205/mx.example.net\"",
        "Message-Id: <20261207010005.4XyZ1q2w3e@mx.example.net>",
        "",
        "This is a MIME-encapsulated message.",
        "",
        "--4XyZ1q2w3e.1765069205/mx.example.net",
        "Content-Description: Notification",
        "Content-Type: text/plain; charset=us-ascii",
        "",
        "This is the mail system at host mx.example.net.",
        "",
        "I'm sorry to have to inform you that your message could not",
        "be delivered to one or more recipients. It's attached below.",
        "",
        "<jobseeker2@example.jp>: host mx2.example.jp[192.0.2.25] said: " + diagnostic,
        "",
        "--4XyZ1q2w3e.1765069205/mx.example.net",
        "Content-Description: Delivery report",
        "Content-Type: message/delivery-status",
        "",
        "Reporting-MTA: dns; mx.example.net",
        "X-Postfix-Queue-ID: 4XyZ1q2w3e",
        $"X-Postfix-Sender: rfc822; {to}",
        "Arrival-Date: Mon,  7 Dec 2026 10:00:01 +0900 (JST)",
        "",
        "Final-Recipient: rfc822; jobseeker2@example.jp",
        "Original-Recipient: rfc822;jobseeker2@example.jp",
        $"Action: {action}",
        $"Status: {status}",
        "Remote-MTA: dns; mx2.example.jp",
        $"Diagnostic-Code: smtp; {diagnostic}",
        "",
        "--4XyZ1q2w3e.1765069205/mx.example.net",
        "Content-Description: Undelivered Message Headers",
        "Content-Type: text/rfc822-headers",
        "",
        $"Return-Path: <{to}>",
        "From: =?utf-8?b?44OP44Ot44O844Ov44O844Kv?= <noreply@hellowork.example.jp>",
        "To: jobseeker2@example.jp",
        $"Message-Id: <{messageId}>",
        "Auto-Submitted: auto-generated",
        "",
        "--4XyZ1q2w3e.1765069205/mx.example.net--",
        "");

    private async Task<HttpResponseMessage> PostAsync(string report, string? key = MailPortal.BounceKey)
    {
        using var client = await portal.NewClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, MailBounces.Path)
        {
            Content = new StringContent(report, Encoding.ASCII, "message/rfc822"),
        };
        if (key is not null)
        {
            request.Headers.Add(MailBounces.KeyHeader, key);
        }
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_later_bounce_report_marks_its_mail_bounced_for_the_admin_and_only_with_the_key_R_MAIL_1()
    {
        var (row, returnPath) = await DeliveredMailAsync();
        // VERP: the envelope sender names the row.
        Assert.Equal($"bounces+{row.Id.ToString("N", CultureInfo.InvariantCulture)}@hellowork.example.jp", returnPath);
        var report = Dsn(returnPath, row.MessageId, "failed", "5.1.1", "550 5.1.1 <jobseeker2@example.jp>: Recipient address rejected: User unknown");
        var signals = await portal.QueryAsync(db => db.Notices.CountAsync(n => n.Recipient == Recipients.Admins && n.Kind == NoticeKind.MailQueueChanged));

        // Without the key, or with a wrong one, the endpoint is not there and nothing changes.
        using (var none = await PostAsync(report, key: null))
        {
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        }
        using (var wrong = await PostAsync(report, key: "not-the-key"))
        {
            Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        }
        Assert.Equal(MailStatus.Sent, (await RowAsync(row.Id)).Status);

        using (var response = await PostAsync(report))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("bounced", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var bounced = await RowAsync(row.Id);
        Assert.Equal(MailStatus.Bounced, bounced.Status);
        Assert.Contains("5.1.1", bounced.LastError, StringComparison.Ordinal);
        Assert.Contains("User unknown", bounced.LastError, StringComparison.Ordinal);
        Assert.Single(await portal.QueryAsync(db => db.AuditEntries.Where(a => a.SubjectId == row.Id && a.Action == "MailBounced").ToListAsync()));
        // The administrators' page is told (a stored notice: a page that was disconnected catches up), and lists it.
        Assert.True(await portal.QueryAsync(db => db.Notices.CountAsync(n => n.Recipient == Recipients.Admins && n.Kind == NoticeKind.MailQueueChanged)) > signals);
        var admin = await portal.ActorAsync("admin@example.jp");
        Assert.Contains((await portal.Get<MailAdmin>().GetAsync(admin, MailStatus.Bounced)).Rows, r => r.Id == row.Id);

        // The same report again (a mail server retrying its pipe) changes nothing more.
        (await PostAsync(report)).Dispose();
        Assert.Single(await portal.QueryAsync(db => db.AuditEntries.Where(a => a.SubjectId == row.Id && a.Action == "MailBounced").ToListAsync()));
    }

    [Fact]
    public async Task A_delay_report_changes_nothing_and_a_rewritten_address_finds_the_mail_by_its_Message_Id_R_MAIL_1()
    {
        var (delayed, returnPath) = await DeliveredMailAsync();
        using (var response = await PostAsync(Dsn(returnPath, delayed.MessageId, "delayed", "4.4.1", "451 4.4.1 Connection timed out")))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("not-a-failure", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(MailStatus.Sent, (await RowAsync(delayed.Id)).Status);

        // A relay that rewrote the envelope sender: the report comes to the plain address; the returned headers name the mail.
        var (rewritten, _) = await DeliveredMailAsync();
        using (var response = await PostAsync(Dsn(MailPortal.BounceAddress, rewritten.MessageId, "failed", "5.2.2", "552 5.2.2 Mailbox full")))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        Assert.Equal(MailStatus.Bounced, (await RowAsync(rewritten.Id)).Status);

        // Not a report about a mail of ours: refused, nothing changes.
        using (var unknown = await PostAsync(Dsn(MailPortal.BounceAddress, "someone-else@elsewhere.example", "failed", "5.1.1", "550 5.1.1 unknown")))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        }
        using (var notADsn = await PostAsync("Subject: hello\r\n\r\njust a mail\r\n"))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, notADsn.StatusCode);
        }
    }
}

namespace HelloWork.Web.Mail;

/// <summary>
/// The section <c>Mail</c>. With no <see cref="SmtpHost"/> every mail is written as an <c>.eml</c> file under
/// <see cref="Directory"/> (default <c>App_Data/mail</c>), so the portal needs nothing else to run (R-MAIL-1). For real use set
/// the host, port, STARTTLS and credentials; while developing, smtp4dev (README, "Watching mail").
/// </summary>
public sealed class MailSettings
{
    public const string Section = "Mail";

    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;

    /// <summary>STARTTLS required (port 587). False: plain SMTP, for a server on loopback (smtp4dev, tests).</summary>
    public bool StartTls { get; set; } = true;

    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "noreply@hellowork.example.jp";
    public string FromName { get; set; } = "ハローワークインターネットサービス";

    /// <summary>The portal's public address: links in mails are made absolute with it.</summary>
    public string BaseUrl { get; set; } = "https://localhost:5001";

    /// <summary>Where .eml files go without SMTP (relative to the content root).</summary>
    public string Directory { get; set; } = "App_Data/mail";

    /// <summary>The worker sends; false on nodes that should not (the outbox is shared, any node may send).</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>Sending loops per node, each with its own SMTP connection and its own claimed rows.</summary>
    public int Workers { get; set; } = 2;

    /// <summary>The bounce address (VERP, docs/mail.md): when set, each mail's envelope sender (Return-Path) is
    /// <c>local+{outbox id}@domain</c> of it, so a delivery status notification names the mail it is about. Null: the From address.</summary>
    public string? BounceAddress { get; set; }

    /// <summary>The key the mail server's bounce pipe sends in <c>X-Bounce-Key</c> to <c>POST /mail/bounces</c>; without a key the
    /// endpoint is closed (404).</summary>
    public string? BounceKey { get; set; }

    public int PollMilliseconds { get; set; } = 1000;
    public int BatchSize { get; set; } = 100;

    /// <summary>How long a claimed row is this node's: a node that dies mid-batch gives its rows back when the lease ends.</summary>
    public int LeaseSeconds { get; set; } = 60;

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(SmtpHost);
}

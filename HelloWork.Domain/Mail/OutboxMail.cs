using System.Security.Cryptography;

namespace HelloWork.Domain.Mail;

/// <summary>What a mail says; the web renders subject and body by kind from resources in the person's language (R-MAIL-4:
/// a kind, a link and at most a job number — never message text, never another person's name, address or phone).</summary>
public enum MailKind
{
    PasswordReset = 1,
    ConfirmAddress = 2,
    ConfirmNewAddress = 3,
    Invitation = 4,
    /// <summary>A notice of one <see cref="Notices.NoticeKind"/> (in <see cref="OutboxMail.NoticeKind"/>).</summary>
    Notice = 5,
    /// <summary>The daily digest: how many notices of each kind since the last one.</summary>
    Digest = 6,
    /// <summary>An agency's application was approved (sent to its users).</summary>
    AgencyApproved = 7,
}

public enum MailStatus
{
    Pending = 0,
    Sent = 1,
    /// <summary>Gave up after <see cref="OutboxMail.MaxAttempts"/> temporary failures.</summary>
    Failed = 2,
    /// <summary>The recipient was refused for good: by the SMTP server at the send (5xx), or later by a delivery status
    /// notification (a bounce mail, <c>MailBounces</c>).</summary>
    Bounced = 3,
}

/// <summary>
/// One mail in the mail outbox (R-MAIL-1): written in the same transaction as the change that causes it, sent afterwards by the
/// mail worker, at least once and at most once per <see cref="MessageId"/> (the SMTP Message-Id, fixed when the row is written,
/// so a mail sent again after a crash carries the same id and the receiver keeps one). A worker claims a row by writing its
/// lease (<see cref="LeaseOwner"/>, <see cref="LeaseUntil"/>) with a conditional UPDATE: on several nodes one node sends each row.
/// </summary>
public sealed class OutboxMail
{
    public const int MaxAttempts = 8;

    private OutboxMail() { }

    public OutboxMail(Guid? userId, string toAddress, string culture, MailKind kind, string? link, DateTimeOffset now,
        Notices.NoticeKind? noticeKind = null, string? secret = null, string? threadKey = null, string? detail = null, Guid? noticeId = null)
    {
        Id = Guid.NewGuid();
        MessageId = $"{Id:N}@hellowork.local";
        UserId = userId;
        ToAddress = toAddress;
        Culture = culture;
        Kind = kind;
        NoticeKind = noticeKind;
        Link = link;
        Secret = secret;
        ThreadKey = threadKey;
        Detail = detail;
        NoticeId = noticeId;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    public Guid Id { get; private set; }
    public string MessageId { get; private set; } = "";
    public Guid? UserId { get; private set; }
    public string ToAddress { get; private set; } = "";
    public string Culture { get; private set; } = "ja";
    public MailKind Kind { get; private set; }
    public Notices.NoticeKind? NoticeKind { get; private set; }

    /// <summary>The notice a notice mail is about: the web renders its link from it, as it does for the bell (R-NTC-1).</summary>
    public Guid? NoticeId { get; private set; }

    /// <summary>The portal path the mail links to (relative; the sender makes it absolute); null for a notice mail.</summary>
    public string? Link { get; private set; }

    /// <summary>The one-time token of an account mail (reset, confirmation, invitation), needed only until the mail is sent:
    /// cleared when it is (only its hash is kept, in <see cref="AccountToken"/>).</summary>
    public string? Secret { get; private set; }

    /// <summary>Messages: the thread, so at most one mail per thread per hour is sent (R-MAIL-3).</summary>
    public string? ThreadKey { get; private set; }

    /// <summary>Non-personal detail the template may show: a job number (13010-…), or the digest's counts.</summary>
    public string? Detail { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public MailStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public string? LeaseOwner { get; private set; }
    public DateTimeOffset? LeaseUntil { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public string? LastError { get; private set; }

    /// <summary>Backoff after a temporary failure: 30 s, 1 min, 2 min … at most 1 h.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));

    /// <summary>A failed or bounced mail goes back to the queue (administrator's resend, same Message-Id).</summary>
    public bool Resend(DateTimeOffset now)
    {
        if (Status is not (MailStatus.Failed or MailStatus.Bounced))
        {
            return false;
        }
        Status = MailStatus.Pending;
        Attempts = 0;
        NextAttemptAt = now;
        LeaseOwner = null;
        LeaseUntil = null;
        return true;
    }

    /// <summary>A delivery status notification that came later says the mail could not be delivered (a bounce after the send):
    /// the row is Bounced with the report's status as its error. False when it already was (the same report twice).</summary>
    public bool Bounce(string detail)
    {
        if (Status == MailStatus.Bounced)
        {
            return false;
        }
        Status = MailStatus.Bounced;
        LastError = detail;
        LeaseOwner = null;
        LeaseUntil = null;
        return true;
    }

    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

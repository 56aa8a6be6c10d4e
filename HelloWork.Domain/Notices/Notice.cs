namespace HelloWork.Domain.Notices;

/// <summary>What a notice is about (R-NTC-1).</summary>
public enum NoticeKind
{
    Info = 0,
    ApplicationReceived = 1,
    ApplicationCancelled = 2,
    MessageReceived = 3,
    ReferralProposed = 4,
    ReferralEstablished = 5,
    ResultRegistered = 6,
    OfferSubmitted = 7,
    OfferAccepted = 8,
    OfferReturned = 9,
    DirectRequest = 10,
    GuidanceMessage = 11,
    JobInformation = 12,
    ImageReviewed = 13,
    ReferralSent = 14,
    ReferralDeclined = 15,
    ImageRefused = 16,
    Welcome = 17,
    OfficeClosure = 18,

    /// <summary>A proposed referral's deadline is two days away (紹介状の応募期限, to the jobseeker; R-MAIL-3).</summary>
    ReferralDeadlineSoon = 19,

    /// <summary>The mail outbox changed (sent, failed, bounced, resent): the administrators' mail page reloads. Not shown in the bell.</summary>
    MailQueueChanged = 20,
}

/// <summary>
/// A stored notice (お知らせ) for one recipient: a person (<c>user:{id}</c>), an establishment (<c>est:{id}</c>),
/// an office (<c>office:{id}</c>) or an agency (<c>agency:{id}</c>). <see cref="Seq"/> numbers the recipient's notices
/// 1, 2, 3 … so that a page that reconnects asks for everything after the last one it saw (R-LIVE-2).
/// Notices are written in the same transaction as the change that causes them (an outbox) and published after commit.
/// A notice is data, not prose (R-NTC-1, R-UI-1): its kind, its subject and its arguments (<see cref="NoticeArg"/>). The web
/// renders title, body and link from them in the reader's language; the domain knows no wording and no routes.
/// </summary>
public sealed class Notice
{
    private Notice() { }

    public Notice(string recipient, long seq, NoticeKind kind, Guid? subjectId, IReadOnlyDictionary<string, string>? args, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        Recipient = recipient;
        Seq = seq;
        Kind = kind;
        SubjectId = subjectId;
        Args = NoticeArg.Write(args);
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public string Recipient { get; private set; } = "";
    public long Seq { get; private set; }
    public NoticeKind Kind { get; private set; }

    /// <summary>The arguments as a JSON object of strings (names in <see cref="NoticeArg"/>): what the notice says, captured
    /// when it was written (an offer's title then, not now).</summary>
    public string Args { get; private set; } = "{}";

    /// <summary>The application, offer, referral … the notice is about, so open pages know what to refresh.</summary>
    public Guid? SubjectId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}

/// <summary>The last sequence number handed out per recipient.</summary>
public sealed class NoticeCounter
{
    private NoticeCounter() { }

    public NoticeCounter(string recipient) => Recipient = recipient;

    public string Recipient { get; private set; } = "";
    public long LastSeq { get; private set; }

    public long Next() => ++LastSeq;
}

/// <summary>Recipient keys (and SignalR group names).</summary>
public static class Recipients
{
    public static string User(Guid id) => $"user:{id}";

    public static string Establishment(Guid id) => $"est:{id}";

    public static string Office(Guid id) => $"office:{id}";

    public static string Agency(Guid id) => $"agency:{id}";

    /// <summary>Every administrator (the mail queue's live page).</summary>
    public const string Admins = "admins:all";
}

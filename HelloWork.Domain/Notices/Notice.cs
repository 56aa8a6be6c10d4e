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
    MinimumWageAdded = 19,
    /// <summary>An agency's application (利用申請) was approved (R-AGY-1).</summary>
    AgencyApproved = 20,
    /// <summary>An agency's application was returned with a reason (差戻し).</summary>
    AgencyReturned = 21,
    /// <summary>A place on an event's waiting list became a booking (R-EVT-1).</summary>
    BookingMovedUp = 22,
    /// <summary>An event the person booked is near (R-EVT-1).</summary>
    EventReminder = 23,
    /// <summary>A counselling appointment with the person is near (R-APT-1).</summary>
    AppointmentReminder = 24,
    /// <summary>A jobseeker booked a counselling slot of the office (R-APT-1; with a course: an intention to apply, R-TRN-1).</summary>
    AppointmentBooked = 25,
    /// <summary>A jobseeker cancelled a counselling appointment of the office (R-APT-1).</summary>
    AppointmentCancelled = 26,
    /// <summary>Not stored: a topic signal that an event's seats changed (R-EVT-1, R-LIVE-1).</summary>
    SeatsChanged = 27,
    /// <summary>Not stored: a topic signal that a counselling slot was taken or freed (R-APT-1, R-LIVE-1).</summary>
    SlotsChanged = 28,

    /// <summary>A proposed referral's deadline is two days away (紹介状の応募期限, to the jobseeker; R-MAIL-3).</summary>
    ReferralDeadlineSoon = 29,

    /// <summary>The mail outbox changed (sent, failed, bounced, resent): the administrators' mail page reloads. Not shown in the bell.</summary>
    MailQueueChanged = 30,

    /// <summary>An agency applied, sent a returned application again, or added or removed a document of its open application: the
    /// administrators' list of applications reloads (R-AGY-1).</summary>
    AgencyApplied = 31,

    /// <summary>A 求職申込み finished online reached the office: a pre-registration waiting for the counter, or one completed online
    /// (R-REG-2). The office's queue reloads.</summary>
    JobApplicationSubmitted = 32,

    /// <summary>A 求職申込み was completed (at the counter or online): to the person (their 求職番号) and to the office's queue (R-REG-2).</summary>
    JobApplicationCompleted = 33,

    /// <summary>An employer submitted a change of a published offer for review (R-CHG-1): to the office.</summary>
    OfferChangeSubmitted = 34,

    /// <summary>Staff accepted a change of a published offer (R-CHG-1): to the establishment and the office.</summary>
    OfferChangeAccepted = 35,

    /// <summary>Staff returned a change of a published offer with a correction request (R-CHG-1): to the establishment and the office.</summary>
    OfferChangeReturned = 36,

    /// <summary>An offer the person applied to or was referred to changed its wage, hours, place or employment type (R-CHG-2).</summary>
    OfferChanged = 37,

    /// <summary>Staff recorded an establishment visit or advice on an offer (求人充足サービス, R-CHG-3): to the establishment.</summary>
    OfferAdvised = 38,

    /// <summary>An office set or changed its yearly targets (R-EVAL-1): to its labour bureau, whose approval list reloads.</summary>
    TargetsSubmitted = 39,

    /// <summary>The labour bureau approved an office's yearly targets (R-EVAL-1): to the office.</summary>
    TargetsApproved = 40,

    /// <summary>The labour bureau returned an office's yearly targets with a reason (R-EVAL-1): to the office.</summary>
    TargetsReturned = 41,

    /// <summary>An office under the threshold wrote its improvement plan (R-EVAL-3): to its labour bureau.</summary>
    ImprovementPlanWritten = 42,

    /// <summary>The labour bureau commented on an office's improvement plan or marked it followed (R-EVAL-3): to the office.</summary>
    ImprovementPlanReviewed = 43,

    /// <summary>The yearly evaluation ran (R-EVAL-3): the administrators' run page reloads its last run. Not shown in the bell.</summary>
    EvaluationRun = 44,

    /// <summary>The user questionnaire is offered after a result, an attended appointment or an event (R-EVAL-4): to the person, with the
    /// office and the occasion for the questionnaire's link and nothing else.</summary>
    SurveyOffered = 45,

    /// <summary>Staff recorded what the office did for one of its 所重点項目 (R-EVAL-1): the office's and its bureau's pages reload.</summary>
    PriorityItemRecorded = 46,

    /// <summary>The office cancelled (中止) an event the person had booked or was waiting for, with its reason (R-EVT-1).</summary>
    EventCancelled = 47,
}

/// <summary>
/// A stored notice (お知らせ) for one recipient: a person (<c>user:{id}</c>), an establishment (<c>est:{id}</c>),
/// an office (<c>office:{id}</c>), an agency (<c>agency:{id}</c>) or the administrators (<c>admins</c>). <see cref="Seq"/> numbers the recipient's notices
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

    /// <summary>The prefectural labour bureau (労働局) of a prefecture: every account of it (R-EVAL-1).</summary>
    public static string Bureau(string prefecture) => $"bureau:{prefecture}";

    /// <summary>Every administrator: what one administrator changes in the portal's own tables, the others see live.</summary>
    public const string Admins = "admins";
}

/// <summary>
/// Topics: bus keys that are not a person but something many people look at (an event's seats left, a counsellor's free slots).
/// What goes out on a topic is a signal (<see cref="LiveNotice.TopicSignal"/>), never a stored notice: availability is state, read
/// again from the database, so a page that missed a signal while disconnected simply reloads after the reconnect (R-LIVE-1/2).
/// </summary>
public static class Topics
{
    public const string Prefix = "topic:";

    /// <summary>Seats of events and counselling slots: jobseekers and staff listen.</summary>
    public const string Bookings = Prefix + "bookings";
}

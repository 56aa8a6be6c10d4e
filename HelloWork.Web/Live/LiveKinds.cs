using HelloWork.Domain.Notices;

namespace HelloWork.Web.Live;

/// <summary>
/// Which notices concern which live page (the <c>Kinds</c> of its <c>LiveUpdates</c>), named so that the pages and the tests
/// that drive them through a reconnect use the same lists (R-LIVE-1, R-LIVE-2).
/// </summary>
public static class LiveKinds
{
    public static readonly NoticeKind[] ReferralBoard = [NoticeKind.ReferralSent, NoticeKind.ReferralDeclined, NoticeKind.ReferralEstablished,
        NoticeKind.ApplicationCancelled, NoticeKind.ResultRegistered];

    /// <summary>The queue of offers awaiting review: a new submission, and another member of staff's acceptance or return (the offer
    /// leaves every open queue at once).</summary>
    public static readonly NoticeKind[] ReviewQueue = [NoticeKind.OfferSubmitted, NoticeKind.OfferAccepted, NoticeKind.OfferReturned,
        NoticeKind.OfferChangeSubmitted, NoticeKind.OfferChangeAccepted, NoticeKind.OfferChangeReturned];

    public static readonly NoticeKind[] StaffFigures = [.. ReferralBoard, NoticeKind.OfferSubmitted];

    public static readonly NoticeKind[] ApplicantList = [NoticeKind.ApplicationReceived, NoticeKind.ApplicationCancelled, NoticeKind.MessageReceived];

    /// <summary>Messages and cancellation of the application, and an accepted change of its offer (the version applied to, R-CHG-2).</summary>
    public static readonly NoticeKind[] ApplicantDetail = [NoticeKind.MessageReceived, NoticeKind.ApplicationCancelled, NoticeKind.OfferChangeAccepted];

    public static readonly NoticeKind[] EmployerOffers = [NoticeKind.OfferAccepted, NoticeKind.OfferReturned, NoticeKind.ApplicationReceived,
        NoticeKind.ApplicationCancelled, NoticeKind.OfferChangeAccepted, NoticeKind.OfferChangeReturned];

    /// <summary>One offer's page: acceptance or return of the offer or of its change (R-CHG-1), and advice from staff (R-CHG-3).</summary>
    public static readonly NoticeKind[] EmployerOffer = [NoticeKind.OfferAccepted, NoticeKind.OfferReturned, NoticeKind.OfferChangeAccepted,
        NoticeKind.OfferChangeReturned, NoticeKind.OfferAdvised];

    public static readonly NoticeKind[] SentRequests = [NoticeKind.DirectRequest, NoticeKind.ApplicationReceived];

    public static readonly NoticeKind[] Guidance = [NoticeKind.GuidanceMessage];

    public static readonly NoticeKind[] MinimumWages = [NoticeKind.MinimumWageAdded];

    /// <summary>The administrators' list of agency applications: a new or corrected application, a document added or removed.</summary>
    public static readonly NoticeKind[] AgencyApplications = [NoticeKind.AgencyApplied];

    /// <summary>The review of an agency's application (its home page).</summary>
    public static readonly NoticeKind[] AgencyReview = [NoticeKind.AgencyApproved, NoticeKind.AgencyReturned];

    /// <summary>Event lists and pages: seats left (a topic signal) and the person's own waiting-list move (R-EVT-1).</summary>
    public static readonly NoticeKind[] EventSeats = [NoticeKind.SeatsChanged, NoticeKind.BookingMovedUp, NoticeKind.EventCancelled];

    /// <summary>Counselling slots, for jobseekers and staff: taken and freed (a topic signal) and the office's notices (R-APT-1).</summary>
    public static readonly NoticeKind[] CounsellingSlots = [NoticeKind.SlotsChanged, NoticeKind.AppointmentBooked, NoticeKind.AppointmentCancelled];

    /// <summary>The kinds that go out as topic signals (<see cref="Topics"/>).</summary>
    public static readonly NoticeKind[] TopicKinds = [NoticeKind.SeatsChanged, NoticeKind.SlotsChanged];

    /// <summary>An office's queue of 求職申込み made online, and one opened at the counter (R-REG-2).</summary>
    public static readonly NoticeKind[] JobApplicationQueue = [NoticeKind.JobApplicationSubmitted, NoticeKind.JobApplicationCompleted];

    /// <summary>The person's own 求職申込書: completed at the counter or online (R-REG-2).</summary>
    public static readonly NoticeKind[] MyJobApplication = [NoticeKind.JobApplicationCompleted];

    /// <summary>An office's targets and improvement plan as its labour bureau decides on them, and the bureau's list as its offices change them
    /// (R-EVAL-1, R-EVAL-3).</summary>
    public static readonly NoticeKind[] EvaluationFollowUp = [NoticeKind.TargetsSubmitted, NoticeKind.TargetsApproved, NoticeKind.TargetsReturned,
        NoticeKind.ImprovementPlanWritten, NoticeKind.ImprovementPlanReviewed, NoticeKind.PriorityItemRecorded];

    /// <summary>The administrators' run page of the yearly evaluation (R-EVAL-3).</summary>
    public static readonly NoticeKind[] EvaluationRun = [NoticeKind.EvaluationRun];

    /// <summary>The administrators' mail queue (/admin/mail): sent, failed, bounced, resent.</summary>
    public static readonly NoticeKind[] MailQueue = [NoticeKind.MailQueueChanged];

    /// <summary>Whether a notice concerns a page that listens to <paramref name="kinds"/> (null or empty: every stored notice)
    /// and, when <paramref name="readState"/>, to read signals. A topic signal concerns only pages that name its kind (a signal
    /// without a subject, after a reconnect, every page that names a topic kind).</summary>
    public static bool Concerns(LiveNotice notice, IReadOnlyCollection<NoticeKind>? kinds, bool readState) =>
        notice.IsReadSignal ? readState
        : notice.IsTopicSignal ? kinds is { Count: > 0 } && (kinds.Contains(notice.Kind) || (notice.SubjectId is null && kinds.Intersect(TopicKinds).Any()))
        : kinds is not { Count: > 0 } || kinds.Contains(notice.Kind);
}

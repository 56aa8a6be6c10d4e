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

    public static readonly NoticeKind[] ReviewQueue = [NoticeKind.OfferSubmitted];

    public static readonly NoticeKind[] StaffFigures = [.. ReferralBoard, NoticeKind.OfferSubmitted];

    public static readonly NoticeKind[] ApplicantList = [NoticeKind.ApplicationReceived, NoticeKind.ApplicationCancelled, NoticeKind.MessageReceived];

    public static readonly NoticeKind[] ApplicantDetail = [NoticeKind.MessageReceived, NoticeKind.ApplicationCancelled];

    public static readonly NoticeKind[] EmployerOffers = [NoticeKind.OfferAccepted, NoticeKind.OfferReturned, NoticeKind.ApplicationReceived,
        NoticeKind.ApplicationCancelled];

    public static readonly NoticeKind[] EmployerOffer = [NoticeKind.OfferAccepted, NoticeKind.OfferReturned];

    public static readonly NoticeKind[] SentRequests = [NoticeKind.DirectRequest, NoticeKind.ApplicationReceived];

    public static readonly NoticeKind[] Guidance = [NoticeKind.GuidanceMessage];

    /// <summary>The administrators' mail queue (/admin/mail): sent, failed, bounced, resent.</summary>
    public static readonly NoticeKind[] MailQueue = [NoticeKind.MailQueueChanged];

    /// <summary>Whether a notice concerns a page that listens to <paramref name="kinds"/> (null or empty: every stored notice)
    /// and, when <paramref name="readState"/>, to read signals.</summary>
    public static bool Concerns(LiveNotice notice, IReadOnlyCollection<NoticeKind>? kinds, bool readState) =>
        notice.IsReadSignal ? readState : kinds is not { Count: > 0 } || kinds.Contains(notice.Kind);
}

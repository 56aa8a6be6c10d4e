using HelloWork.Domain.Common;
using HelloWork.Domain.Messaging;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Applications;

/// <summary>One application in the jobseeker's list, with its unread messages (R-MSG-2).</summary>
public sealed record MyApplicationRow(Guid Id, string JobNumber, string Title, string? EmployerName, ApplicationMethod Method, ApplicationStatus Status,
    DateTimeOffset AppliedAt, DateTimeOffset? ResultRegisteredAt, DateTimeOffset CancelDeadline, int UnreadMessages, DateTimeOffset? LastMessageAt)
{
    /// <summary>R-CAN-1, decided by the entity's rule at <paramref name="now"/>: pages re-evaluate it as the clock moves.</summary>
    public bool CanCancel(DateTimeOffset now) => Status == ApplicationStatus.InSelection && now < CancelDeadline;
}

public sealed record MyDocumentView(Guid Id, string FileName, int Size);

/// <summary>An application as its jobseeker sees it: status, method, dates, result and reason (R-APP-1, R-RES-1/2), the cancel window
/// (R-CAN-1), the referral slip (R-REF-5) and whether the message thread is open (R-MSG-1).</summary>
public sealed record MyApplicationDetail(MyApplicationRow Row, string Motivation, Guid? ReferralId, ResultOutcome? Outcome, SelectionReason? Reason,
    DateOnly? HiringDate, DateTimeOffset? CancelledAt, IReadOnlyList<MyDocumentView> Documents, DateTimeOffset? DocumentsDeletedAt,
    ThreadClosedReason? MessagingClosed)
{
    /// <summary>What the offer changed since the application was made on its earlier version (R-CHG-2); empty when none.</summary>
    public IReadOnlyList<JobOffers.SheetChange> ChangesSinceApplied { get; init; } = [];

    /// <summary>R-CAN-1, the row's rule.</summary>
    public bool CanCancel(DateTimeOffset now) => Row.CanCancel(now);
}

/// <summary>The jobseeker's applications and message threads (SPEC 6): their own only (R-ACC-4).</summary>
public sealed class MyApplications(Operations ops)
{
    public Task<List<MyApplicationRow>> ListAsync(Actor actor, CancellationToken ct = default) => ops.ReadAsync(async db =>
    {
        var jobseekerId = actor.RequireJobseeker();
        var rows = await (from a in db.Applications
                          join o in db.JobOffers on a.JobOfferId equals o.Id
                          where a.JobseekerId == jobseekerId
                          orderby a.AppliedAt descending
                          select new
                          {
                              a, o.JobNumber, o.Title, o.EstablishmentName, o.Scope, o.EstablishmentId,
                              Unread = db.Messages.Count(m => m.ApplicationId == a.Id && m.From == MessageSide.Employer && m.ReadAt == null),
                              Last = db.Messages.Where(m => m.ApplicationId == a.Id).Max(m => (DateTimeOffset?)m.SentAt),
                          }).Take(500).ToListAsync(ct);
        // An applicant is known to the employer, so the name is shown whatever the publication scope.
        return rows.Select(x => Row(x.a, x.JobNumber, x.Title, x.EstablishmentName, x.Unread, x.Last)).ToList();
    }, ct);

    public Task<MyApplicationDetail> DetailAsync(Actor actor, Guid applicationId, CancellationToken ct = default) => ops.ReadAsync(async db =>
    {
        var jobseekerId = actor.RequireJobseeker();
        var now = ops.Clock.GetUtcNow();
        var a = await db.Applications.FirstOrDefaultAsync(x => x.Id == applicationId && x.JobseekerId == jobseekerId, ct)
            ?? throw new ScopeException("application");
        var offer = await db.JobOffers.FirstAsync(o => o.Id == a.JobOfferId, ct);
        var unread = await db.Messages.CountAsync(m => m.ApplicationId == a.Id && m.From == MessageSide.Employer && m.ReadAt == null, ct);
        var last = await db.Messages.Where(m => m.ApplicationId == a.Id).MaxAsync(m => (DateTimeOffset?)m.SentAt, ct);
        var documents = await db.ApplicationDocuments.Where(d => d.ApplicationId == a.Id).OrderBy(d => d.UploadedAt)
            .Select(d => new MyDocumentView(d.Id, d.FileName, d.Size)).ToListAsync(ct);
        if (Documents.DocumentRetention.IsGone(offer, now))
        {
            documents = []; // R-DOC-1: past the deadline, gone whether or not the sweep has run
        }
        var changes = a.OfferVersion < offer.Version
            ? JobOffers.SheetChanges.Between(await JobOffers.OfferVersion.SheetAsync(db, offer, a.OfferVersion, ct), offer.Sheet,
                System.Globalization.CultureInfo.CurrentUICulture)
            : [];
        return new MyApplicationDetail(Row(a, offer.JobNumber, offer.Title, offer.EstablishmentName, unread, last), a.Motivation,
            a.Method == ApplicationMethod.SelfApplication ? null : a.ReferralId, a.Outcome, a.ReasonCode is { } code ? SelectionReasons.Find(code) : null,
            a.HiringDate, a.CancelledAt, documents, a.DocumentsDeletedAt, MessageService.ClosedReason(a, offer, now)) { ChangesSinceApplied = changes };
    }, ct);

    /// <summary>Unread messages from employers over all the jobseeker's threads (R-MSG-2).</summary>
    public Task<int> UnreadAsync(Actor actor, CancellationToken ct = default)
    {
        var jobseekerId = actor.RequireJobseeker();
        return ops.ReadAsync(db => db.Messages.CountAsync(m => m.From == MessageSide.Employer && m.ReadAt == null
            && db.Applications.Any(a => a.Id == m.ApplicationId && a.JobseekerId == jobseekerId), ct), ct);
    }

    private static MyApplicationRow Row(Application a, string? jobNumber, string title, string employer, int unread, DateTimeOffset? last) =>
        new(a.Id, jobNumber ?? "", title, employer, a.Method, a.Status, a.AppliedAt, a.ResultRegisteredAt, a.CancelDeadline, unread, last);
}

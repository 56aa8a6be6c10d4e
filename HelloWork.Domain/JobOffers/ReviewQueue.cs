using HelloWork.Domain.Accounts;
using HelloWork.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.JobOffers;

/// <summary>Why the office must see the establishment at the counter within 14 days (REFERENCE.md, R-ACC-3).</summary>
public enum CounterVisitReason
{
    /// <summary>The establishment's first offer from the mypage.</summary>
    FirstOfferFromMypage = 0,

    /// <summary>The first offer for people with disabilities only, or with trial employment (トライアル雇用).</summary>
    FirstDisabilityOrTrialOffer = 1,

    /// <summary>No accepted offer in the past year.</summary>
    NoOfferInPastYear = 2,

    /// <summary>A dispatch (派遣) or contracting (請負) offer.</summary>
    DispatchOrContracting = 3,
}

/// <summary>A submitted offer in the office's review queue with the checks a reviewer looks at beside the fields (R-JOB-1).</summary>
public sealed record ReviewItem(Guid OfferId, string Title, string EstablishmentName, string EstablishmentNumber, Guid EstablishmentId,
    EstablishmentStatus EstablishmentStatus, OfferChannel Channel, DateTimeOffset SubmittedAt, JobSheet Sheet, IReadOnlyList<Finding> Findings,
    IReadOnlyList<CounterVisitReason> CounterVisit, DateOnly CounterVisitBy)
{
    /// <summary>A change of a published offer (R-CHG-1): <see cref="Sheet"/> and <see cref="Findings"/> are the changed version's and
    /// these are the rows it alters, old and new; null for an offer not yet published.</summary>
    public IReadOnlyList<SheetChange>? Changes { get; init; }

    public string? JobNumber { get; init; }

    /// <summary>Which of wage, hours, place and employment type the change touches: the people applying will be told (R-CHG-2).</summary>
    public IReadOnlyList<ChangedTerm> TermsChanged { get; init; } = [];
}

/// <summary>An establishment opened online that the office has not confirmed yet (R-ACC-3).</summary>
public sealed record EstablishmentAwaiting(Guid EstablishmentId, string Name, string Number, string Address, DateTimeOffset OpenedAt,
    int SubmittedOffers, DateOnly? CounterVisitBy);

/// <summary>
/// The review queue of one office (R-JOB-1): submitted offers of the office's establishments, oldest first, each with the
/// legal-check findings of <see cref="JobSheetChecks"/> and the counter-visit cases of REFERENCE.md; and the establishments
/// awaiting confirmation (R-ACC-3). Staff see only their own office (R-ACC-4).
/// </summary>
public sealed class ReviewQueue(Operations ops)
{
    public const int CounterVisitDays = 14;

    public Task<IReadOnlyList<ReviewItem>> OffersAsync(Actor actor, CancellationToken ct = default) => ops.ReadAsync(async db =>
    {
        var officeId = actor.RequireOffice();
        var rows = await (from o in db.JobOffers
                          join e in db.Establishments on o.EstablishmentId equals e.Id
                          where (o.Status == OfferStatus.Submitted || (o.Status == OfferStatus.Published && o.ChangeStatus == OfferChangeStatus.Submitted))
                              && e.OfficeId == officeId
                          orderby o.ChangeSubmittedAt ?? o.SubmittedAt
                          select new { Offer = o, Est = e }).Take(200).ToListAsync(ct);
        var estIds = rows.Select(r => r.Est.Id).Distinct().ToList();
        var history = await db.JobOffers.Where(o => estIds.Contains(o.EstablishmentId) && o.AcceptedAt != null)
            .Select(o => new PastOffer(o.EstablishmentId, o.Channel, o.Category, o.AcceptedAt!.Value)).ToListAsync(ct);
        var now = ops.Clock.GetUtcNow();
        // Not yet published: checked as if accepted today, the day 受理 would publish it (R-LAW-1).
        var law = Law.LawContext.On(JapanTime.DateOf(now), await Law.MinimumWages.TableAsync(db, ct));
        var tables = law.MinimumWages;
        return (IReadOnlyList<ReviewItem>)rows.Select(r => r.Offer.Status == OfferStatus.Published && r.Offer.PendingSheet is { } pending
            // A change (R-CHG-1): the changed version checked on the offer's own dates, and its difference from the published one.
            ? new ReviewItem(r.Offer.Id, pending.Work.JobTitle, r.Est.Name, r.Est.Number, r.Est.Id, r.Est.Status, r.Offer.Channel,
                r.Offer.ChangeSubmittedAt ?? r.Offer.UpdatedAt, pending, JobSheetChecks.Check(pending, Law.LawContext.For(r.Offer, JapanTime.DateOf(now), tables)),
                [], JapanTime.DateOf(r.Offer.ChangeSubmittedAt ?? r.Offer.UpdatedAt))
            {
                Changes = SheetChanges.Between(r.Offer.Sheet, pending, System.Globalization.CultureInfo.CurrentUICulture),
                JobNumber = r.Offer.JobNumber,
                TermsChanged = SheetChanges.TermsChanged(r.Offer.Sheet, pending),
            }
            : new ReviewItem(r.Offer.Id, r.Offer.Title, r.Est.Name, r.Est.Number, r.Est.Id, r.Est.Status,
            r.Offer.Channel, r.Offer.SubmittedAt ?? r.Offer.UpdatedAt, r.Offer.Sheet, JobSheetChecks.Check(r.Offer.Sheet, law),
            CounterVisitReasons(r.Offer, history.Where(h => h.EstablishmentId == r.Est.Id).ToList(), now),
            JapanTime.DateOf(r.Offer.SubmittedAt ?? r.Offer.UpdatedAt).AddDays(CounterVisitDays))).ToList();
    }, ct);

    public Task<IReadOnlyList<EstablishmentAwaiting>> EstablishmentsAsync(Actor actor, CancellationToken ct = default) => ops.ReadAsync(async db =>
    {
        var officeId = actor.RequireOffice();
        var rows = await db.Establishments.Where(e => e.OfficeId == officeId && e.Status == EstablishmentStatus.Provisional)
            .OrderBy(e => e.CreatedAt)
            .Select(e => new
            {
                e.Id, e.Name, e.Number, e.Address, e.CreatedAt,
                Submitted = db.JobOffers.Count(o => o.EstablishmentId == e.Id && o.Status == OfferStatus.Submitted),
                First = db.JobOffers.Where(o => o.EstablishmentId == e.Id && o.SubmittedAt != null).Min(o => o.SubmittedAt),
            }).Take(200).ToListAsync(ct);
        return (IReadOnlyList<EstablishmentAwaiting>)rows.Select(r => new EstablishmentAwaiting(r.Id, r.Name, r.Number, r.Address, r.CreatedAt, r.Submitted,
            r.First is { } first ? JapanTime.DateOf(first).AddDays(CounterVisitDays) : null)).ToList();
    }, ct);

    /// <summary>A previously accepted offer of the same establishment.</summary>
    public sealed record PastOffer(Guid EstablishmentId, OfferChannel Channel, OfferCategory Category, DateTimeOffset AcceptedAt);

    /// <summary>The counter-visit cases of REFERENCE.md for a submitted offer, given the establishment's accepted offers.
    /// Trial employment lives only in the sheet (no column), so a trial offer counts as the first one when the establishment has no
    /// accepted offer yet.</summary>
    public static IReadOnlyList<CounterVisitReason> CounterVisitReasons(JobOffer offer, IReadOnlyList<PastOffer> accepted, DateTimeOffset now)
    {
        var reasons = new List<CounterVisitReason>();
        if (offer.Channel == OfferChannel.Online && !accepted.Any(a => a.Channel == OfferChannel.Online))
        {
            reasons.Add(CounterVisitReason.FirstOfferFromMypage);
        }
        var disability = offer.Category == OfferCategory.Disability;
        if ((disability && !accepted.Any(a => a.Category == OfferCategory.Disability)) || (offer.Sheet.Basics.TrialEmployment && accepted.Count == 0))
        {
            reasons.Add(CounterVisitReason.FirstDisabilityOrTrialOffer);
        }
        if (accepted.Count > 0 && !accepted.Any(a => a.AcceptedAt >= now.AddYears(-1)))
        {
            reasons.Add(CounterVisitReason.NoOfferInPastYear);
        }
        if (offer.Sheet.Work.Dispatch is DispatchKind.Dispatch or DispatchKind.TemporaryToPermanent or DispatchKind.Contracting)
        {
            reasons.Add(CounterVisitReason.DispatchOrContracting);
        }
        return reasons;
    }
}

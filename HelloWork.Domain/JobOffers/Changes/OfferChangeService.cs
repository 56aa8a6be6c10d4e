using System.Globalization;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Applications;
using HelloWork.Domain.Audit;
using HelloWork.Domain.Common;
using HelloWork.Domain.Notices;
using HelloWork.Domain.Referrals;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.JobOffers;

/// <summary>
/// Changing a published offer (R-CHG-1, R-CHG-2). The employer starts a change (a pending copy of the published sheet), edits it
/// through the same entry screens (<see cref="JobOfferService.SaveScreenAsync"/> saves into the pending sheet) and submits it; staff
/// of the establishment's office see it in the review queue as a difference against the published version and accept it (the sheet
/// is replaced, the job number, validity and applicants stay, the replaced version is kept) or return it (the published version
/// stays). Jobseekers with an open application or referral are told when wage, hours, place or employment type changed.
/// Another establishment's offer, or another office's, is out of scope (R-ACC-4).
/// </summary>
public sealed class OfferChangeService(Operations ops)
{
    /// <summary>変更: begins (or resumes) the change of the employer's own published offer.</summary>
    public Task StartAsync(Actor actor, Guid offerId, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var offer = await OwnOfferAsync(w, offerId, ct);
        var was = offer.ChangeStatus;
        offer.StartChange(w.Now);
        if (was == OfferChangeStatus.None)
        {
            w.Audit(AuditActions.OfferChangeStarted, nameof(JobOffer), offer.Id);
        }
    }, ct);

    /// <summary>Drops a change not yet submitted.</summary>
    public Task DiscardAsync(Actor actor, Guid offerId, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var offer = await OwnOfferAsync(w, offerId, ct);
        offer.DiscardChange(w.Now);
        w.Audit(AuditActions.OfferChangeDiscarded, nameof(JobOffer), offer.Id);
    }, ct);

    /// <summary>変更の申込み: to the office's review queue (R-CHG-1).</summary>
    public Task SubmitAsync(Actor actor, Guid offerId, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var offer = await OwnOfferAsync(w, offerId, ct);
        offer.SubmitChange(w.Now, await Law.MinimumWages.TableAsync(w.Db, ct));
        var est = await w.Db.Establishments.FirstAsync(e => e.Id == offer.EstablishmentId, ct);
        await w.Notices.AddAsync(Recipients.Office(est.OfficeId), NoticeKind.OfferChangeSubmitted, offer.Id, new Dictionary<string, string>
        {
            [NoticeArg.EstablishmentName] = est.Name, [NoticeArg.OfferTitle] = offer.Title, [NoticeArg.JobNumber] = offer.JobNumber ?? "",
        }, ct);
        w.Audit(AuditActions.OfferChangeSubmitted, nameof(JobOffer), offer.Id);
    }, ct);

    /// <summary>Staff of the establishment's office accept the change: the published sheet is replaced under the same job number, the
    /// replaced version is kept for the applications made on it, and jobseekers with an open application or referral are told of a
    /// change to wage, hours, place or employment type (R-CHG-1, R-CHG-2). Returns the terms that changed.</summary>
    public Task<IReadOnlyList<ChangedTerm>> AcceptAsync(Actor actor, Guid offerId, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var (offer, est) = await OfficeOfferAsync(w, offerId, ct);
        var before = offer.Sheet;
        var replaced = offer.AcceptChange(w.Now);
        w.Db.OfferVersions.Add(replaced);
        var terms = SheetChanges.TermsChanged(before, offer.Sheet);
        var args = new Dictionary<string, string> { [NoticeArg.OfferTitle] = offer.Title, [NoticeArg.JobNumber] = offer.JobNumber ?? "" };
        await w.Notices.AddAsync(Recipients.Establishment(est.Id), NoticeKind.OfferChangeAccepted, offer.Id, args, ct);
        await w.Notices.AddAsync(Recipients.Office(est.OfficeId), NoticeKind.OfferChangeAccepted, offer.Id,
            new Dictionary<string, string>(args) { [NoticeArg.EstablishmentName] = est.Name }, ct);
        if (terms.Count > 0)
        {
            var told = new Dictionary<string, string>(args) { [NoticeArg.Terms] = string.Join(',', terms) };
            foreach (var userId in await PeopleToTellAsync(w, offer.Id, ct))
            {
                await w.Notices.AddAsync(Recipients.User(userId), NoticeKind.OfferChanged, offer.Id, told, ct);
            }
        }
        w.Audit(AuditActions.OfferChangeAccepted, nameof(JobOffer), offer.Id,
            detail: string.Create(CultureInfo.InvariantCulture, $"version {offer.Version}"));
        return terms;
    }, ct);

    /// <summary>Staff return the change with a correction request; the published version stays (R-CHG-1).</summary>
    public Task ReturnAsync(Actor actor, Guid offerId, string comment, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var (offer, est) = await OfficeOfferAsync(w, offerId, ct);
        offer.ReturnChange(comment, w.Now);
        await w.Notices.AddAsync(Recipients.Establishment(est.Id), NoticeKind.OfferChangeReturned, offer.Id, new Dictionary<string, string>
        {
            [NoticeArg.OfferTitle] = offer.Title, [NoticeArg.JobNumber] = offer.JobNumber ?? "", [NoticeArg.Correction] = offer.CorrectionRequest ?? "",
        }, ct);
        await w.Notices.AddAsync(Recipients.Office(est.OfficeId), NoticeKind.OfferChangeReturned, offer.Id,
            new Dictionary<string, string> { [NoticeArg.EstablishmentName] = est.Name, [NoticeArg.OfferTitle] = offer.Title }, ct);
        w.Audit(AuditActions.OfferChangeReturned, nameof(JobOffer), offer.Id);
    }, ct);

    /// <summary>The accounts of the jobseekers with an application in selection, or a referral still open, on the offer.</summary>
    private static async Task<List<Guid>> PeopleToTellAsync(Work w, Guid offerId, CancellationToken ct)
    {
        var now = w.Now;
        var applying = w.Db.Applications.Where(a => a.JobOfferId == offerId && a.Status == ApplicationStatus.InSelection).Select(a => a.JobseekerId);
        var referred = w.Db.Referrals.Where(r => r.JobOfferId == offerId && r.Status == ReferralStatus.Proposed && r.Deadline > now).Select(r => r.JobseekerId);
        var jobseekers = await applying.Union(referred).ToListAsync(ct);
        return await w.Db.Users.Where(u => u.JobseekerId != null && jobseekers.Contains(u.JobseekerId.Value)).Select(u => u.Id).ToListAsync(ct);
    }

    private static async Task<JobOffer> OwnOfferAsync(Work w, Guid offerId, CancellationToken ct)
    {
        var establishmentId = w.Actor.RequireEstablishment();
        var offer = await w.Db.JobOffers.FirstOrDefaultAsync(o => o.Id == offerId, ct);
        return offer is not null && offer.EstablishmentId == establishmentId ? offer : throw new ScopeException("job offer");
    }

    private static async Task<(JobOffer Offer, Establishment Establishment)> OfficeOfferAsync(Work w, Guid offerId, CancellationToken ct)
    {
        var officeId = w.Actor.RequireOffice();
        var offer = await w.Db.JobOffers.FirstOrDefaultAsync(o => o.Id == offerId, ct) ?? throw new ScopeException("job offer");
        var est = await w.Db.Establishments.FirstAsync(e => e.Id == offer.EstablishmentId, ct);
        return est.OfficeId == officeId ? (offer, est) : throw new ScopeException("offer of another office");
    }
}

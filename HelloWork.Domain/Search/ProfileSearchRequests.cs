using HelloWork.Domain.Audit;
using HelloWork.Domain.Common;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Notices;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Search;

public sealed record SendRequestInput(string ProfileToken, Guid JobOfferId, string? Message);

/// <summary>A request the establishment sent, as the employer follows it: the profile only by its wishes, never by name.</summary>
public sealed record SentRequestView(Guid Id, string JobNumber, string Title, string DesiredOccupation, string DesiredPrefecture, string AgeBand,
    string Message, DirectRequestStatus Status, DateTimeOffset SentAt, DateTimeOffset? AnsweredAt);

/// <summary>
/// 直接リクエスト from the employer side (R-SRC-3, REFERENCE.md): an own offer that accepts online self-application (R-JOB-5) goes with a
/// message to a public profile found by <see cref="ProfileSearch"/>; at most <see cref="DirectRequest.MaxPerOffer"/> jobseekers per offer
/// and once per jobseeker per offer (the same person may hear about another offer: each offer is its own invitation to apply).
/// The jobseeker is told (R-NTC-1) and answers on their mypage by applying or declining (<see cref="DirectRequestService"/>).
/// </summary>
public sealed class DirectRequestSender(Operations ops, ProfileSearch profiles)
{
    public const int MaxMessage = 1000;

    public async Task<Guid> SendAsync(Actor actor, SendRequestInput input, CancellationToken ct = default)
    {
        var establishmentId = actor.RequireEstablishment();
        var scope = await profiles.ScopeAsync(establishmentId, ct);
        return await ops.RunAsync(actor, async w =>
        {
            var today = JapanTime.DateOf(w.Now);
            await ProfileSearch.RequireValidOfferAsync(w.Db, establishmentId, today, ct);
            var message = Text.Require(input.Message, nameof(input.Message), MaxMessage);
            var offer = await w.Db.JobOffers.FirstOrDefaultAsync(o => o.Id == input.JobOfferId && o.EstablishmentId == establishmentId, ct)
                ?? throw new DomainException(ErrorCodes.OfferNotFound, nameof(input.JobOfferId));
            if (!offer.AcceptsSelfApplication(w.Now))
            {
                // The answer to a request is a self-application, so the offer must take one (REFERENCE.md).
                throw new DomainException(ErrorCodes.RequestNeedsSelfApplication, nameof(input.JobOfferId));
            }
            var jobseekerId = scope.Resolve(input.ProfileToken) is { } id
                && await ProfileSearch.Searchable(w.Db, today).AnyAsync(j => j.Id == id, ct)
                ? id
                : throw new DomainException(ErrorCodes.ProfileNotFound);
            // The limits below are a count, then an insert: senders for the same offer take turns (two pages of the same
            // establishment must not both take the tenth place, nor both send to the same person).
            await w.LockAsync<JobOffer>(offer.Id, ct);
            if (await w.Db.DirectRequests.AnyAsync(r => r.JobOfferId == offer.Id && r.JobseekerId == jobseekerId, ct))
            {
                throw new DomainException(ErrorCodes.RequestAlreadySent, nameof(input.JobOfferId));
            }
            if (await w.Db.DirectRequests.CountAsync(r => r.JobOfferId == offer.Id, ct) >= DirectRequest.MaxPerOffer)
            {
                throw new DomainException(ErrorCodes.RequestLimitReached, nameof(input.JobOfferId), DirectRequest.MaxPerOffer);
            }
            var request = new DirectRequest(offer.Id, establishmentId, jobseekerId, message, w.Now);
            w.Db.DirectRequests.Add(request);
            var userIds = await w.Db.Users.Where(u => u.JobseekerId == jobseekerId).Select(u => u.Id).ToListAsync(ct);
            foreach (var userId in userIds)
            {
                await w.Notices.AddAsync(Recipients.User(userId), NoticeKind.DirectRequest, request.Id,
                    new Dictionary<string, string> { [NoticeArg.OfferTitle] = offer.Title, [NoticeArg.JobNumber] = offer.JobNumber ?? "" }, ct);
            }
            w.Audit(AuditActions.DirectRequestSent, nameof(DirectRequest), request.Id, jobseekerId, detail: offer.JobNumber);
            return request.Id;
        }, ct);
    }

    /// <summary>The establishment's sent requests, newest first, with their status (送信済み / 応募あり / 辞退).</summary>
    public Task<List<SentRequestView>> SentAsync(Actor actor, CancellationToken ct = default) => ops.ReadAsync(async db =>
    {
        var establishmentId = actor.RequireEstablishment();
        var today = JapanTime.Today(ops.Clock);
        var rows = await (from r in db.DirectRequests
                          join o in db.JobOffers on r.JobOfferId equals o.Id
                          join j in db.Jobseekers on r.JobseekerId equals j.Id
                          where r.EstablishmentId == establishmentId
                          orderby r.SentAt descending
                          select new { r, o.JobNumber, o.Title, j.Wishes, j.BirthDate }).Take(500).ToListAsync(ct);
        return rows.Select(x => new SentRequestView(x.r.Id, x.JobNumber ?? "", x.Title, x.Wishes.DesiredOccupation, x.Wishes.DesiredPrefecture,
            ProfileSearch.AgeBand(x.BirthDate, today), x.r.Message, x.r.Status, x.r.SentAt, x.r.AnsweredAt)).ToList();
    }, ct);
}

using HelloWork.Domain.Audit;
using HelloWork.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.JobOffers;

/// <summary>
/// Records the expiry of offers (R-JOB-3). An offer is invalid from the instant its validity ends whatever the row says
/// (<see cref="JobOffer.StatusAt"/>: computed on read); this writes it into the row — status 無効, reason expired, the
/// invalid date, a new <see cref="JobOffer.UpdatedAt"/> — so that the agencies' incremental feed (changed since …) carries
/// the offer's end, and audits each (R-AUD-1). Run by a sweeper at start-up and hourly. Batches of
/// <see cref="Batch"/> offers, one transaction each, so a long outage's backlog never holds one huge transaction.
/// </summary>
public sealed class OfferExpiry(Operations ops)
{
    public const int Batch = 500;

    /// <summary>Records every published offer whose validity has ended; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken ct = default)
    {
        var total = 0;
        while (true)
        {
            // The validity ends at the end of its last day in Japan time: every published offer whose last day is before today.
            var today = JapanTime.Today(ops.Clock);
            var ids = await ops.ReadAsync(db => db.JobOffers
                .Where(o => o.Status == OfferStatus.Published && o.ValidUntil < today)
                .OrderBy(o => o.Id).Select(o => o.Id).Take(Batch).ToListAsync(ct), ct);
            if (ids.Count == 0)
            {
                return total;
            }
            var expired = await ops.RunAsync(Actor.System, async w =>
            {
                var count = 0;
                foreach (var offer in await w.Db.JobOffers.Where(o => ids.Contains(o.Id)).ToListAsync(ct))
                {
                    if (offer.ExpireIfDue(w.Now))
                    {
                        w.Audit(AuditActions.OfferExpired, nameof(JobOffer), offer.Id, officeId: offer.AcceptingOfficeId, detail: offer.JobNumber);
                        count++;
                    }
                }
                return count;
            }, ct);
            total += expired;
            if (expired == 0)
            {
                return total; // another node recorded them first
            }
        }
    }
}

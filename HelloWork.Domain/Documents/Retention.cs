using System.Globalization;
using HelloWork.Domain.Applications;
using HelloWork.Domain.Audit;
using HelloWork.Domain.Common;
using HelloWork.Domain.JobOffers;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Documents;

/// <summary>What one retention sweep deleted: applications whose documents went, and how many documents.</summary>
public sealed record RetentionSweepResult(int Offers, int Applications, int Documents);

/// <summary>
/// The time trigger of R-DOC-1: application documents are deleted — rows and content — once the end of the month three months
/// after the offer became invalid has passed (Japan time, R-TIME-1). The deadline itself is the offer's one after-invalidation rule
/// (<see cref="JobOffer.AfterInvalidDeadline"/>, shared with result registration R-RES-3 and messaging R-MSG-1); every read of a
/// document asks <see cref="IsGone"/>, so a document past its deadline is never served even before a sweep has run.
/// The other two triggers (cancellation, result registration) delete in the same transaction as the state change
/// (<see cref="ApplicationService"/>).
/// </summary>
public sealed class DocumentRetention(Operations ops)
{
    /// <summary>The instant from which the documents of applications to <paramref name="offer"/> must be gone: 00:00 JST on the
    /// first day of the fourth month after the month the offer became invalid. Null while the offer is still valid.</summary>
    public static DateTimeOffset? DeadlineOf(JobOffer offer, DateTimeOffset now) => offer.AfterInvalidDeadline(now);

    /// <summary>The deadline for an offer that became invalid on the Japan date <paramref name="invalidDate"/>
    /// (invalid 2026-01-15 → gone from 2026-05-01 00:00 JST, i.e. after 2026-04-30 24:00 JST).</summary>
    public static DateTimeOffset DeadlineFor(DateOnly invalidDate) => JapanTime.EndOf(JapanTime.EndOfMonthAfter(invalidDate, 3));

    /// <summary>Whether the documents of applications to <paramref name="offer"/> are past their deadline at <paramref name="now"/>:
    /// such documents are never listed nor served, whether or not the sweep has deleted them yet (R-DOC-1).</summary>
    public static bool IsGone(JobOffer offer, DateTimeOffset now) => DeadlineOf(offer, now) is { } deadline && now >= deadline;

    /// <summary>
    /// Deletes every application document whose offer's deadline has passed at the clock's now, one transaction per offer, with an
    /// audit entry per application (counts only, never content; R-AUD-1). Safe to run on several nodes at once and again after a
    /// failure: a second run finds nothing left.
    /// </summary>
    public async Task<RetentionSweepResult> SweepAsync(CancellationToken ct = default)
    {
        var now = ops.Clock.GetUtcNow();
        var today = JapanTime.DateOf(now);
        // Candidates in the database: offers that still have documents and are invalid, by status or by validity. The exact rule
        // (month ends in Japan time) is applied to each candidate in memory; the candidates are few because documents of applications
        // with a result or a cancellation are already gone.
        var candidates = await ops.ReadAsync(db =>
        {
            var withDocuments = db.ApplicationDocuments.Join(db.Applications, d => d.ApplicationId, a => a.Id, (d, a) => a.JobOfferId).Distinct();
            return db.JobOffers.Where(o => withDocuments.Contains(o.Id)
                    && (o.Status == OfferStatus.Invalid || (o.Status == OfferStatus.Published && o.ValidUntil < today)))
                .ToListAsync(ct);
        }, ct);
        int offers = 0, applications = 0, documents = 0;
        foreach (var offer in candidates.Where(o => IsGone(o, now)))
        {
            var (apps, docs) = await ops.RunAsync(Actor.System, w => DeleteForOfferAsync(w, offer, ct), ct);
            if (docs > 0)
            {
                offers++;
                applications += apps;
                documents += docs;
            }
        }
        // SQLite: secure_delete zeroes the deleted content in the database pages, but the write-ahead log keeps the page images
        // written before a deletion until they are overwritten. A truncating checkpoint at every sweep clears them, so content deleted
        // at any trigger (cancel, result, deadline) is out of the WAL file within one sweep interval.
        await ops.ReadAsync(db => db.Database.IsSqlite() ? db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct) : Task.FromResult(0), ct);
        return new RetentionSweepResult(offers, applications, documents);
    }

    private static async Task<(int Applications, int Documents)> DeleteForOfferAsync(Work w, JobOffer offer, CancellationToken ct)
    {
        var ids = await w.Db.ApplicationDocuments.Join(w.Db.Applications, d => d.ApplicationId, a => a.Id, (d, a) => a)
            .Where(a => a.JobOfferId == offer.Id).Select(a => a.Id).Distinct().ToListAsync(ct);
        var apps = await w.Db.Applications.Where(a => ids.Contains(a.Id)).ToListAsync(ct);
        var total = 0;
        foreach (var application in apps)
        {
            var deleted = await w.Db.ApplicationDocuments.Where(d => d.ApplicationId == application.Id).ExecuteDeleteAsync(ct);
            if (deleted == 0)
            {
                continue;
            }
            total += deleted;
            application.MarkDocumentsDeleted(w.Now);
            var deadline = DeadlineOf(offer, w.Now)!.Value;
            w.Audit(AuditActions.DocumentsDeletedAfterDeadline, nameof(Application), application.Id, application.JobseekerId, offer.AcceptingOfficeId,
                string.Create(CultureInfo.InvariantCulture, $"{deleted}|{JapanTime.DateOf(deadline.AddTicks(-1)):yyyy-MM-dd}"));
        }
        return (apps.Count, total);
    }
}

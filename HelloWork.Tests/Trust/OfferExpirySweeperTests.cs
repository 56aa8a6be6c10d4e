using HelloWork.Domain.Agencies;
using HelloWork.Domain.Common;
using HelloWork.Domain.JobOffers;
using HelloWork.Web.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HelloWork.Tests.Trust;

/// <summary>
/// R-JOB-3: nothing recorded an offer's expiry, so expired offers stayed 公開 in the database and the agencies'
/// incremental feed never sent their end. The sweeper now records it at start-up and every hour of the injected clock, audits
/// it (R-AUD-1), and the feed of offers changed since a moment carries the offer as 無効.
/// </summary>
public sealed class OfferExpirySweeperTests : IDisposable
{
    private readonly SweepFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_hourly_sweep_records_an_offers_expiry_audits_it_and_the_incremental_feed_carries_its_end_R_JOB_3_R_AUD_1()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var portal = new SweepPortal<OfferExpirySweeper>(_folder, clock, OfferExpiryOptions.Section);
        _ = portal.Server; // start: the start-up sweep runs
        await portal.WaitForSweepsAsync(1);
        var now = clock.GetUtcNow();
        var today = JapanTime.DateOf(now);
        var offer = await portal.DbAsync(db => db.JobOffers
            .Where(o => o.Status == OfferStatus.Published && o.ValidUntil >= today && o.JobNumber != null)
            .OrderBy(o => o.ValidUntil).FirstAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await portal.DbAsync(db => db.JobOffers.CountAsync(o => o.Status == OfferStatus.Published && o.ValidUntil < today,
            TestContext.Current.CancellationToken))); // the start-up sweep left nothing expired unrecorded

        // One minute after the end of its last day (Japan time) it reads as invalid, though the row still says published …
        var expiredAt = JapanTime.EndOf(offer.ValidUntil!.Value);
        clock.Advance(expiredAt - now + TimeSpan.FromMinutes(1));
        Assert.Equal(OfferStatus.Invalid, offer.StatusAt(clock.GetUtcNow()));
        // … and the next hourly sweep records it.
        await portal.WaitForSweepsAsync(2);
        var stored = await portal.DbAsync(db => db.JobOffers.AsNoTracking().SingleAsync(o => o.Id == offer.Id, TestContext.Current.CancellationToken));
        Assert.Equal(OfferStatus.Invalid, stored.Status);
        Assert.Equal(InvalidReason.Expired, stored.InvalidReason);
        Assert.True(stored.UpdatedAt > now, "the recording is a change the feed can see");
        Assert.Contains("OfferExpired", await portal.DbAsync(db => db.AuditEntries.Where(a => a.SubjectId == offer.Id).Select(a => a.Action)
            .ToListAsync(TestContext.Current.CancellationToken)));

        // The agencies' feed of offers changed since before the expiry carries its end.
        var agency = await portal.DbAsync(db => db.Agencies.FirstAsync(a => a.Status == AgencyStatus.Approved, TestContext.Current.CancellationToken));
        var feed = await portal.Services.GetRequiredService<Provision>()
            .OffersAsync(agency, new OfferExportCriteria(UpdatedSince: now), TestContext.Current.CancellationToken)
            .ToListAsync(TestContext.Current.CancellationToken);
        var ended = Assert.Single(feed, o => o.Id == offer.Id);
        Assert.Equal("無効", ended.Status);

        // A second sweep finds nothing more to record for it (idempotent): one audit entry.
        await portal.Sweeper.SweepOnceAsync(TestContext.Current.CancellationToken);
        Assert.Single(await portal.DbAsync(db => db.AuditEntries.Where(a => a.SubjectId == offer.Id && a.Action == "OfferExpired")
            .ToListAsync(TestContext.Current.CancellationToken)));
    }
}

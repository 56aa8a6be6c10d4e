using HelloWork.Domain.Applications;
using HelloWork.Domain.JobOffers;
using HelloWork.Web.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace HelloWork.Tests.Trust;

/// <summary>
/// The retention sweeper in the running portal (R-DOC-1): it sweeps at start-up — catching up on deadlines that passed while the portal
/// was down — and then on its interval of the injected clock.
/// </summary>
[RunsLong]
public sealed class RetentionSweeperTests : IDisposable
{
    private readonly SweepFolder folder = new();

    public void Dispose() => folder.Dispose();

    private SweepPortal<RetentionSweeper> Portal(FakeTimeProvider clock) => new(folder, clock, RetentionOptions.Section);

    /// <summary>A demo application with documents; its offer is closed now, so the documents go at the end of the month 3 months later.</summary>
    private static async Task<(Guid ApplicationId, DateTimeOffset Deadline)> CloseOfferOfAnApplicationWithDocumentsAsync(SweepPortal<RetentionSweeper> portal)
    {
        return await portal.DbAsync(async db =>
        {
            var now = portal.Clock.GetUtcNow();
            var candidates = await db.ApplicationDocuments.Join(db.Applications, d => d.ApplicationId, a => a.Id, (d, a) => a)
                .Where(a => a.Status == ApplicationStatus.InSelection).Select(a => new { a.Id, a.JobOfferId }).Distinct().ToListAsync();
            var offers = await db.JobOffers.Where(o => candidates.Select(c => c.JobOfferId).Contains(o.Id)).ToListAsync();
            var offer = offers.First(o => o.IsOpen(now));
            var applicationId = candidates.First(c => c.JobOfferId == offer.Id).Id;
            offer.Close(InvalidReason.Filled, portal.Clock.GetUtcNow());
            await db.SaveChangesAsync();
            return (applicationId, HelloWork.Domain.Documents.DocumentRetention.DeadlineOf(offer, portal.Clock.GetUtcNow())!.Value);
        });
    }

    private static Task<int> DocumentsAsync(SweepPortal<RetentionSweeper> portal, Guid applicationId) =>
        portal.DbAsync(db => db.ApplicationDocuments.CountAsync(d => d.ApplicationId == applicationId));

    [Fact]
    public async Task A_portal_started_after_a_deadline_passed_while_it_was_down_deletes_those_documents_right_after_start()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        Guid applicationId;
        DateTimeOffset deadline;
        await using (var before = Portal(clock))
        {
            _ = before.Services; // starts the host: migrations, demo data, the start-up sweep
            await before.WaitForSweepsAsync(1);
            (applicationId, deadline) = await CloseOfferOfAnApplicationWithDocumentsAsync(before);
            Assert.True(await DocumentsAsync(before, applicationId) > 0);
        }

        // The portal is down across the deadline; it comes back a day after it.
        clock.SetUtcNow(deadline.AddDays(1));
        await using var after = Portal(clock);
        _ = after.Services;
        await after.WaitForSweepsAsync(1);

        Assert.Equal(0, await DocumentsAsync(after, applicationId));
        Assert.True(await after.DbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "DocumentsDeletedAfterDeadline" && a.SubjectId == applicationId)));
    }

    [Fact]
    public async Task A_running_portal_deletes_the_documents_at_the_first_sweep_after_the_deadline_and_not_before()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var portal = Portal(clock);
        _ = portal.Services;
        await portal.WaitForSweepsAsync(1);
        var (applicationId, deadline) = await CloseOfferOfAnApplicationWithDocumentsAsync(portal);

        // Hourly ticks up to just before the deadline keep the documents.
        var sweeps = portal.Sweeper.Sweeps;
        clock.SetUtcNow(deadline - TimeSpan.FromMinutes(30)); // fires the due tick
        await portal.WaitForSweepsAsync(sweeps + 1);
        Assert.True(await DocumentsAsync(portal, applicationId) > 0);

        // The next tick after the deadline deletes them.
        clock.SetUtcNow(deadline);
        await WaitUntilAsync(async () => await DocumentsAsync(portal, applicationId) == 0, clock);
        Assert.Equal(0, await DocumentsAsync(portal, applicationId));
    }

    /// <summary>Advances the fake clock by the sweep interval until the condition holds (bounded): each advance fires one tick.</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition, FakeTimeProvider clock)
    {
        for (var i = 0; i < 100 && !await condition(); i++)
        {
            clock.Advance(TimeSpan.FromHours(1));
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

}

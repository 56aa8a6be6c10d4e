using HelloWork.Domain.Applications;
using HelloWork.Domain.Data;
using HelloWork.Domain.JobOffers;
using HelloWork.Web.Retention;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HelloWork.Tests.Trust;

/// <summary>The real portal on a SQLite file of the test's choosing, with its clock under the test's control; two hosts on one file
/// stand for the portal before and after a downtime.</summary>
internal sealed class RetentionPortal(string folder, FakeTimeProvider clock) : WebApplicationFactory<Program>
{
    public FakeTimeProvider Clock => clock;

    public RetentionSweeper Sweeper => Services.GetRequiredService<RetentionSweeper>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseDemoSqlite(folder, fromTemplate: false); // its fake clock dates its own demo data
        builder.UseSetting("Retention:SweepInterval", "01:00:00");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
    }

    public async Task<T> DbAsync<T>(Func<HelloWorkDb, Task<T>> query)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<HelloWorkDb>>().CreateDbContextAsync();
        return await query(db);
    }

    /// <summary>Waits (bounded) until the sweeper has completed <paramref name="count"/> sweeps.</summary>
    public async Task WaitForSweepsAsync(int count)
    {
        for (var i = 0; i < 300 && Sweeper.Sweeps < count; i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        Assert.True(Sweeper.Sweeps >= count, $"the sweeper completed {Sweeper.Sweeps} of {count} sweeps");
    }
}

/// <summary>
/// The retention sweeper in the running portal (R-DOC-1): it sweeps at start-up — catching up on deadlines that passed while the portal
/// was down — and then on its interval of the injected clock.
/// </summary>
public sealed class RetentionSweeperTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "hellowork-retention-" + Guid.NewGuid().ToString("N"));

    public RetentionSweeperTests() => Directory.CreateDirectory(folder);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>A demo application with documents; its offer is closed now, so the documents go at the end of the month 3 months later.</summary>
    private static async Task<(Guid ApplicationId, DateTimeOffset Deadline)> CloseOfferOfAnApplicationWithDocumentsAsync(RetentionPortal portal)
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

    private static Task<int> DocumentsAsync(RetentionPortal portal, Guid applicationId) =>
        portal.DbAsync(db => db.ApplicationDocuments.CountAsync(d => d.ApplicationId == applicationId));

    [Fact]
    public async Task A_portal_started_after_a_deadline_passed_while_it_was_down_deletes_those_documents_right_after_start()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        Guid applicationId;
        DateTimeOffset deadline;
        await using (var before = new RetentionPortal(folder, clock))
        {
            _ = before.Services; // starts the host: migrations, demo data, the start-up sweep
            await before.WaitForSweepsAsync(1);
            (applicationId, deadline) = await CloseOfferOfAnApplicationWithDocumentsAsync(before);
            Assert.True(await DocumentsAsync(before, applicationId) > 0);
        }

        // The portal is down across the deadline; it comes back a day after it.
        clock.SetUtcNow(deadline.AddDays(1));
        await using var after = new RetentionPortal(folder, clock);
        _ = after.Services;
        await after.WaitForSweepsAsync(1);

        Assert.Equal(0, await DocumentsAsync(after, applicationId));
        Assert.True(await after.DbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "DocumentsDeletedAfterDeadline" && a.SubjectId == applicationId)));
    }

    [Fact]
    public async Task A_running_portal_deletes_the_documents_at_the_first_sweep_after_the_deadline_and_not_before()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var portal = new RetentionPortal(folder, clock);
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

using System.Diagnostics;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Bookings;
using HelloWork.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelloWork.Bench.Scenarios;

/// <summary>
/// <c>booking</c>: clients racing for scarce seats (R-EVT-1). Each round an office publishes an event with S seats and C
/// different jobseekers book it at the same moment through <see cref="EventBookings.BookAsync"/> — the real operation, one committed
/// transaction each, the seats taken by the conditional UPDATE. Reports bookings a second, the latency of a booking (won or refused),
/// and how many events ended with more confirmed bookings than seats or a counter that disagrees with the rows (must be 0).
/// </summary>
public static class BookingScenario
{
    public static async Task<int> RunAsync(Options options)
    {
        await GenerateCommand.EnsureDataAsync(options);
        var db = BenchDb.From(options);
        var clients = options.Int("clients", options.Quick ? 50 : 200);
        var seats = options.Int("seats", 10);
        var rounds = options.Int("rounds", options.Quick ? 5 : 20);
        await using var services = db.Services();
        var events = services.GetRequiredService<EventBookings>();
        var now = TimeProvider.System.GetUtcNow();

        Guid officeId;
        List<Guid> jobseekers;
        await using (var ctx = db.CreateContext())
        {
            officeId = await ctx.Offices.OrderBy(o => o.Code).Select(o => o.Id).FirstAsync();
            jobseekers = await ctx.Jobseekers.OrderBy(j => j.Id).Select(j => j.Id).Take(clients * rounds).ToListAsync();
        }
        if (jobseekers.Count < clients)
        {
            throw new InvalidOperationException($"Only {jobseekers.Count} jobseekers for {clients} clients; generate more data.");
        }
        var staff = new Actor(Guid.NewGuid(), Roles.Staff, "bench", OfficeId: officeId);
        var times = new List<double>();
        var (booked, refused, failed) = (0, 0, 0);
        var eventIds = new List<Guid>();
        var watch = new Stopwatch();
        for (var round = 0; round < rounds + 1; round++)
        {
            var eventId = await events.SaveAsync(staff, null, new OfficeEventInput(EventKind.InterviewFair, $"ベンチ面接会 {round + 1}", "",
                now.AddDays(7), now.AddDays(7).AddHours(3), "ハローワーク 面接会場", null, seats, now.AddDays(6)), []);
            var warmUp = round == 0; // JIT, pools, statement cache: not counted
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var racers = Enumerable.Range(0, clients).Select(i => Task.Run(async () =>
            {
                var actor = new Actor(Guid.NewGuid(), Roles.Jobseeker, "求職者", JobseekerId: jobseekers[(round * clients + i) % jobseekers.Count]);
                await start.Task;
                var one = Stopwatch.StartNew();
                int outcome;
                try
                {
                    await events.BookAsync(actor, eventId, waitIfFull: false);
                    outcome = 0;
                }
                catch (DomainException e) when (e.Code == ErrorCodes.EventFull)
                {
                    outcome = 1;
                }
#pragma warning disable CA1031 // every other outcome is counted as a failure and reported
                catch (Exception)
#pragma warning restore CA1031
                {
                    outcome = 2;
                }
                return (outcome, one.Elapsed.TotalMilliseconds);
            })).ToList();
            if (!warmUp)
            {
                watch.Start();
            }
            start.SetResult();
            var results = await Task.WhenAll(racers);
            watch.Stop();
            if (warmUp)
            {
                continue;
            }
            eventIds.Add(eventId);
            booked += results.Count(r => r.outcome == 0);
            refused += results.Count(r => r.outcome == 1);
            failed += results.Count(r => r.outcome == 2);
            times.AddRange(results.Select(r => r.Item2));
        }

        int overbooked;
        await using (var ctx = db.CreateContext())
        {
            var counts = await ctx.OfficeEvents.Where(e => eventIds.Contains(e.Id))
                .Select(e => new { e.Capacity, e.Booked, Rows = ctx.EventBookings.Count(b => b.EventId == e.Id && b.Status == BookingStatus.Confirmed) })
                .ToListAsync();
            overbooked = counts.Count(c => c.Rows > c.Capacity || c.Booked != c.Rows);
        }

        var report = new Report("booking");
        report.Row("rounds", "clients", "seats", "bookings", "refused (full)", "failed", "seconds", "bookings/s", "p50 ms", "p95 ms", "overbooked events");
        report.Row(rounds, clients, seats, booked, refused, failed, watch.Elapsed.TotalSeconds, booked / watch.Elapsed.TotalSeconds,
            Stats.Percentile(times, 50), Stats.Percentile(times, 95), overbooked);
        report.Figure("clients", clients);
        report.Figure("bookings_per_s", booked / watch.Elapsed.TotalSeconds);
        report.Figure("p95_ms", Stats.Percentile(times, 95));
        report.Figure("overbooked", overbooked);
        report.Figure("attempts_per_s", (booked + refused + failed) / watch.Elapsed.TotalSeconds);
        report.Figure("failed", failed);
        report.Figure("database", db.IsSqlite ? "sqlite" : "postgres");
        report.Print();
        return overbooked == 0 && failed == 0 && booked == rounds * Math.Min(seats, clients) ? 0 : 1;
    }
}

using System.Diagnostics;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using HelloWork.Domain.JobOffers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelloWork.Bench.Scenarios;

/// <summary>
/// <c>writes</c>: online self-applications (R-SELF-1) through <see cref="ApplicationService.ApplyAsync"/> — the real
/// <see cref="Operations"/> with the system clock: its own context, the rules, the outbox notice, the audit entry, one committed
/// transaction each — by many different jobseekers to different open offers. One client in a row, then several at once.
/// </summary>
public static class WritesScenario
{
    public static async Task<int> RunAsync(Options options)
    {
        await GenerateCommand.EnsureDataAsync(options);
        var db = BenchDb.From(options);
        var count = options.Int("count", options.Quick ? 600 : 5_000);
        var clients = options.Int("clients", 4);
        await using var services = db.Services();
        var apply = services.GetRequiredService<ApplicationService>();
        var now = TimeProvider.System.GetUtcNow();
        var today = JapanTime.DateOf(now);

        List<Guid> offers, jobseekers;
        await using (var ctx = db.CreateContext())
        {
            // Open offers that take self-applications; the largest establishment is left alone for the applicants scenario.
            var big = await ctx.Applications.GroupBy(a => a.EstablishmentId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            offers = await ctx.JobOffers.Where(o => o.Status == OfferStatus.Published && o.SelfApplication && o.ValidUntil >= today && o.EstablishmentId != big)
                .OrderBy(o => o.JobNumber).Select(o => o.Id).Take(2 * count).ToListAsync();
            jobseekers = await ctx.Jobseekers.OrderBy(j => j.Kana).ThenBy(j => j.Id).Select(j => j.Id).Take(2 * count).ToListAsync();
        }
        if (offers.Count < 2 * count || jobseekers.Count < 2 * count)
        {
            throw new InvalidOperationException($"Not enough open self-application offers ({offers.Count}) or jobseekers ({jobseekers.Count}) for {count} + {count} applications; generate more data or lower --count.");
        }
        var rnd = new Random(7);
        rnd.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(offers));
        var acknowledged = "御社の求人を拝見し、これまでの経験を活かせると考え応募いたしました。";

        async Task<(double Seconds, List<double> Times, int Refused)> Run(int from, int n, int parallel)
        {
            var times = new List<double>(n);
            var refused = 0;
            var next = from - 1;
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, parallel).Select(_ => Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < from + n)
                {
                    var actor = new Actor(Guid.NewGuid(), Roles.Jobseeker, "求職者", JobseekerId: jobseekers[i]);
                    var one = Stopwatch.StartNew();
                    try
                    {
                        await apply.ApplyAsync(actor, new ApplyInput(offers[i], acknowledged, [], SelfApplicationAcknowledged: true));
                    }
                    catch (DomainException)
                    {
                        Interlocked.Increment(ref refused);
                    }
                    lock (times)
                    {
                        times.Add(one.Elapsed.TotalMilliseconds);
                    }
                }
            })));
            return (watch.Elapsed.TotalSeconds, times, refused);
        }

        // Listening from the start: EF Core remembers for a while that nobody listened and would not tell the first applications.
        using var breakdown = options.Flag("breakdown") ? new StatementBreakdown() : null;
        await Run(0, Math.Min(50, count / 10), 1); // warm-up: JIT, pools, statement cache
        var warm = Math.Min(50, count / 10);
        if (breakdown is not null)
        {
            return await BreakdownAsync(breakdown, Run, warm, count - warm);
        }
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var serial = await Run(warm, count - warm, 1);
        cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var parallelRun = await Run(count, count, clients);

        var report = new Report("writes");
        report.Row("clients", "applications", "seconds", "applications/s", "p50 ms", "p95 ms", "refused");
        report.Row(1, count - warm, serial.Seconds, (count - warm) / serial.Seconds, Stats.Percentile(serial.Times, 50), Stats.Percentile(serial.Times, 95), serial.Refused);
        report.Row(clients, count, parallelRun.Seconds, count / parallelRun.Seconds, Stats.Percentile(parallelRun.Times, 50), Stats.Percentile(parallelRun.Times, 95), parallelRun.Refused);
        report.Figure("applications_per_s", (count - warm) / serial.Seconds);
        report.Figure($"applications_per_s_{clients}_clients", count / parallelRun.Seconds);
        report.Figure("p95_ms", Stats.Percentile(serial.Times, 95));
        report.Figure("cpu_us_per_application", cpu.TotalMicroseconds / (count - warm));
        report.Figure("refused", serial.Refused + parallelRun.Refused);
        report.Figure("database", db.IsSqlite ? "sqlite" : "postgres");
        report.Print();
        return 0;
    }

    /// <summary><c>--breakdown</c>: one client, the statements each application sends and what each costs (µs per application),
    /// and what is left of its wall time outside them.</summary>
    private static async Task<int> BreakdownAsync(StatementBreakdown breakdown, Func<int, int, int, Task<(double Seconds, List<double> Times, int Refused)>> run,
        int from, int n)
    {
        breakdown.Start();
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var measured = await run(from, n, 1);
        cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
        breakdown.Stop();
        var report = new Report("writes-breakdown");
        report.Row("statement", "per application", "µs each", "µs per application");
        var inStatements = 0.0;
        foreach (var (sql, (times, micros)) in breakdown.Statements.OrderByDescending(s => s.Value.Micros))
        {
            report.Row(sql, (double)times / n, micros / times, micros / n);
            inStatements += sql.StartsWith("Connection", StringComparison.Ordinal) ? 0 : micros / n;
        }
        var wall = measured.Times.Average() * 1000;
        report.Row("(wall time of one application)", 1, wall, wall);
        report.Row("(outside statements)", 1, wall - inStatements, wall - inStatements);
        // The process's CPU time, which a busy machine does not stretch as it stretches the wall time (one client: all of it is the
        // applications' and the runtime's).
        report.Row("(CPU time of one application)", 1, cpu.TotalMicroseconds / n, cpu.TotalMicroseconds / n);
        report.Figure("cpu_us_per_application", cpu.TotalMicroseconds / n);
        report.Figure("applications", n);
        report.Figure("statements_per_application", breakdown.Statements.Where(s => !s.Key.StartsWith("Connection", StringComparison.Ordinal)).Sum(s => s.Value.Count) / (double)n);
        report.Figure("us_per_application", wall);
        report.Figure("us_in_statements", inStatements);
        report.Figure("refused", measured.Refused);
        report.Print();
        return 0;
    }
}

using System.Diagnostics;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Common;
using HelloWork.Domain.Evaluation;
using HelloWork.Domain.Figures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelloWork.Bench.Scenarios;

/// <summary>
/// <c>evaluation</c>: the ハローワーク総合評価 of a finished fiscal year for every office of the national data set (R-EVAL-3,
/// <see cref="YearlyEvaluation.RunAsync"/>: every office's year, 11 groups, four levels, threshold), after each office's supervisor set yearly
/// targets (R-EVAL-1); then the public page data of one office (<see cref="Publication.OfficeAsync"/> + its CSV, R-EVAL-2) as an anonymous
/// visitor asks for it, for the office with the most referrals in the year: its p95 is the figure.
/// </summary>
public static class EvaluationScenario
{
    public static async Task<int> RunAsync(Options options)
    {
        await GenerateCommand.EnsureDataAsync(options);
        var db = BenchDb.From(options);
        if (db.IsSqlite)
        {
            // A data set generated before the evaluation tables existed gets them here.
            await using var migrate = db.CreateContext();
            await migrate.Database.MigrateAsync();
        }
        await using var services = db.Services(options.Flag("log-sql"));
        var yearly = services.GetRequiredService<YearlyEvaluation>();
        var publication = services.GetRequiredService<Publication>();
        var targets = services.GetRequiredService<EvaluationTargets>();

        int fiscalYear;
        List<(Guid Id, string Code, int Accepted)> offices;
        string busiest;
        await using (var ctx = db.CreateContext())
        {
            // The last fiscal year that has ended by the data's latest acceptance, unless --fiscal-year says otherwise.
            var latest = await ctx.JobOffers.Where(o => o.AcceptedAt != null).MaxAsync(o => o.AcceptedAt);
            fiscalYear = options.Int("fiscal-year", OfficeFigures.FiscalYearOf(JapanTime.DateOf(latest!.Value)) - 1);
            var start = JapanTime.StartOf(new DateOnly(fiscalYear, 4, 1));
            var end = JapanTime.StartOf(new DateOnly(fiscalYear + 1, 4, 1));
            var accepted = await ctx.JobOffers.Where(o => o.AcceptingOfficeId != null && o.AcceptedAt >= start && o.AcceptedAt < end)
                .GroupBy(o => o.AcceptingOfficeId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
            offices = [.. (await ctx.Offices.OrderBy(o => o.Code).Select(o => new { o.Id, o.Code }).ToListAsync()).Select(o => (o.Id, o.Code, accepted.GetValueOrDefault(o.Id)))];
            var busiestId = await ctx.Referrals.Where(r => r.SentAt >= start && r.SentAt < end).GroupBy(r => r.OfficeId)
                .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
            busiest = offices.First(o => o.Id == busiestId).Code;
        }

        // Yearly targets per office, set by each office's supervisor: a quarter to a third of the year's accepted offers.
        var watch = Stopwatch.StartNew();
        foreach (var (id, code, accepted) in offices)
        {
            var supervisor = new Actor(Guid.NewGuid(), Roles.Staff, "統括職業指導官 ベンチ", OfficeId: id, IsSupervisor: true);
            await targets.SetAsync(supervisor, new TargetInput(fiscalYear, Math.Max(1, accepted / 3), Math.Max(1, accepted / 4), Math.Max(1, accepted / 40), 30m,
                [Indicators.RegularPlacements], [PriorityItem.EstablishmentVisits]));
        }
        var targetsSeconds = watch.Elapsed.TotalSeconds;

        watch.Restart();
        var evaluated = await yearly.RunAsync(Actor.System, fiscalYear);
        var yearlySeconds = watch.Elapsed.TotalSeconds;
        var results = await yearly.ResultsAsync(fiscalYear);

        var runs = options.Int("runs", options.Quick ? 10 : 20);
        var page = await publication.OfficeAsync(busiest, fiscalYear) ?? throw new InvalidOperationException($"Office {busiest} not found.");
        var csv = Publication.Csv(page);
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            watch.Restart();
            page = (await publication.OfficeAsync(busiest, fiscalYear))!;
            csv = Publication.Csv(page);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        var mine = results.First(r => r.OfficeId == offices.First(o => o.Code == busiest).Id);

        var report = new Report("evaluation");
        report.Row("fiscal year", "offices", "groups", "needing a plan", "targets s", "yearly run s", "page office", "runs", "page p50 ms", "page p95 ms", "CSV KB");
        report.Row(fiscalYear, evaluated, results.Select(r => r.Group).Distinct().Count(), results.Count(r => r.NeedsPlan), targetsSeconds, yearlySeconds,
            $"{page.OfficeName} ({busiest}): group {mine.Group}, {OfficeEvaluation.LevelLabel(mine.Level)}, score {mine.Score}", runs,
            Stats.Percentile(times, 50), Stats.Percentile(times, 95), csv.Length / 1024.0);
        report.Figure("offices", evaluated);
        report.Figure("p95_ms", Stats.Percentile(times, 95));
        report.Figure("yearly_run_s", yearlySeconds);
        report.Print();
        return 0;
    }
}

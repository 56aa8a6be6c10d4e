using System.Diagnostics;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelloWork.Bench.Scenarios;

/// <summary>
/// <c>applicants</c>: the employer's applicant list (<see cref="ApplicantQueries"/>, R-APP-2) for the establishment with the most
/// applicants — 50,000 in generated data. Server time of one call (its own context from the factory, count + page), many runs.
/// The goal case is the first page sorted by date with a status filter; the other sorts and filters are printed beside it.
/// </summary>
public static class ApplicantsScenario
{
    public static async Task<int> RunAsync(Options options)
    {
        await GenerateCommand.EnsureDataAsync(options);
        var db = BenchDb.From(options);
        await using var services = db.Services(options.Flag("log-sql"));
        var list = services.GetRequiredService<ApplicantQueries>();
        Guid establishmentId;
        int applicants;
        await using (var ctx = db.CreateContext())
        {
            var top = await ctx.Applications.GroupBy(a => a.EstablishmentId)
                .Select(g => new { g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).FirstAsync();
            (establishmentId, applicants) = (top.Key, top.Count);
        }
        var employer = new Actor(Guid.NewGuid(), Roles.Employer, "採用担当 鈴木", EstablishmentId: establishmentId);
        var runs = options.Int("runs", options.Quick ? 100 : 500);
        var lastPage = applicants / 50 - 1;

        var cases = new (string Name, ApplicantQuery Query)[]
        {
            ("status=選考中, sort=applied desc, page 1 (goal)", new ApplicantQuery { Status = ApplicationStatus.InSelection }),
            ("no filter, sort=applied desc, page 1", new ApplicantQuery()),
            ("status=採用, sort=applied asc, page 1", new ApplicantQuery { Status = ApplicationStatus.Hired, Descending = false }),
            ("method=自主応募, last 30 days, page 1", new ApplicantQuery { Method = ApplicationMethod.SelfApplication,
                AppliedFrom = JapanTime.DateOf(DateTimeOffset.UtcNow).AddDays(-30), AppliedTo = JapanTime.DateOf(DateTimeOffset.UtcNow) }),
            ("sort=result date desc, page 1", new ApplicantQuery { Sort = ApplicantSort.ResultRegisteredAt }),
            ("sort=status, page 1", new ApplicantQuery { Sort = ApplicantSort.Status, Descending = false }),
            ("sort=name (kana), page 1", new ApplicantQuery { Sort = ApplicantSort.Name, Descending = false }),
            ($"no filter, sort=applied desc, page {lastPage + 1}", new ApplicantQuery { Page = lastPage }),
        };

        var report = new Report("applicants");
        report.Row("case", "rows", "total", "p50 ms", "p95 ms", "p99 ms", "max ms");
        double goalP95 = 0, goalP50 = 0;
        for (var c = 0; c < cases.Length; c++)
        {
            var (name, query) = cases[c];
            var caseRuns = c == 0 ? runs : Math.Max(20, runs / 5);
            ApplicantPage page = null!;
            for (var i = 0; i < 10; i++)
            {
                page = await list.QueryAsync(employer, establishmentId, query);
            }
            var times = new List<double>(caseRuns);
            for (var i = 0; i < caseRuns; i++)
            {
                var watch = Stopwatch.StartNew();
                page = await list.QueryAsync(employer, establishmentId, query);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            var (p50, p95) = (Stats.Percentile(times, 50), Stats.Percentile(times, 95));
            if (c == 0)
            {
                (goalP50, goalP95) = (p50, p95);
            }
            report.Row(name, page.Rows.Count, page.TotalCount, p50, p95, Stats.Percentile(times, 99), times.Max());
            Console.WriteLine($"  {name}: p95 {p95:N2} ms over {caseRuns} runs");
        }
        report.Row($"establishment applicants: {applicants:N0}; goal: p95 ≤ 50 ms for the first case; {runs} runs", "", "", "", "", "", "");
        report.Figure("applicants", applicants);
        report.Figure("p95_ms", goalP95);
        report.Figure("p50_ms", goalP50);
        report.Figure("runs", runs);
        report.Print();
        return 0;
    }
}

using System.Text.RegularExpressions;
using HelloWork.Testing;

namespace HelloWork.Bench.Scenarios;

/// <summary>
/// <c>startup</c>: the real portal process from process start to the first 200 from <c>/health</c>, in two forms: the Release
/// build (<c>dotnet build</c>'s output, IL only) and the portal as deployed (<c>scripts/publish.sh</c>: published for linux-x64,
/// ReadyToRun). Cold: an empty database, so the migrations run first, and outside Production the demo data too. Warm: the
/// database already exists. A production start on an empty database (migrations only, no demo data) is the deployed form's
/// third figure.
/// </summary>
public static partial class StartupScenario
{
    public static async Task<int> RunAsync(Options options)
    {
        var runs = options.Int("runs", options.Quick ? 2 : 5);
        var build = !options.Flag("no-build");
        if (!await ReleasePortal.BuildAsync(build) || !await ReleasePortal.PublishAsync(build))
        {
            return 1;
        }
        var built = await MeasureAsync("build", ReleasePortal.Dll, runs, "Staging");
        var published = await MeasureAsync("published", ReleasePortal.PublishedDll, runs, "Staging");
        var production = await MeasureAsync("published, Production", ReleasePortal.PublishedDll, runs, "Production", warm: false);

        var report = new Report("startup");
        report.Row("portal", "start", "runs", "median ms", "min ms", "max ms", "database ready ms", "of which migrations ms");
        void Row(string form, string start, List<Start> starts) => report.Row(form, start, starts.Count, Median(starts, s => s.Ms),
            starts.Min(s => s.Ms), starts.Max(s => s.Ms), Median(starts, s => s.DatabaseMs), Median(starts, s => s.MigrationsMs));
        Row("Release build (IL)", "cold (empty database: migrations + demo data)", built.Cold);
        Row("Release build (IL)", "warm (existing database)", built.Warm);
        Row("published (ReadyToRun)", "cold (empty database: migrations + demo data)", published.Cold);
        Row("published (ReadyToRun)", "warm (existing database)", published.Warm);
        Row("published (ReadyToRun)", "cold, Production (empty database: migrations only)", production.Cold);
        report.Figure("cold_start_ms", Median(built.Cold, s => s.Ms));
        report.Figure("warm_start_ms", Median(built.Warm, s => s.Ms));
        report.Figure("published_cold_start_ms", Median(published.Cold, s => s.Ms));
        report.Figure("published_warm_start_ms", Median(published.Warm, s => s.Ms));
        report.Figure("production_cold_start_ms", Median(production.Cold, s => s.Ms));
        report.Figure("runs", runs);
        report.Print();
        return 0;
    }

    private static double Median(List<Start> starts, Func<Start, double> figure) => Stats.Percentile(starts.Select(figure).ToList(), 50);

    /// <summary>One start: to the first 200 from /health, and the portal's own split of it (its "Database ready" log line).</summary>
    private sealed record Start(double Ms, double DatabaseMs, double MigrationsMs);

    private sealed record Starts(List<Start> Cold, List<Start> Warm);

    /// <summary>Cold starts (a new database each) and then, unless <paramref name="warm"/> is false, warm starts on the last one.</summary>
    private static async Task<Starts> MeasureAsync(string label, string dll, int runs, string environment, bool warm = true)
    {
        var dbPath = Path.Combine(RepoPaths.BenchOut, "startup.db");
        var result = new Starts([], []);
        for (var i = 0; i < runs; i++)
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(dbPath + suffix);
            }
            result.Cold.Add(await TimeStartAsync(dll, dbPath, environment));
            Console.WriteLine($"  {label}: cold run {i + 1}: {result.Cold[^1]}");
        }
        for (var i = 0; warm && i < runs; i++)
        {
            result.Warm.Add(await TimeStartAsync(dll, dbPath, environment));
            Console.WriteLine($"  {label}: warm run {i + 1}: {result.Warm[^1]}");
        }
        return result;
    }

    /// <summary>Starts the portal, polls /health every 10 ms, stops the process; the time to the first 200 and the split the portal
    /// logged (database ready, of which migrations; the rest is the host, Kestrel and the first request).</summary>
    private static async Task<Start> TimeStartAsync(string dll, string dbPath, string environment)
    {
        var log = Path.Combine(RepoPaths.BenchOut, "startup-logs", "console.log");
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);
        File.Delete(log);
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = environment,
            ["ConnectionStrings__HelloWork"] = $"Data Source={dbPath}",
            ["Logging__Folder"] = Path.Combine(RepoPaths.BenchOut, "startup-logs"),
        };
        double ms;
        await using (var portal = await PortalProcess.StartAsync(dll, settings, log, TimeSpan.FromMinutes(2), poll: TimeSpan.FromMilliseconds(10)))
        {
            ms = portal.StartupMs;
        }
        var ready = DatabaseReady().Match(File.ReadAllText(log));
        return ready.Success
            ? new Start(ms, double.Parse(ready.Groups[1].Value), double.Parse(ready.Groups[2].Value))
            : new Start(ms, double.NaN, double.NaN);
    }

    [GeneratedRegex(@"Database ready in (\d+) ms \(migrations (\d+) ms")]
    private static partial Regex DatabaseReady();
}

using HelloWork.Testing;

namespace HelloWork.Bench.Scenarios;

/// <summary>
/// <c>startup</c>: the real portal process from process start to the first 200 from <c>/health</c>, in two forms: the Release
/// build (<c>dotnet build</c>'s output, IL only) and the portal as deployed (<c>scripts/publish.sh</c>: published for linux-x64,
/// ReadyToRun). Cold: an empty database, so the migrations run first, and outside Production the demo data too. Warm: the
/// database already exists. A production start on an empty database (migrations only, no demo data) is the deployed form's
/// third figure.
/// </summary>
public static class StartupScenario
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
        report.Row("portal", "start", "runs", "median ms", "min ms", "max ms");
        report.Row("Release build (IL)", "cold (empty database: migrations + demo data)", runs, Stats.Percentile(built.Cold, 50), built.Cold.Min(), built.Cold.Max());
        report.Row("Release build (IL)", "warm (existing database)", runs, Stats.Percentile(built.Warm, 50), built.Warm.Min(), built.Warm.Max());
        report.Row("published (ReadyToRun)", "cold (empty database: migrations + demo data)", runs, Stats.Percentile(published.Cold, 50), published.Cold.Min(), published.Cold.Max());
        report.Row("published (ReadyToRun)", "warm (existing database)", runs, Stats.Percentile(published.Warm, 50), published.Warm.Min(), published.Warm.Max());
        report.Row("published (ReadyToRun)", "cold, Production (empty database: migrations only)", runs, Stats.Percentile(production.Cold, 50), production.Cold.Min(), production.Cold.Max());
        report.Figure("cold_start_ms", Stats.Percentile(built.Cold, 50));
        report.Figure("warm_start_ms", Stats.Percentile(built.Warm, 50));
        report.Figure("published_cold_start_ms", Stats.Percentile(published.Cold, 50));
        report.Figure("published_warm_start_ms", Stats.Percentile(published.Warm, 50));
        report.Figure("production_cold_start_ms", Stats.Percentile(production.Cold, 50));
        report.Figure("runs", runs);
        report.Print();
        return 0;
    }

    /// <summary>Cold starts (a new database each) and then, unless <paramref name="warm"/> is false, warm starts on the last one.</summary>
    private static async Task<(List<double> Cold, List<double> Warm)> MeasureAsync(string label, string dll, int runs, string environment, bool warm = true)
    {
        var dbPath = Path.Combine(RepoPaths.BenchOut, "startup.db");
        var cold = new List<double>();
        var warmTimes = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(dbPath + suffix);
            }
            cold.Add(await TimeStartAsync(dll, dbPath, environment));
            Console.WriteLine($"  {label}: cold run {i + 1}: {cold[^1]:N0} ms");
        }
        for (var i = 0; warm && i < runs; i++)
        {
            warmTimes.Add(await TimeStartAsync(dll, dbPath, environment));
            Console.WriteLine($"  {label}: warm run {i + 1}: {warmTimes[^1]:N0} ms");
        }
        return (cold, warmTimes);
    }

    /// <summary>Starts the portal, polls /health every 10 ms, returns the milliseconds to the first 200, stops the process.</summary>
    private static async Task<double> TimeStartAsync(string dll, string dbPath, string environment)
    {
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = environment,
            ["ConnectionStrings__HelloWork"] = $"Data Source={dbPath}",
            ["Logging__Folder"] = Path.Combine(RepoPaths.BenchOut, "startup-logs"),
        };
        await using var portal = await PortalProcess.StartAsync(dll, settings, logFile: null, TimeSpan.FromMinutes(2), poll: TimeSpan.FromMilliseconds(10));
        return portal.StartupMs;
    }
}

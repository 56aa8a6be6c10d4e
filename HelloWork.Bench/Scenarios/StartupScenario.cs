using HelloWork.Testing;

namespace HelloWork.Bench.Scenarios;

/// <summary>
/// <c>startup</c>: the real portal process (<c>dotnet HelloWork.Web.dll</c>, Release) from process start to the first 200 from
/// <c>/health</c>. Cold: an empty database, so migrations and the demo data run first. Warm: the database already exists.
/// </summary>
public static class StartupScenario
{
    public static async Task<int> RunAsync(Options options)
    {
        var runs = options.Int("runs", options.Quick ? 2 : 5);
        if (!await ReleasePortal.BuildAsync(!options.Flag("no-build")))
        {
            return 1;
        }
        var dbPath = Path.Combine(RepoPaths.BenchOut, "startup.db");
        var cold = new List<double>();
        var warm = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(dbPath + suffix);
            }
            cold.Add(await TimeStartAsync(dbPath));
            Console.WriteLine($"  cold run {i + 1}: {cold[^1]:N0} ms");
        }
        for (var i = 0; i < runs; i++)
        {
            warm.Add(await TimeStartAsync(dbPath));
            Console.WriteLine($"  warm run {i + 1}: {warm[^1]:N0} ms");
        }
        var report = new Report("startup");
        report.Row("start", "runs", "median ms", "min ms", "max ms");
        report.Row("cold (empty database: migrations + demo data)", runs, Stats.Percentile(cold, 50), cold.Min(), cold.Max());
        report.Row("warm (existing database)", runs, Stats.Percentile(warm, 50), warm.Min(), warm.Max());
        report.Figure("cold_start_ms", Stats.Percentile(cold, 50));
        report.Figure("warm_start_ms", Stats.Percentile(warm, 50));
        report.Figure("runs", runs);
        report.Print();
        return 0;
    }

    /// <summary>Starts the portal, polls /health every 10 ms, returns the milliseconds to the first 200, stops the process.</summary>
    private static async Task<double> TimeStartAsync(string dbPath)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Staging",
            ["ConnectionStrings__HelloWork"] = $"Data Source={dbPath}",
            ["Logging__Folder"] = Path.Combine(RepoPaths.BenchOut, "startup-logs"),
        };
        await using var portal = await ReleasePortal.StartAsync(environment, logFile: null, TimeSpan.FromMinutes(2), poll: TimeSpan.FromMilliseconds(10));
        return portal.StartupMs;
    }
}

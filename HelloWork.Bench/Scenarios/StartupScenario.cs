using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

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
        var webDir = Path.Combine(RepoPaths.Root, "HelloWork.Web");
        var dll = Path.Combine(webDir, "bin", "Release", "net10.0", "HelloWork.Web.dll");
        if (!options.Flag("no-build"))
        {
            Console.WriteLine("Building HelloWork.Web (Release) ...");
            using var build = Process.Start(new ProcessStartInfo("dotnet", ["build", "-c", "Release", "--nologo", "-v", "q", Path.Combine(webDir, "HelloWork.Web.csproj")])
            {
                RedirectStandardOutput = true,
            })!;
            var output = await build.StandardOutput.ReadToEndAsync();
            await build.WaitForExitAsync();
            if (build.ExitCode != 0)
            {
                Console.Error.WriteLine(output);
                return 1;
            }
        }
        if (!File.Exists(dll))
        {
            Console.Error.WriteLine($"{dll} is missing: build HelloWork.Web in Release first.");
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
            cold.Add(await TimeStartAsync(dll, dbPath));
            Console.WriteLine($"  cold run {i + 1}: {cold[^1]:N0} ms");
        }
        for (var i = 0; i < runs; i++)
        {
            warm.Add(await TimeStartAsync(dll, dbPath));
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
    private static async Task<double> TimeStartAsync(string dll, string dbPath)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Staging";
        info.Environment["ConnectionStrings__HelloWork"] = $"Data Source={dbPath}";
        info.Environment["Logging__Folder"] = Path.Combine(RepoPaths.BenchOut, "startup-logs");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (watch.Elapsed < TimeSpan.FromMinutes(2))
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The portal exited with code {process.ExitCode} before answering /health.");
                }
                try
                {
                    using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health"));
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return watch.Elapsed.TotalMilliseconds;
                    }
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException)
                {
                }
                await Task.Delay(10);
            }
            throw new TimeoutException("The portal did not answer /health within 2 minutes.");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
            await process.WaitForExitAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

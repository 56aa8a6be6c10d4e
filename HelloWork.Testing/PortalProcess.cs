using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace HelloWork.Testing;

/// <summary>
/// The real portal as its own process: <c>dotnet HelloWork.Web.dll</c> on a loopback port of its own, with the settings given as
/// environment variables (as a deployment gives them); its console output goes to a log file (appended) or nowhere. The one way
/// the benchmark scenarios, the fault run and the tests start and end it: the benchmark starts its Release build
/// (<c>HelloWork.Bench/ReleasePortal.cs</c>), the tests the build of their own configuration (<see cref="TestBuildDll"/>).
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter? _log;
    private bool _disposed;

    private PortalProcess(Process process, int port, StreamWriter? log)
    {
        _process = process;
        Port = port;
        _log = log;
    }

    public int Port { get; }

    public int Pid => _process.Id;

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>Milliseconds from the process start to the first 200 from <c>/health</c>.</summary>
    public double StartupMs { get; private set; }

    /// <summary>
    /// Starts <paramref name="dll"/> (in <paramref name="workingDirectory"/>, else the dll's folder) and waits for the first 200
    /// from <c>/health</c>, asking every <paramref name="poll"/> (50 ms unless given).
    /// </summary>
    public static async Task<PortalProcess> StartAsync(string dll, IReadOnlyDictionary<string, string> environment, string? logFile,
        TimeSpan timeout, string? workingDirectory = null, TimeSpan? poll = null, CancellationToken ct = default)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        StreamWriter? log = null;
        if (logFile is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logFile))!);
            log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        }
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var portal = new PortalProcess(process, port, log);
        var health = new Uri(portal.BaseAddress, "health");
        try
        {
            while (watch.Elapsed < timeout)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The portal exited with code {process.ExitCode} before answering /health; see {logFile}.");
                }
                try
                {
                    using var response = await http.GetAsync(health, ct);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        portal.StartupMs = watch.Elapsed.TotalMilliseconds;
                        return portal;
                    }
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException) when (!ct.IsCancellationRequested)
                {
                }
                await Task.Delay(poll ?? TimeSpan.FromMilliseconds(50), ct);
            }
            throw new TimeoutException($"The portal did not answer /health within {timeout.TotalSeconds:N0} s; see {logFile}.");
        }
        catch
        {
            await portal.DisposeAsync();
            throw;
        }
    }

    /// <summary>Ends the process at once (SIGKILL on Unix), as a crash or a redeploy would: no shutdown code runs, open
    /// transactions and connections die with it, its memory is gone.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        await StopAsync();
        _process.Dispose();
        if (_log is not null)
        {
            lock (_log)
            {
                _log.Dispose();
            }
        }
    }

    private static void Write(StreamWriter? log, string? line)
    {
        if (line is null || log is null)
        {
            return;
        }
        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    /// <summary><c>HelloWork.Web/bin/{Debug|Release}/net10.0/HelloWork.Web.dll</c>, the configuration the calling tests were built in
    /// (the tests' build builds it).</summary>
    public static string TestBuildDll { get; } = Path.Combine(SolutionRoot(), "HelloWork.Web", "bin",
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug",
        "net10.0", "HelloWork.Web.dll");

    /// <summary>Starts the tests' build in Development with these settings (configuration keys, e.g. <c>ConnectionStrings:HelloWork</c>)
    /// and waits up to 120 s for /health: a real server restart, a second node, the fault run.</summary>
    public static Task<PortalProcess> StartAsync(IReadOnlyDictionary<string, string?> settings, string logFile)
    {
        if (!File.Exists(TestBuildDll))
        {
            throw new FileNotFoundException("Build HelloWork.Web first (the tests' build does).", TestBuildDll);
        }
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",
        };
        foreach (var (key, value) in settings)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value!;
        }
        return StartAsync(TestBuildDll, environment, logFile, TimeSpan.FromSeconds(120),
            workingDirectory: Path.Combine(SolutionRoot(), "HelloWork.Web"), poll: TimeSpan.FromMilliseconds(200));
    }

    /// <summary>The folder of <c>HelloWork.Blazor.sln</c> above the running program.</summary>
    public static string SolutionRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HelloWork.Blazor.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new DirectoryNotFoundException("HelloWork.Blazor.sln not found above " + AppContext.BaseDirectory);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

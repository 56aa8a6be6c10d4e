using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace HelloWork.Bench.Scenarios;

/// <summary>
/// The real portal as its own process: <c>dotnet HelloWork.Web.dll</c> from the Release build, on a loopback port of its own, with
/// the settings given as environment variables (as a deployment gives them). Its console output goes to a log file.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private PortalProcess(Process process, int port, StreamWriter log)
    {
        _process = process;
        Port = port;
        _log = log;
    }

    public int Port { get; }

    public int Pid => _process.Id;

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public static string Dll => Path.Combine(RepoPaths.Root, "HelloWork.Web", "bin", "Release", "net10.0", "HelloWork.Web.dll");

    /// <summary><c>dotnet build -c Release HelloWork.Web</c>; false (with the output printed) when it fails.</summary>
    public static async Task<bool> BuildAsync()
    {
        Console.WriteLine("Building HelloWork.Web (Release) ...");
        using var build = Process.Start(new ProcessStartInfo("dotnet",
            ["build", "-c", "Release", "--nologo", "-v", "q", Path.Combine(RepoPaths.Root, "HelloWork.Web", "HelloWork.Web.csproj")])
        {
            RedirectStandardOutput = true,
        })!;
        var output = await build.StandardOutput.ReadToEndAsync();
        await build.WaitForExitAsync();
        if (build.ExitCode != 0)
        {
            Console.Error.WriteLine(output);
            return false;
        }
        return true;
    }

    /// <summary>Starts the process and waits for the first 200 from <c>/health</c>.</summary>
    public static async Task<PortalProcess> StartAsync(IReadOnlyDictionary<string, string> environment, string logFile, TimeSpan timeout)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet", [Dll])
        {
            WorkingDirectory = Path.GetDirectoryName(Dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        var log = new StreamWriter(logFile) { AutoFlush = true };
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var portal = new PortalProcess(process, port, log);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                await portal.DisposeAsync();
                throw new InvalidOperationException($"The portal exited with code {process.ExitCode} before answering /health; see {logFile}.");
            }
            try
            {
                using var response = await http.GetAsync(new Uri(portal.BaseAddress, "/health"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return portal;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(50);
        }
        await portal.DisposeAsync();
        throw new TimeoutException($"The portal did not answer /health within {timeout.TotalSeconds:N0} s; see {logFile}.");
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (log)
        {
            log.WriteLine(line);
        }
    }

    private bool _disposed;

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Diagnostics;
using HelloWork.Testing;

namespace HelloWork.Bench;

/// <summary>The benchmark's portal: the Release build, built on demand, started through the shared <see cref="PortalProcess"/>.</summary>
public static class ReleasePortal
{
    public static string Dll => Path.Combine(RepoPaths.Root, "HelloWork.Web", "bin", "Release", "net10.0", "HelloWork.Web.dll");

    /// <summary>Builds the portal in Release unless <paramref name="build"/> is false (<c>--no-build</c>), then checks the dll is
    /// there; false (with the reason printed) when the build fails or the dll is missing.</summary>
    public static async Task<bool> BuildAsync(bool build = true)
    {
        if (build)
        {
            Console.WriteLine("Building HelloWork.Web (Release) ...");
            using var process = Process.Start(new ProcessStartInfo("dotnet",
                ["build", "-c", "Release", "--nologo", "-v", "q", Path.Combine(RepoPaths.Root, "HelloWork.Web", "HelloWork.Web.csproj")])
            {
                RedirectStandardOutput = true,
            })!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                Console.Error.WriteLine(output);
                return false;
            }
        }
        if (!File.Exists(Dll))
        {
            Console.Error.WriteLine($"{Dll} is missing: build HelloWork.Web in Release first.");
            return false;
        }
        return true;
    }

    /// <summary>The portal as deployed: <c>scripts/publish.sh</c>'s output (Release, linux-x64, ReadyToRun) in <c>bench-out/publish</c>.</summary>
    public static string PublishedDll => Path.Combine(RepoPaths.BenchOut, "publish", "HelloWork.Web.dll");

    /// <summary>Publishes the portal as deployed unless <paramref name="publish"/> is false (<c>--no-build</c>), then checks the dll
    /// is there; false (with the reason printed) when the publish fails or the dll is missing.</summary>
    public static async Task<bool> PublishAsync(bool publish = true)
    {
        if (publish)
        {
            Console.WriteLine("Publishing HelloWork.Web (Release, ReadyToRun) ...");
            using var process = Process.Start(new ProcessStartInfo("bash",
                [Path.Combine(RepoPaths.Root, "scripts", "publish.sh"), Path.GetDirectoryName(PublishedDll)!])
            {
                RedirectStandardOutput = true,
            })!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                Console.Error.WriteLine(output);
                return false;
            }
        }
        if (!File.Exists(PublishedDll))
        {
            Console.Error.WriteLine($"{PublishedDll} is missing: run scripts/publish.sh {Path.GetDirectoryName(PublishedDll)} first.");
            return false;
        }
        return true;
    }

    /// <summary>The Release build with these settings (environment variables), waiting for /health up to <paramref name="timeout"/>.</summary>
    public static Task<PortalProcess> StartAsync(IReadOnlyDictionary<string, string> environment, string? logFile, TimeSpan timeout,
        TimeSpan? poll = null) =>
        PortalProcess.StartAsync(Dll, environment, logFile, timeout, poll: poll);
}

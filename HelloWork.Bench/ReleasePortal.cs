using System.Diagnostics;
using HelloWork.Testing;

namespace HelloWork.Bench;

/// <summary>The benchmark's portal: the Release build, built on demand, started through the shared <see cref="PortalProcess"/>.</summary>
public static class ReleasePortal
{
    public static string Dll => Path.Combine(RepoPaths.Root, "HelloWork.Web", "bin", "Release", "net10.0", "HelloWork.Web.dll");

    /// <summary>Builds the portal in Release unless <paramref name="build"/> is false (<c>--no-build</c>), then checks the dll is
    /// there; false (with the reason printed) when the build fails or the dll is missing.</summary>
    public static Task<bool> BuildAsync(bool build = true) => MakeAsync(build, "Building HelloWork.Web (Release) ...", Dll,
        "build HelloWork.Web in Release first", "dotnet",
        ["build", "-c", "Release", "--nologo", "-v", "q", Path.Combine(RepoPaths.Root, "HelloWork.Web", "HelloWork.Web.csproj")]);

    /// <summary>The portal as deployed: <c>scripts/publish.sh</c>'s output (Release, linux-x64, ReadyToRun) in <c>bench-out/publish</c>.</summary>
    public static string PublishedDll => Path.Combine(RepoPaths.BenchOut, "publish", "HelloWork.Web.dll");

    /// <summary>Publishes the portal as deployed unless <paramref name="publish"/> is false (<c>--no-build</c>), then checks the dll
    /// is there; false (with the reason printed) when the publish fails or the dll is missing.</summary>
    public static Task<bool> PublishAsync(bool publish = true) => MakeAsync(publish, "Publishing HelloWork.Web (Release, ReadyToRun) ...",
        PublishedDll, $"run scripts/publish.sh {Path.GetDirectoryName(PublishedDll)} first", "bash",
        [Path.Combine(RepoPaths.Root, "scripts", "publish.sh"), Path.GetDirectoryName(PublishedDll)!]);

    /// <summary>Runs <paramref name="command"/> when <paramref name="make"/> is true, then checks <paramref name="dll"/> is there.</summary>
    private static async Task<bool> MakeAsync(bool make, string saying, string dll, string remedy, string command, string[] arguments)
    {
        if (make)
        {
            Console.WriteLine(saying);
            using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardOutput = true })!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                Console.Error.WriteLine(output);
                return false;
            }
        }
        if (!File.Exists(dll))
        {
            Console.Error.WriteLine($"{dll} is missing: {remedy}.");
            return false;
        }
        return true;
    }

    /// <summary>The Release build with these settings (environment variables), waiting for /health up to <paramref name="timeout"/>.</summary>
    public static Task<PortalProcess> StartAsync(IReadOnlyDictionary<string, string> environment, string? logFile, TimeSpan timeout,
        TimeSpan? poll = null) =>
        PortalProcess.StartAsync(Dll, environment, logFile, timeout, poll: poll);
}

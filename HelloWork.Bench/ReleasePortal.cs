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

    /// <summary>The Release build with these settings (environment variables), waiting for /health up to <paramref name="timeout"/>.</summary>
    public static Task<PortalProcess> StartAsync(IReadOnlyDictionary<string, string> environment, string? logFile, TimeSpan timeout,
        TimeSpan? poll = null) =>
        PortalProcess.StartAsync(Dll, environment, logFile, timeout, poll: poll);
}

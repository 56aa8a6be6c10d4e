namespace HelloWork.Bench;

/// <summary>
/// The tests' portal process (the shared part, <c>HelloWork.Bench/PortalProcess.cs</c>, is linked in): the build of the tests'
/// own configuration, in Development, for a real server restart, a second node and the fault run.
/// </summary>
public sealed partial class PortalProcess
{
    /// <summary><c>HelloWork.Web/bin/{Debug|Release}/net10.0/HelloWork.Web.dll</c>, the configuration the tests were built in
    /// (the tests' build builds it).</summary>
    public static string TestBuildDll { get; } = Path.Combine(SolutionRoot(), "HelloWork.Web", "bin",
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug",
        "net10.0", "HelloWork.Web.dll");

    /// <summary>Starts the tests' build with these settings (configuration keys, e.g. <c>ConnectionStrings:HelloWork</c>) and waits
    /// up to 120 s for /health.</summary>
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

    internal static string SolutionRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HelloWork.Blazor.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new DirectoryNotFoundException("HelloWork.Blazor.sln not found above " + AppContext.BaseDirectory);
    }
}

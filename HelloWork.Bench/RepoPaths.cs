namespace HelloWork.Bench;

/// <summary>Where the repository and the benchmark's output folder are, whatever the working directory.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary><c>bench-out/</c> at the repository root (git-ignored).</summary>
    public static string BenchOut
    {
        get
        {
            var path = Path.Combine(Root, "bench-out");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    private static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "HelloWork.Blazor.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        return Directory.GetCurrentDirectory();
    }
}

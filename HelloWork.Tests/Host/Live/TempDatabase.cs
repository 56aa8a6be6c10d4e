using HelloWork.Tests.Browser;

namespace HelloWork.Tests.Host.Live;

/// <summary>A SQLite file of its own under the temp folder with the demo data (a copy of the run's template,
/// <see cref="DatabaseTemplates"/>), removed with its WAL files afterwards.</summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Folder = Directory.CreateTempSubdirectory("hellowork-live-").FullName;
        Path = System.IO.Path.Combine(Folder, "hellowork.db");
        DatabaseTemplates.CopyDemo(Path);
    }

    public string Folder { get; }
    public string Path { get; }

    /// <summary>Settings for a node on this file: demo data on, logs beside the file.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Database:Provider"] = "Sqlite",
        ["ConnectionStrings:HelloWork"] = $"Data Source={Path}",
        ["DemoData:Enabled"] = "true",
        ["Logging:Folder"] = System.IO.Path.Combine(Folder, "logs"),
    };

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

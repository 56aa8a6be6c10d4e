using HelloWork.Domain.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Tests;

/// <summary>
/// SQLite files made once per test run and copied for every test that needs one: a migrated empty database (the domain worlds)
/// and a database with the demo data made by the portal's own first start (the portal hosts). Migrating costs about a second and
/// seeding the demo data several; a copy costs milliseconds, and it is byte for byte what the migrations and the seeder would
/// have written. Hosts whose clock is fake seed their own (their demo data must be dated by their clock).
/// </summary>
public static class DatabaseTemplates
{
    private static readonly string Folder = Directory.CreateTempSubdirectory("hellowork-templates-").FullName;
    private static readonly Lazy<Task<string>> Migrated = new(CreateMigratedAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> Demo = new(CreateDemo, LazyThreadSafetyMode.ExecutionAndPublication);

    static DatabaseTemplates() => AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(Folder);

    /// <summary>Writes a migrated, empty SQLite database at <paramref name="path"/>.</summary>
    public static async Task CopyMigratedAsync(string path) => File.Copy(await Migrated.Value, path, overwrite: true);

    /// <summary>Writes a migrated SQLite database with the demo data at <paramref name="path"/>.</summary>
    public static void CopyDemo(string path) => File.Copy(Demo.Value, path, overwrite: true);

    private static async Task<string> CreateMigratedAsync()
    {
        var path = Path.Combine(Folder, "migrated.db");
        var options = new DbContextOptionsBuilder<HelloWorkDb>().UseSqlite($"Data Source={path};Pooling=False").Options;
        await using (var db = new HelloWorkDb(options))
        {
            await db.Database.MigrateAsync();
        }
        return path;
    }

    private static string CreateDemo()
    {
        var folder = Path.Combine(Folder, "demo");
        Directory.CreateDirectory(folder);
        using (var host = new DemoTemplateHost(folder))
        {
            host.Start();
        }
        var path = Path.Combine(folder, "portal.db");
        // Every connection is closed: fold the write-ahead log into the file, so that the copy is the whole database.
        SqliteConnection.ClearAllPools();
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            checkpoint.ExecuteNonQuery();
        }
        return path;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    /// <summary>The portal started once on the template's folder: migrations and demo data exactly as on a first start.</summary>
    private sealed class DemoTemplateHost(string folder) : KestrelPortal
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseDemoSqlite(folder, fromTemplate: false);
        }
    }
}

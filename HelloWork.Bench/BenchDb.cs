using HelloWork.Domain;
using HelloWork.Domain.Common;
using HelloWork.Domain.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HelloWork.Bench;

/// <summary>The benchmark's database: a SQLite file (default) or PostgreSQL (<c>--pg</c>), and the domain services over it.</summary>
public sealed class BenchDb(DatabaseSettings settings)
{
    public DatabaseSettings Settings { get; } = settings;

    public bool IsSqlite => Settings.IsSqlite;

    public string Describe => IsSqlite ? new SqliteConnectionStringBuilder(Settings.ConnectionString).DataSource : "PostgreSQL";

    public static BenchDb From(Options options) => options.Postgres is { } pg
        ? new BenchDb(new DatabaseSettings("Postgres", pg))
        : new BenchDb(new DatabaseSettings("Sqlite", new SqliteConnectionStringBuilder { DataSource = options.DbPath, Pooling = true }.ToString()));

    public HelloWorkDb CreateContext()
    {
        var builder = new DbContextOptionsBuilder<HelloWorkDb>();
        Settings.Configure(builder);
        return new HelloWorkDb(builder.Options);
    }

    /// <summary>The domain's own registrations (context factory, system clock, live bus, operations) over this database.</summary>
    /// <param name="logSql">Print every SQL command EF runs and its database time (<c>--log-sql</c>).</param>
    public ServiceProvider Services(bool logSql = false)
    {
        var services = new ServiceCollection();
        if (logSql)
        {
            services.AddLogging(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning)
                .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information));
        }
        return services.AddHelloWorkDomain(Settings).BuildServiceProvider();
    }

    public bool Exists()
    {
        if (IsSqlite && !File.Exists(Describe))
        {
            return false;
        }
        using var db = CreateContext();
        try
        {
            return db.Database.CanConnect() && db.Offices.Any();
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException or System.Data.Common.DbException)
        {
            return false;
        }
    }

    /// <summary>Deletes the old database and creates a fresh one. SQLite gets the real migrations; PostgreSQL has none yet in
    /// this repository, so its schema is created from the same model.</summary>
    public async Task RecreateAsync()
    {
        if (IsSqlite)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            {
                File.Delete(Describe + suffix);
            }
            Directory.CreateDirectory(Path.GetDirectoryName(Describe)!);
            await using var db = CreateContext();
            await db.Database.MigrateAsync();
        }
        else
        {
            await using var db = CreateContext();
            await db.Database.EnsureDeletedAsync();
            await db.Database.EnsureCreatedAsync();
        }
    }
}

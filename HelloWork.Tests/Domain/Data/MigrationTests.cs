using HelloWork.Domain;
using HelloWork.Domain.Common;
using HelloWork.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Tests.Domain.Data;

/// <summary>
/// Each provider's migrations start from one initial migration, and the model has no change that no migration carries:
/// a model change without its migration would build and pass every SQLite test but fail on the first PostgreSQL start.
/// Neither check needs a server (the model diff is computed from the migrations' snapshot).
/// </summary>
public sealed class MigrationTests
{
    public static TheoryData<string, string> Providers => new()
    {
        { "Sqlite", "Data Source=:memory:" },
        { "Postgres", "Host=localhost;Database=unused;Username=unused;Password=unused" },
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public void Model_has_no_change_without_a_migration(string provider, string connectionString)
    {
        using var db = Create(provider, connectionString);

        Assert.False(db.Database.HasPendingModelChanges(), $"{provider}: run scripts/add-migration.sh for the model change");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Migrations_start_from_one_initial_migration(string provider, string connectionString)
    {
        using var db = Create(provider, connectionString);

        var migrations = db.Database.GetMigrations().ToList();

        Assert.NotEmpty(migrations);
        Assert.EndsWith("_Initial", migrations[0], StringComparison.Ordinal);
        Assert.Single(migrations, m => m.EndsWith("_Initial", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sqlite_initial_migration_builds_the_search_index_and_the_append_only_audit_log()
    {
        var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var options = new DbContextOptionsBuilder<HelloWorkDb>().UseSqlite(connection).Options;
        await using var db = new HelloWorkDb(options);

        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);

        var names = await db.Database.SqlQueryRaw<string>(
            "SELECT name AS \"Value\" FROM sqlite_master WHERE type IN ('table', 'trigger', 'index')").ToListAsync(TestContext.Current.CancellationToken);
        Assert.Contains("JobOfferWords", names);
        Assert.Contains("JobOfferWords_Update", names);
        Assert.Contains("IX_JobOffers_SearchNumber", names);
        Assert.Contains("AuditEntries_NoDelete", names);
        await connection.CloseAsync();
    }

    private static HelloWorkDb Create(string provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<HelloWorkDb>();
        new DatabaseSettings(provider, connectionString).Configure(options, compiledModel: false);
        return new HelloWorkDb(options.Options);
    }
}

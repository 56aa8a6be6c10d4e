using System.Diagnostics;
using HelloWork.Domain.Data;
using HelloWork.Domain.Data.Demo;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Web.Extensions;

public static class DatabaseStartup
{
    /// <summary>Creates and migrates the database (migrations, not EnsureCreated), turns on WAL for SQLite, and seeds demo
    /// data into an empty database outside Production (set <c>DemoData:Enabled=false</c> to skip it).</summary>
    public static async Task InitialiseDatabaseAsync(this WebApplication app)
    {
        var watch = Stopwatch.StartNew();
        await using var scope = app.Services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<HelloWorkDb>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            if (db.Database.IsSqlite())
            {
                await db.Database.OpenConnectionAsync();
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }
            await db.Database.MigrateAsync();
        }
        var migrated = watch.ElapsedMilliseconds;
        var seeded = false;
        if (!app.Environment.IsProduction() && app.Configuration.GetValue("DemoData:Enabled", true))
        {
            seeded = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync();
        }
        app.Logger.LogInformation("Database ready in {Elapsed} ms (migrations {Migrated} ms, demo data seeded: {Seeded})",
            watch.ElapsedMilliseconds, migrated, seeded);
    }
}

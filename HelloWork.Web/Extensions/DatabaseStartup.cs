using System.Data.Common;
using System.Diagnostics;
using HelloWork.Domain.Data;
using HelloWork.Domain.Data.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

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
        await using var db = await factory.CreateDbContextAsync();
        var postgres = db.Database.IsNpgsql();
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        else if (postgres)
        {
            // Several nodes starting on one empty database: one creates it, migrates and seeds while the others wait
            // on a session advisory lock, then find it done. Without it two nodes both ran the first migration (42P07) or both seeded.
            var creator = db.GetService<IRelationalDatabaseCreator>();
            if (!await creator.ExistsAsync())
            {
                try
                {
                    await creator.CreateAsync();
                }
                catch (DbException) when (creator.Exists())
                {
                    // another node created it first
                }
            }
            await db.Database.OpenConnectionAsync();
            // The wait lasts as long as the other node's seeding (a minute on a loaded machine), not a command's 30 s.
            var timeout = db.Database.GetCommandTimeout();
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(15));
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock(20261206)");
            db.Database.SetCommandTimeout(timeout);
        }
        try
        {
            // An up-to-date database is not handed to MigrateAsync: before applying anything it builds the last migration's
            // snapshot model and diffs it against the current model (EF's pending-model-changes check), 1.3–1.6 s of every warm
            // start on a loaded 2-core box (docs/BENCHMARKS.md, issue 26). Listing the applied migrations needs neither.
            if ((await db.Database.GetPendingMigrationsAsync()).Any())
            {
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
        finally
        {
            if (postgres)
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock(20261206)");
            }
        }
    }
}

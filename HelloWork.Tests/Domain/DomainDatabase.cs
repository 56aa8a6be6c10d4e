using HelloWork.Domain;
using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using HelloWork.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HelloWork.Tests.Domain;

/// <summary>
/// A temporary SQLite file migrated with the real migrations and the domain's real services (the same
/// <c>AddHelloWorkDomain</c> the portal uses), with the clock replaced by a <see cref="FakeTimeProvider"/> whose local
/// zone is UTC, as on a server (R-TIME-1). No mocks: the rules run against the real provider.
/// </summary>
public sealed class DomainDatabase : IAsyncDisposable
{
    private readonly string folder;
    private readonly ServiceProvider services;

    private DomainDatabase(string folder, ServiceProvider services, FakeTimeProvider clock)
    {
        this.folder = folder;
        this.services = services;
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }

    public DateTimeOffset Now => Clock.GetUtcNow();

    public IDbContextFactory<HelloWorkDb> Factory => services.GetRequiredService<IDbContextFactory<HelloWorkDb>>();

    public Operations Operations => services.GetRequiredService<Operations>();

    public ApplicationService Applications => services.GetRequiredService<ApplicationService>();

    public static async Task<DomainDatabase> CreateAsync(DateTimeOffset now)
    {
        var folder = Path.Combine(Path.GetTempPath(), "hellowork-domain-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var clock = new FakeTimeProvider(now);
        clock.SetLocalTimeZone(TimeZoneInfo.Utc);
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(clock); // before AddHelloWorkDomain, which only adds the system clock when none is registered
        // Pooling off so that the file can be deleted at the end; otherwise the provider is exactly the portal's.
        var file = Path.Combine(folder, "domain.db");
        await DatabaseTemplates.CopyMigratedAsync(file); // the run's migrated file, copied
        collection.AddHelloWorkDomain(new DatabaseSettings("Sqlite", $"Data Source={file};Pooling=False"));
        return new DomainDatabase(folder, services: collection.BuildServiceProvider(), clock);
    }

    /// <summary>Runs <paramref name="action"/> on a fresh context and saves: the way tests arrange rows.</summary>
    public async Task<T> ArrangeAsync<T>(Func<HelloWorkDb, Task<T>> action)
    {
        await using var db = await Factory.CreateDbContextAsync();
        var result = await action(db);
        await db.SaveChangesAsync();
        return result;
    }

    /// <summary>Reads on a fresh context, so nothing comes from a change tracker.</summary>
    public async Task<T> ReadAsync<T>(Func<HelloWorkDb, Task<T>> query)
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await query(db);
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

using HelloWork.Domain.Accounts;
using HelloWork.Domain.Common;
using HelloWork.Domain.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelloWork.Tests;

/// <summary>The settings every test host of the portal gives it for its own SQLite file with the demo data.</summary>
public static class PortalSettings
{
    /// <summary>SQLite at <paramref name="folder"/>/<paramref name="file"/> with the demo data as on a first start — a copy of the
    /// run's template (<see cref="DatabaseTemplates"/>), or seeded by this host itself when <paramref name="fromTemplate"/> is false
    /// (a host with a fake clock dates its demo data by that clock); logs in <paramref name="folder"/>/logs.</summary>
    public static IWebHostBuilder UseDemoSqlite(this IWebHostBuilder builder, string folder, string file = "portal.db", bool fromTemplate = true)
    {
        if (fromTemplate)
        {
            DatabaseTemplates.CopyDemo(Path.Combine(folder, file));
        }
        return builder.UseDemoSqliteSettings(folder, file);
    }

    private static IWebHostBuilder UseDemoSqliteSettings(this IWebHostBuilder builder, string folder, string file) => builder
        .UseSetting("Database:Provider", "Sqlite")
        .UseSetting("ConnectionStrings:HelloWork", $"Data Source={Path.Combine(folder, file)}")
        .UseSetting("DemoData:Enabled", "true")
        .UseSetting("Logging:Folder", Path.Combine(folder, "logs"))
        // Mail as .eml files in the host's own folder (R-MAIL-1's default), never under the web project.
        .UseSetting("Mail:Directory", Path.Combine(folder, "mail"));
}

/// <summary>
/// The real portal — its own Program, middleware, Identity, Blazor — in the test process, served by Kestrel on a loopback port
/// (for browsers, SignalR clients and other processes). With a folder prefix it has a temporary folder of its own (for
/// <see cref="PortalSettings.UseDemoSqlite"/>), deleted when it is disposed. Each host says its environment and settings.
/// </summary>
public abstract class KestrelPortal : WebApplicationFactory<Program>
{
    private readonly Lock _starting = new();
    private readonly string? _folder;
    private Uri? _baseAddress;

    protected KestrelPortal(string? folderPrefix = null)
    {
        UseKestrel(0);
        _folder = folderPrefix is null ? null : Directory.CreateTempSubdirectory(folderPrefix).FullName;
    }

    /// <summary>The host's own temporary folder.</summary>
    protected string Folder => _folder ?? throw new InvalidOperationException("This host has no folder of its own.");

    /// <summary>The portal's address, e.g. <c>http://127.0.0.1:41234/</c>, once <see cref="Start"/> has run.</summary>
    public Uri BaseAddress => _baseAddress ?? throw new InvalidOperationException("The portal is not started: call Start first.");

    protected bool IsStarted => _baseAddress is not null;

    /// <summary>Starts the portal (migrations and demo data run inside Program before it listens) unless it runs; its address.</summary>
    public Uri Start()
    {
        lock (_starting)
        {
            if (_baseAddress is null)
            {
                StartServer();
                var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
                _baseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)
                    .Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
            }
            return _baseAddress;
        }
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>The actor of an account, built from its stored role and scope links as the sign-in would.</summary>
    public async Task<Actor> ActorAsync(string email)
    {
        Start();
        await using var db = await Get<IDbContextFactory<HelloWorkDb>>().CreateDbContextAsync();
        var u = await db.Users.AsNoTracking().SingleAsync(x => x.Email == email);
        return new Actor(u.Id, u.Role, u.DisplayName, u.JobseekerId, u.EstablishmentId, u.OfficeId, u.AgencyId, u.IsSupervisor);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_folder is null)
        {
            return;
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

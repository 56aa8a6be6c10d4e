using HelloWork.Domain.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

[assembly: AssemblyFixture(typeof(HelloWork.Tests.Host.Http.PortalHost))]

namespace HelloWork.Tests.Host.Http;

/// <summary>
/// The real portal — its own Program, middleware, Identity, Blazor and SQLite — on Kestrel at a loopback port, with a
/// temporary database seeded with the demo data exactly as on a first start. One host per test run (an assembly fixture),
/// started on first use so that a run of the domain tests alone does not pay for it.
/// </summary>
public sealed class PortalHost() : KestrelPortal("hellowork-portal-")
{
    public const string DemoPassword = "HelloWork!2026";

    /// <summary>The portal's address, e.g. <c>http://127.0.0.1:41234/</c>; starts the portal when it is not yet running.</summary>
    public Task<Uri> StartAsync() => IsStarted ? Task.FromResult(BaseAddress) : Task.Run(Start);

    /// <summary>A plain HTTP client for the portal with its own cookie jar; redirects are not followed, so tests see them.</summary>
    public async Task<HttpClient> NewClientAsync(bool followRedirects = false)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = followRedirects, UseCookies = true, CookieContainer = new System.Net.CookieContainer() };
        return new HttpClient(handler) { BaseAddress = await StartAsync(), Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>Reads the portal's database directly (a fresh context from the app's own factory).</summary>
    public async Task<T> QueryAsync<T>(Func<HelloWorkDb, Task<T>> query)
    {
        await StartAsync();
        await using var db = await Services.GetRequiredService<IDbContextFactory<HelloWorkDb>>().CreateDbContextAsync();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return await query(db);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseDemoSqlite(Folder);
    }
}

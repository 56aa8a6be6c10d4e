using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using HelloWork.Domain.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

[assembly: AssemblyFixture(typeof(HelloWork.Tests.PortalHost))]

namespace HelloWork.Tests;

/// <summary>
/// The real portal — its own Program, middleware, Identity, Blazor and SQLite — on Kestrel at a loopback port. The run's shared
/// host (an assembly fixture, started on first use so that a run of the domain tests alone does not pay for it) has a temporary
/// folder of its own with the demo data exactly as on a first start; <see cref="On"/> makes a node on given settings (a file or
/// a PostgreSQL database shared by several nodes, Redis, a fake clock's options …) whose services the test calls: domain
/// operations go through the same <c>Operations</c>, outbox and live bus as a page would.
/// </summary>
public sealed class PortalHost : KestrelPortal
{
    private readonly IReadOnlyDictionary<string, string?>? settings;

    /// <summary>The run's host: a folder of its own with the demo data.</summary>
    public PortalHost() : base("hellowork-portal-")
    {
    }

    private PortalHost(IReadOnlyDictionary<string, string?> settings) => this.settings = settings;

    /// <summary>A node of the portal on <paramref name="settings"/> (e.g. <c>TempDatabase.Settings()</c>).</summary>
    public static PortalHost On(IReadOnlyDictionary<string, string?> settings) => new(settings);

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
        if (settings is null)
        {
            builder.UseDemoSqlite(Folder);
            return;
        }
        builder.UseSetting("urls", "http://127.0.0.1:0");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>An open offer of the employer's establishment that accepts self-application and that the jobseeker has no
    /// live application to (demo data has several).</summary>
    public async Task<Guid> SelfApplicationOfferAsync(Actor employer, Actor jobseeker)
    {
        var now = Get<TimeProvider>().GetUtcNow();
        await using var db = await Get<IDbContextFactory<HelloWorkDb>>().CreateDbContextAsync();
        var offers = await db.JobOffers.AsNoTracking().Where(o => o.EstablishmentId == employer.EstablishmentId).ToListAsync();
        var applied = await db.Applications.AsNoTracking()
            .Where(a => a.JobseekerId == jobseeker.JobseekerId && a.Status == ApplicationStatus.InSelection).Select(a => a.JobOfferId).ToListAsync();
        return offers.Where(o => o.AcceptsSelfApplication(now) && !applied.Contains(o.Id)).Select(o => o.Id).First();
    }

    /// <summary>One self-application: causes one application notice to the establishment (R-SELF-1, R-NTC-1).</summary>
    public Task<Guid> ApplyAsync(Actor jobseeker, Guid offerId) =>
        Get<ApplicationService>().ApplyAsync(jobseeker, new ApplyInput(offerId, "貴社で経験を活かしたいと考え応募しました。", [], SelfApplicationAcknowledged: true));

    /// <summary><paramref name="count"/> changes that each notify the establishment: apply, cancel, apply, cancel … (R-CAN-1).</summary>
    public async Task MakeChangesAsync(Actor jobseeker, Guid offerId, int count)
    {
        Guid? open = null;
        for (var i = 0; i < count; i++)
        {
            if (open is { } id)
            {
                await Get<ApplicationService>().CancelAsync(jobseeker, id);
                open = null;
            }
            else
            {
                open = await ApplyAsync(jobseeker, offerId);
            }
        }
    }
}

using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using HelloWork.Domain.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

using HelloWork.Tests.Browser;

namespace HelloWork.Tests.Host.Live;

/// <summary>
/// The real portal in the test process, served by Kestrel on a loopback port (a node whose services the test can call:
/// domain operations go through the same <c>Operations</c>, outbox and live bus as a page would).
/// </summary>
public sealed class PortalHost(IReadOnlyDictionary<string, string?> settings) : KestrelPortal
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
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

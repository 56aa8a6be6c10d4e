using HelloWork.Domain.Accounts;
using HelloWork.Domain.Common;
using HelloWork.Domain.Data;
using HelloWork.Domain.JobOffers;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Search;

/// <summary>
/// Who looks at public offers, as far as 公開範囲 matters (REFERENCE.md): scope 1 shows the employer's name to everyone,
/// scope 2 only to jobseekers registered at an office (利用登録者), scope 3 to nobody but the employer itself and Hello Work staff.
/// </summary>
public sealed record SearchViewer(Guid? JobseekerId, bool RegisteredJobseeker, bool Staff, bool Agency, Guid? EstablishmentId)
{
    public static readonly SearchViewer Anonymous = new(null, false, false, false, null);

    /// <summary>An information-provision agency (R-AGY-1), in the browser method and the data method alike. It is not a registered
    /// jobseeker, so it sees the employer's name of scope 1 only: one rule for the pages and the API (<see cref="ShowsName"/>).</summary>
    public static readonly SearchViewer ForAgency = new(null, false, false, true, null);

    /// <summary>The one publication-scope rule (公開範囲) for every viewer, pages and data provision alike.</summary>
    public bool ShowsName(PublicationScope scope, Guid establishmentId) =>
        Staff || EstablishmentId == establishmentId
        || scope switch
        {
            PublicationScope.PublicWithName => true,
            PublicationScope.NameToRegisteredOnly => RegisteredJobseeker,
            _ => false,
        };

    public static async Task<SearchViewer> OfAsync(HelloWorkDb db, Actor? actor, CancellationToken ct)
    {
        if (actor is null)
        {
            return Anonymous;
        }
        if (actor.IsAgency)
        {
            return ForAgency;
        }
        var registered = actor.IsJobseeker
            && await db.Jobseekers.AnyAsync(j => j.Id == actor.JobseekerId && j.Tier == JobseekerTier.Full, ct);
        return new SearchViewer(actor.IsJobseeker ? actor.JobseekerId : null, registered, actor.IsStaff, actor.IsAgency,
            actor.IsEmployer ? actor.EstablishmentId : null);
    }
}

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

    public bool ShowsName(PublicationScope scope, Guid establishmentId) =>
        Staff || EstablishmentId == establishmentId || (Agency && scope != PublicationScope.WithoutName)
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
        var registered = actor.IsJobseeker
            && await db.Jobseekers.AnyAsync(j => j.Id == actor.JobseekerId && j.Tier == JobseekerTier.Full, ct);
        return new SearchViewer(actor.IsJobseeker ? actor.JobseekerId : null, registered, actor.IsStaff, actor.IsAgency,
            actor.IsEmployer ? actor.EstablishmentId : null);
    }
}

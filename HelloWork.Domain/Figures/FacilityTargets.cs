using HelloWork.Domain.Audit;
using HelloWork.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Figures;

/// <summary>One integrated facility's yearly targets and actuals as entered by the office (R-KPI-4).</summary>
public sealed record FacilityInput(string FacilityName, int FiscalYear, int PlacementsTarget, decimal PlacementRateTarget, int UsersTarget,
    int ConsultationsTarget, int PlacementsActual, decimal PlacementRateActual, int UsersActual, int ConsultationsActual);

/// <summary>Recording integrated facilities' (一体的実施) targets and actuals: supervisors of the office only (R-KPI-4, R-ACC-4).</summary>
public sealed class FacilityTargets(Operations ops)
{
    public Task<Guid> SaveAsync(Actor actor, Guid? id, FacilityInput input, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var officeId = actor.RequireOffice();
        if (!actor.IsSupervisor)
        {
            throw new ScopeException("integrated facility targets");
        }
        if (input.FiscalYear is < 2000 or > 2100)
        {
            throw new DomainException(ErrorCodes.OutOfRange, nameof(input.FiscalYear));
        }
        IntegratedFacilityTarget target;
        if (id is { } existing)
        {
            target = await w.Db.IntegratedFacilityTargets.FirstOrDefaultAsync(t => t.Id == existing && t.OfficeId == officeId, ct)
                ?? throw new ScopeException("integrated facility of another office");
        }
        else
        {
            target = new IntegratedFacilityTarget(officeId, Text.RequireName(input.FacilityName, nameof(input.FacilityName), 100), input.FiscalYear);
            w.Db.IntegratedFacilityTargets.Add(target);
        }
        target.SetTargets(input.PlacementsTarget, input.PlacementRateTarget, input.UsersTarget, input.ConsultationsTarget);
        target.SetActuals(input.PlacementsActual, input.PlacementRateActual, input.UsersActual, input.ConsultationsActual);
        w.Audit(AuditActions.FacilityTargetsSaved, nameof(IntegratedFacilityTarget), target.Id, officeId: officeId, detail: input.FiscalYear.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return target.Id;
    }, ct);
}

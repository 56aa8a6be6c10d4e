using HelloWork.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Evaluation;

/// <summary>An office's yearly targets as its supervisor enters them (R-EVAL-1).</summary>
public sealed record TargetInput(int FiscalYear, int Placements, int FilledOffers, int EarlyReemployments, decimal ReferralRate,
    IReadOnlyCollection<string> PriorityIndicators, IReadOnlyCollection<PriorityItem> PriorityItems);

/// <summary>Yearly targets per office (R-EVAL-1): supervisors of the office set them; anyone reads them through the publication.</summary>
public sealed class EvaluationTargets(Operations ops)
{
    public Task<Guid> SetAsync(Actor actor, TargetInput input, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var officeId = actor.RequireOffice();
        if (!actor.IsSupervisor)
        {
            throw new ScopeException("office targets");
        }
        if (input.FiscalYear is < 2000 or > 2100)
        {
            throw new DomainException(ErrorCodes.OutOfRange, nameof(input.FiscalYear));
        }
        var target = await w.Db.OfficeTargets.FirstOrDefaultAsync(t => t.OfficeId == officeId && t.FiscalYear == input.FiscalYear, ct);
        if (target is null)
        {
            target = new OfficeTarget(officeId, input.FiscalYear);
            w.Db.OfficeTargets.Add(target);
        }
        target.Set(input.Placements, input.FilledOffers, input.EarlyReemployments, input.ReferralRate, input.PriorityIndicators, input.PriorityItems, w.Now);
        return target.Id;
    }, ct);

    public Task<OfficeTarget?> OfOwnOfficeAsync(Actor actor, int fiscalYear, CancellationToken ct = default)
    {
        var officeId = actor.RequireOffice();
        return ops.ReadAsync(db => db.OfficeTargets.AsNoTracking().FirstOrDefaultAsync(t => t.OfficeId == officeId && t.FiscalYear == fiscalYear, ct), ct);
    }
}

using HelloWork.Domain.Common;
using HelloWork.Domain.Data;
using HelloWork.Domain.Notices;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Evaluation;

/// <summary>An office's yearly targets as its supervisor enters them (R-EVAL-1).</summary>
public sealed record TargetInput(int FiscalYear, int Placements, int FilledOffers, int EarlyReemployments, decimal ReferralRate,
    IReadOnlyCollection<string> PriorityIndicators, IReadOnlyCollection<PriorityItem> PriorityItems);

/// <summary>What the office did for one of its chosen 所重点項目 (R-EVAL-1).</summary>
public sealed record PriorityItemInput(PriorityItem Item, DateOnly Date, int Count, string? Note);

/// <summary>One 所重点項目 of an office in a fiscal year: chosen or not, how many records and their total count.</summary>
public sealed record PriorityItemTally(PriorityItem Item, bool Chosen, int Records, int Total);

/// <summary>Yearly targets per office (R-EVAL-1): supervisors of the office set them, the labour bureau approves them (<see cref="BureauOversight"/>);
/// anyone reads them through the publication.</summary>
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
        var office = await w.Db.Offices.AsNoTracking().FirstAsync(o => o.Id == officeId, ct);
        // Every change waits for the labour bureau's approval again (R-EVAL-1): its list of offices reloads.
        await w.Notices.AddAsync(Recipients.Bureau(office.Prefecture), NoticeKind.TargetsSubmitted, target.Id, new Dictionary<string, string>
        {
            [NoticeArg.OfficeName] = office.Name,
            [NoticeArg.FiscalYear] = input.FiscalYear.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, ct);
        return target.Id;
    }, ct);

    /// <summary>Staff of the office record what it did for one of the 所重点項目 it chose for the date's fiscal year (R-EVAL-1).</summary>
    public Task<Guid> RecordItemAsync(Actor actor, PriorityItemInput input, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var officeId = actor.RequireOffice();
        var record = new PriorityItemRecord(officeId, input.Item, input.Date, input.Count, input.Note, actor.UserId, JapanTime.DateOf(w.Now), w.Now);
        var fiscalYear = Figures.OfficeFigures.FiscalYearOf(input.Date);
        var target = await w.Db.OfficeTargets.AsNoTracking().FirstOrDefaultAsync(t => t.OfficeId == officeId && t.FiscalYear == fiscalYear, ct);
        if (target is null || !target.ChosenItems.Contains(input.Item))
        {
            throw new DomainException(ErrorCodes.InvalidChoice, nameof(PriorityItemInput.Item));   // an item the office did not choose for that year
        }
        w.Db.PriorityItemRecords.Add(record);
        var office = await w.Db.Offices.AsNoTracking().FirstAsync(o => o.Id == officeId, ct);
        var args = new Dictionary<string, string> { [NoticeArg.OfficeName] = office.Name, [NoticeArg.FiscalYear] = fiscalYear.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        await w.Notices.AddAsync(Recipients.Office(officeId), NoticeKind.PriorityItemRecorded, record.Id, args, ct);
        await w.Notices.AddAsync(Recipients.Bureau(office.Prefecture), NoticeKind.PriorityItemRecorded, record.Id, args, ct);
        return record.Id;
    }, ct);

    /// <summary>The office's 所重点項目 of a year: each chosen one, and any other with records.</summary>
    public async Task<IReadOnlyList<PriorityItemTally>> ItemsOfOwnOfficeAsync(Actor actor, int fiscalYear, CancellationToken ct = default)
    {
        var officeId = actor.RequireOffice();
        var target = await OfOwnOfficeAsync(actor, fiscalYear, ct);
        return await ops.ReadAsync(db => TallyAsync(db, officeId, fiscalYear, target, ct), ct);
    }

    /// <summary>The 所重点項目 tally of any office (callers decide who may see it).</summary>
    internal static async Task<IReadOnlyList<PriorityItemTally>> TallyAsync(HelloWorkDb db, Guid officeId, int fiscalYear, OfficeTarget? target, CancellationToken ct)
    {
        var (from, to) = (new DateOnly(fiscalYear, 4, 1), new DateOnly(fiscalYear + 1, 4, 1));
        var counts = await db.PriorityItemRecords.Where(r => r.OfficeId == officeId && r.Date >= from && r.Date < to)
            .GroupBy(r => r.Item).Select(g => new { g.Key, Records = g.Count(), Total = g.Sum(r => r.Count) }).ToListAsync(ct);
        var chosen = target?.ChosenItems ?? [];
        return [.. Enum.GetValues<PriorityItem>().Where(i => chosen.Contains(i) || counts.Any(c => c.Key == i))
            .Select(i => counts.FirstOrDefault(c => c.Key == i) is { } c ? new PriorityItemTally(i, chosen.Contains(i), c.Records, c.Total) : new PriorityItemTally(i, true, 0, 0))];
    }

    public Task<OfficeTarget?> OfOwnOfficeAsync(Actor actor, int fiscalYear, CancellationToken ct = default)
    {
        var officeId = actor.RequireOffice();
        return ops.ReadAsync(db => db.OfficeTargets.AsNoTracking().FirstOrDefaultAsync(t => t.OfficeId == officeId && t.FiscalYear == fiscalYear, ct), ct);
    }
}

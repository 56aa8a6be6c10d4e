using HelloWork.Domain.Common;
using HelloWork.Domain.Figures;
using HelloWork.Domain.Audit;
using HelloWork.Domain.Notices;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Evaluation;

/// <summary>
/// The yearly ハローワーク総合評価 (seed 003, R-EVAL-3), written down in docs/evaluation-indicators.md:
/// <list type="number">
/// <item>Grouping: every office's workload = offers it accepted in the year + jobseekers registered with it during the year (the 紹介率 denominator):
/// the size of its labour market and of its work. Offices are sorted by workload (largest first, then by office code) and cut into 11 groups of
/// equal size: group = ⌊rank × 11 ÷ offices⌋ + 1.</item>
/// <item>Score: the mean of the achievement rates (year ÷ target, %, capped at <see cref="Cap"/>) of the three 主要指標 and of 紹介率 that have a
/// target, and of 利用者満足度 (満足＋まあ満足, %) when the office has at least <see cref="Survey.MinimumAnswers"/> answers. No target and no
/// answers: score 0.</item>
/// <item>Rating: within its group, by score (highest first, then office code), the first quarter 特に良好な成果, the second 良好な成果, the third
/// 標準的な成果, the last 成果向上のための取組が必要: level = ⌊rank × 4 ÷ group size⌋.</item>
/// <item>Threshold: an office whose score is under <see cref="Threshold"/> writes an improvement plan (改善計画), published with its result.</item>
/// </list>
/// </summary>
public sealed class YearlyEvaluation(OfficeFigures figures, Survey survey, Operations ops)
{
    public const int Groups = 11;
    public const decimal Cap = 150m;
    public const decimal Threshold = 80m;

    /// <summary>Runs the year's evaluation for every office once the fiscal year has ended (administrators, or the system); a second run replaces
    /// the first and keeps the plans already written by offices still under the threshold.</summary>
    public async Task<int> RunAsync(Actor actor, int fiscalYear, CancellationToken ct = default)
    {
        if (!actor.IsAdmin && actor != Actor.System)
        {
            throw new ScopeException("yearly evaluation run");
        }
        if (fiscalYear < 2000 || OfficeFigures.FiscalYearOf(ops.Clock.Today()) <= fiscalYear)
        {
            throw new DomainException(ErrorCodes.OutOfRange, "FiscalYear");
        }
        var offices = await ops.ReadAsync(db => db.Offices.AsNoTracking().OrderBy(o => o.Code).Select(o => new { o.Id, o.Code }).ToListAsync(ct), ct);
        var targets = await ops.ReadAsync(db => db.OfficeTargets.AsNoTracking().Where(t => t.FiscalYear == fiscalYear).ToDictionaryAsync(t => t.OfficeId, ct), ct);
        var satisfaction = await survey.AllOfficesAsync(fiscalYear, ct);
        var scored = new List<Scored>(offices.Count);
        foreach (var office in offices)
        {
            var year = (await figures.ForOfficeAsync(office.Id, fiscalYear, ct)).Year;
            var target = targets.GetValueOrDefault(office.Id);
            decimal? A(string code)
            {
                var goal = target?.TargetOf(code);
                return goal is > 0 && Indicators.Get(code).Value(year) is { } v ? Math.Min(Cap, Math.Round(100m * v / goal.Value, 1, MidpointRounding.AwayFromZero)) : null;
            }
            var parts = new[] { A(Indicators.Placements), A(Indicators.FilledOffers), A(Indicators.EarlyReemployments), A(Indicators.ReferralRate) };
            var satisfied = satisfaction.GetValueOrDefault(office.Id)?.SatisfiedPercent;
            var all = parts.Append(satisfied).OfType<decimal>().ToList();
            var score = all.Count == 0 ? 0m : Math.Round(all.Average(), 1, MidpointRounding.AwayFromZero);
            scored.Add(new Scored(office.Id, office.Code, year.OffersAccepted + year.JobseekersInPeriod, parts, satisfied, score));
        }
        var items = await ops.ReadAsync(async db => (await db.PriorityItemRecords
            .Where(r => r.Date >= new DateOnly(fiscalYear, 4, 1) && r.Date < new DateOnly(fiscalYear + 1, 4, 1))
            .Select(r => new { r.OfficeId, r.Item }).Distinct().ToListAsync(ct)).ToLookup(r => r.OfficeId, r => r.Item), ct);
        var byWorkload = scored.OrderByDescending(s => s.Workload).ThenBy(s => s.Code, StringComparer.Ordinal).ToList();
        var now = ops.Clock.GetUtcNow();
        var rows = new List<OfficeEvaluation>(scored.Count);
        foreach (var group in byWorkload.Select((s, rank) => (s, Group: rank * Groups / byWorkload.Count + 1)).GroupBy(x => x.Group))
        {
            var ranked = group.Select(x => x.s).OrderByDescending(s => s.Score).ThenBy(s => s.Code, StringComparer.Ordinal).ToList();
            for (var r = 0; r < ranked.Count; r++)
            {
                var s = ranked[r];
                var row = new OfficeEvaluation(s.OfficeId, fiscalYear, group.Key, s.Workload, s.Parts[0], s.Parts[1], s.Parts[2], s.Parts[3], s.Satisfaction,
                    s.Score, r + 1, ranked.Count, (EvaluationLevel)(r * 4 / ranked.Count), s.Score < Threshold, now);
                var chosen = targets.GetValueOrDefault(s.OfficeId)?.ChosenItems ?? [];
                row.CountItems(chosen.Count, chosen.Count(items[s.OfficeId].Contains));
                rows.Add(row);
            }
        }
        return await ops.RunAsync(actor, async w =>
        {
            var old = await w.Db.OfficeEvaluations.Where(e => e.FiscalYear == fiscalYear).ToListAsync(ct);
            foreach (var row in rows)
            {
                if (old.FirstOrDefault(o => o.OfficeId == row.OfficeId) is { ImprovementPlan: not null } before && row.NeedsPlan)
                {
                    row.KeepFollowUp(before);
                }
            }
            w.Db.OfficeEvaluations.RemoveRange(old);
            await w.Db.SaveChangesAsync(ct);
            w.Db.OfficeEvaluations.AddRange(rows);
            w.Audit(AuditActions.EvaluationRun, nameof(OfficeEvaluation), Guid.Empty, detail: $"FY{fiscalYear}: {rows.Count} offices");
            await w.Notices.AddAsync(Recipients.Admins, NoticeKind.EvaluationRun, null, new Dictionary<string, string>
            {
                [NoticeArg.FiscalYear] = fiscalYear.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }, ct);
            return rows.Count;
        }, ct);
    }

    /// <summary>The office writes its improvement plan (supervisors of the office, R-EVAL-3).</summary>
    public Task WritePlanAsync(Actor actor, int fiscalYear, string plan, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var officeId = actor.RequireOffice();
        if (!actor.IsSupervisor)
        {
            throw new ScopeException("improvement plan");
        }
        var evaluation = await w.Db.OfficeEvaluations.FirstOrDefaultAsync(e => e.OfficeId == officeId && e.FiscalYear == fiscalYear, ct)
            ?? throw new DomainException(ErrorCodes.OutOfRange, "FiscalYear");
        evaluation.WritePlan(plan, w.Now);
        var office = await w.Db.Offices.AsNoTracking().FirstAsync(o => o.Id == officeId, ct);
        await w.Notices.AddAsync(Recipients.Bureau(office.Prefecture), NoticeKind.ImprovementPlanWritten, evaluation.Id, new Dictionary<string, string>
        {
            [NoticeArg.OfficeName] = office.Name,
            [NoticeArg.FiscalYear] = fiscalYear.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, ct);
        return 0;
    }, ct);

    /// <summary>The staff member's own office's result of a year, with its plan and the bureau's comment (null: not evaluated).</summary>
    public Task<OfficeEvaluation?> OfOwnOfficeAsync(Actor actor, int fiscalYear, CancellationToken ct = default)
    {
        var officeId = actor.RequireOffice();
        return ops.ReadAsync(db => db.OfficeEvaluations.AsNoTracking().FirstOrDefaultAsync(e => e.OfficeId == officeId && e.FiscalYear == fiscalYear, ct), ct);
    }

    /// <summary>When the year's evaluation last ran, and for how many offices (null: never).</summary>
    public Task<(DateTimeOffset At, int Offices)?> LastRunAsync(int fiscalYear, CancellationToken ct = default) => ops.ReadAsync(async db =>
    {
        var runs = await db.OfficeEvaluations.Where(e => e.FiscalYear == fiscalYear).GroupBy(e => e.EvaluatedAt)
            .Select(g => new { At = g.Key, Count = g.Count() }).ToListAsync(ct);
        return runs.Count == 0 ? ((DateTimeOffset At, int Offices)?)null : runs.OrderByDescending(r => r.At).Select(r => (r.At, r.Count)).First();
    }, ct);

    /// <summary>The whole year's results, group by group (public once run).</summary>
    public Task<IReadOnlyList<OfficeEvaluation>> ResultsAsync(int fiscalYear, CancellationToken ct = default) => ops.ReadAsync(async db =>
        (IReadOnlyList<OfficeEvaluation>)await db.OfficeEvaluations.AsNoTracking().Where(e => e.FiscalYear == fiscalYear)
            .OrderBy(e => e.Group).ThenBy(e => e.RankInGroup).ToListAsync(ct), ct);

    private sealed record Scored(Guid OfficeId, string Code, int Workload, decimal?[] Parts, decimal? Satisfaction, decimal Score);
}

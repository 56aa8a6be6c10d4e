using HelloWork.Domain.Accounts;
using HelloWork.Domain.Audit;
using HelloWork.Domain.Common;
using HelloWork.Domain.Figures;
using HelloWork.Domain.Notices;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Evaluation;

/// <summary>One office of a labour bureau's prefecture as the bureau follows it: the year's 主要指標 and 紹介率, its targets and where they
/// stand, and its yearly evaluation with the improvement plan (R-EVAL-1, R-EVAL-3).</summary>
public sealed record BureauOfficeLine(string OfficeCode, string OfficeName, FigureSet Year, OfficeTarget? Target, OfficeEvaluation? Evaluation,
    Satisfaction Satisfaction, IReadOnlyList<PriorityItemTally> Items);

/// <summary>One office in detail for its bureau: the line, and the office's months (the same figures its supervisors see).</summary>
public sealed record BureauOffice(BureauOfficeLine Line, OfficeYear Figures, string Prefecture);

/// <summary>
/// The prefectural labour bureau (都道府県労働局, seed 003): it approves or returns each of its offices' yearly targets, 所重点指標 and
/// 所重点項目 (R-EVAL-1), sees every one of its offices' figures and evaluation, and follows the improvement plans of offices under the
/// threshold (comments, marks them followed; R-EVAL-3). A bureau account sees its own prefecture's offices only: another prefecture's office
/// is not found, exactly like a missing one (R-ACC-4).
/// </summary>
public sealed class BureauOversight(OfficeFigures figures, Survey survey, Operations ops)
{
    /// <summary>The bureau's name: 東京労働局, 大阪労働局, 北海道労働局 (the prefecture without 都・府・県, 北海道 as it is).</summary>
    public static string BureauName(string prefecture) =>
        (prefecture.Length > 2 && prefecture[^1] is '都' or '府' or '県' ? prefecture[..^1] : prefecture) + "労働局";

    /// <summary>Every office of the bureau's prefecture, by office code.</summary>
    public async Task<IReadOnlyList<BureauOfficeLine>> OfficesAsync(Actor actor, int fiscalYear, CancellationToken ct = default)
    {
        var prefecture = actor.RequirePrefecture();
        var offices = await ops.ReadAsync(db => db.Offices.AsNoTracking().Where(o => o.Prefecture == prefecture).OrderBy(o => o.Code).ToListAsync(ct), ct);
        var lines = new List<BureauOfficeLine>(offices.Count);
        foreach (var office in offices)
        {
            lines.Add(await LineAsync(office, fiscalYear, ct));
        }
        return lines;
    }

    /// <summary>One office of the bureau's prefecture, or null (another prefecture's office and a missing one alike).</summary>
    public async Task<BureauOffice?> OfficeAsync(Actor actor, string officeCode, int fiscalYear, CancellationToken ct = default)
    {
        var prefecture = actor.RequirePrefecture();
        var office = await ops.ReadAsync(db => db.Offices.AsNoTracking().FirstOrDefaultAsync(o => o.Code == officeCode && o.Prefecture == prefecture, ct), ct);
        if (office is null)
        {
            return null;
        }
        var line = await LineAsync(office, fiscalYear, ct);
        return new BureauOffice(line, await figures.ForOfficeAsync(office.Id, fiscalYear, ct), prefecture);
    }

    /// <summary>Approves an office's targets for the year (承認).</summary>
    public Task ApproveTargetsAsync(Actor actor, string officeCode, int fiscalYear, CancellationToken ct = default) =>
        ReviewTargetsAsync(actor, officeCode, fiscalYear, null, ct);

    /// <summary>Returns an office's targets with a reason (差戻し); the office sets them again.</summary>
    public Task ReturnTargetsAsync(Actor actor, string officeCode, int fiscalYear, string? reason, CancellationToken ct = default) =>
        ReviewTargetsAsync(actor, officeCode, fiscalYear, reason ?? "", ct);

    private Task ReviewTargetsAsync(Actor actor, string officeCode, int fiscalYear, string? returnReason, CancellationToken ct) => ops.RunAsync(actor, async w =>
    {
        var office = await OwnOfficeAsync(w, officeCode, ct);
        var target = await w.Db.OfficeTargets.FirstOrDefaultAsync(t => t.OfficeId == office.Id && t.FiscalYear == fiscalYear, ct)
            ?? throw new DomainException(ErrorCodes.InvalidChoice, nameof(OfficeTarget.Approval));
        var args = new Dictionary<string, string> { [NoticeArg.FiscalYear] = fiscalYear.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (returnReason is null)
        {
            target.Approve(w.Now);
            await w.Notices.AddAsync(Recipients.Office(office.Id), NoticeKind.TargetsApproved, target.Id, args, ct);
            w.Audit(AuditActions.TargetsApproved, nameof(OfficeTarget), target.Id, officeId: office.Id);
        }
        else
        {
            target.Return(returnReason, w.Now);
            args[NoticeArg.Reason] = target.ReturnReason!;
            await w.Notices.AddAsync(Recipients.Office(office.Id), NoticeKind.TargetsReturned, target.Id, args, ct);
            w.Audit(AuditActions.TargetsReturned, nameof(OfficeTarget), target.Id, officeId: office.Id);
        }
        await w.Notices.AddAsync(Recipients.Bureau(office.Prefecture), returnReason is null ? NoticeKind.TargetsApproved : NoticeKind.TargetsReturned,
            target.Id, new Dictionary<string, string>(args) { [NoticeArg.OfficeName] = office.Name }, ct);
        return 0;
    }, ct);

    /// <summary>The bureau's comment on an office's improvement plan.</summary>
    public Task CommentPlanAsync(Actor actor, string officeCode, int fiscalYear, string? comment, CancellationToken ct = default) =>
        FollowAsync(actor, officeCode, fiscalYear, (e, now) => e.Comment(comment, now), ct);

    /// <summary>The bureau marks an office's improvement plan followed.</summary>
    public Task MarkPlanFollowedAsync(Actor actor, string officeCode, int fiscalYear, CancellationToken ct = default) =>
        FollowAsync(actor, officeCode, fiscalYear, (e, now) => e.MarkFollowed(now), ct);

    private Task FollowAsync(Actor actor, string officeCode, int fiscalYear, Action<OfficeEvaluation, DateTimeOffset> change, CancellationToken ct) =>
        ops.RunAsync(actor, async w =>
        {
            var office = await OwnOfficeAsync(w, officeCode, ct);
            var evaluation = await w.Db.OfficeEvaluations.FirstOrDefaultAsync(e => e.OfficeId == office.Id && e.FiscalYear == fiscalYear, ct)
                ?? throw new DomainException(ErrorCodes.InvalidChoice, nameof(OfficeEvaluation.ImprovementPlan));
            change(evaluation, w.Now);
            var args = new Dictionary<string, string> { [NoticeArg.FiscalYear] = fiscalYear.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            await w.Notices.AddAsync(Recipients.Office(office.Id), NoticeKind.ImprovementPlanReviewed, evaluation.Id, args, ct);
            await w.Notices.AddAsync(Recipients.Bureau(office.Prefecture), NoticeKind.ImprovementPlanReviewed, evaluation.Id,
                new Dictionary<string, string>(args) { [NoticeArg.OfficeName] = office.Name }, ct);
            w.Audit(AuditActions.ImprovementPlanReviewed, nameof(OfficeEvaluation), evaluation.Id, officeId: office.Id);
            return 0;
        }, ct);

    /// <summary>An office of the bureau's own prefecture, else a scope refusal (R-ACC-4).</summary>
    private static async Task<Office> OwnOfficeAsync(Work w, string officeCode, CancellationToken ct)
    {
        var prefecture = w.Actor.RequirePrefecture();
        return await w.Db.Offices.FirstOrDefaultAsync(o => o.Code == officeCode && o.Prefecture == prefecture, ct)
            ?? throw new ScopeException("another prefecture's office");
    }

    private async Task<BureauOfficeLine> LineAsync(Office office, int fiscalYear, CancellationToken ct)
    {
        var year = (await figures.ForOfficeAsync(office.Id, fiscalYear, ct)).Year;
        var (target, evaluation, items) = await ops.ReadAsync(async db =>
        {
            var target = await db.OfficeTargets.AsNoTracking().FirstOrDefaultAsync(t => t.OfficeId == office.Id && t.FiscalYear == fiscalYear, ct);
            return (target, await db.OfficeEvaluations.AsNoTracking().FirstOrDefaultAsync(e => e.OfficeId == office.Id && e.FiscalYear == fiscalYear, ct),
                await EvaluationTargets.TallyAsync(db, office.Id, fiscalYear, target, ct));
        }, ct);
        return new BureauOfficeLine(office.Code, office.Name, year, target, evaluation, await survey.OfOfficeAsync(office.Id, fiscalYear, ct), items);
    }
}

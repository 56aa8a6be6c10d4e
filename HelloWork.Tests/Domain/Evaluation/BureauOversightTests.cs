using HelloWork.Domain.Accounts;
using HelloWork.Domain.Audit;
using HelloWork.Domain.Common;
using HelloWork.Domain.Evaluation;
using HelloWork.Domain.Figures;
using HelloWork.Domain.Notices;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Tests.Domain.Evaluation;

/// <summary>
/// The prefectural labour bureau (労働局) on <see cref="EvaluationWorld"/> (R-EVAL-1, R-EVAL-3, R-KPI-3, R-ACC-4): it approves or returns its
/// offices' yearly targets, sees its prefecture's offices' figures (the hand count of EvaluationTests) and evaluation, follows the improvement
/// plan of an office under the threshold; another prefecture's bureau is refused everything, and the yearly run is audited and repeatable.
/// </summary>
public sealed class BureauOversightTests
{
    private static readonly Actor Tokyo = new(Guid.NewGuid(), Roles.Bureau, "東京労働局", Prefecture: "東京都");
    private static readonly Actor Osaka = new(Guid.NewGuid(), Roles.Bureau, "大阪労働局", Prefecture: "大阪府");
    private static readonly Actor Admin = new(Guid.NewGuid(), Roles.Admin, "管理者");

    private static BureauOversight Oversight(EvaluationWorld e) => new(new OfficeFigures(e.World.Ops), new Survey(e.World.Ops), e.World.Ops);

    private static Task<List<Notice>> NoticesAsync(EvaluationWorld e, string recipient) =>
        e.World.ArrangeAsync(db => db.Notices.AsNoTracking().Where(n => n.Recipient == recipient).OrderBy(n => n.Seq).ToListAsync());

    [Fact]
    public async Task Targets_wait_for_the_bureau_of_the_offices_prefecture_which_approves_them_or_returns_them_with_a_reason()
    {
        await using var e = await EvaluationWorld.CreateAsync();
        var targets = new EvaluationTargets(e.World.Ops);
        var bureau = Oversight(e);
        await targets.SetAsync(e.Supervisor1, new TargetInput(2026, 3, 2, 1, 50m, [Indicators.RegularPlacements], [PriorityItem.EstablishmentVisits]));
        Assert.Equal(TargetApproval.Pending, (await targets.OfOwnOfficeAsync(e.Staff1, 2026))!.Approval);
        Assert.Equal([NoticeKind.TargetsSubmitted], (await NoticesAsync(e, Recipients.Bureau("東京都"))).Select(n => n.Kind));
        Assert.Empty(await NoticesAsync(e, Recipients.Bureau("大阪府")));

        // Another prefecture's bureau, staff and administrators cannot decide (R-ACC-4); nothing changes.
        await Assert.ThrowsAsync<ScopeException>(() => bureau.ApproveTargetsAsync(Osaka, "13010", 2026));
        await Assert.ThrowsAsync<ScopeException>(() => bureau.ApproveTargetsAsync(e.Supervisor1, "13010", 2026));
        await Assert.ThrowsAsync<ScopeException>(() => bureau.ReturnTargetsAsync(Admin, "13010", 2026, "理由"));
        // A return needs its reason, next to the field.
        Assert.Equal("ReturnReason", (await Assert.ThrowsAsync<DomainException>(() => bureau.ReturnTargetsAsync(Tokyo, "13010", 2026, " "))).Field);
        // No targets for the year: nothing to decide.
        Assert.Equal(ErrorCodes.InvalidChoice, (await Assert.ThrowsAsync<DomainException>(() => bureau.ApproveTargetsAsync(Tokyo, "13010", 2025))).Code);
        Assert.Equal(TargetApproval.Pending, (await targets.OfOwnOfficeAsync(e.Staff1, 2026))!.Approval);

        await bureau.ReturnTargetsAsync(Tokyo, "13010", 2026, "就職者数の目標が前年度実績を下回っています。");
        var returned = (await targets.OfOwnOfficeAsync(e.Staff1, 2026))!;
        Assert.Equal((TargetApproval.Returned, "就職者数の目標が前年度実績を下回っています。"), (returned.Approval, returned.ReturnReason));
        Assert.Equal(ErrorCodes.InvalidChoice, (await Assert.ThrowsAsync<DomainException>(() => bureau.ApproveTargetsAsync(Tokyo, "13010", 2026))).Code);

        // The office sets them again: waiting again, then approved.
        await targets.SetAsync(e.Supervisor1, new TargetInput(2026, 4, 2, 1, 50m, [Indicators.RegularPlacements], [PriorityItem.EstablishmentVisits]));
        Assert.Equal((TargetApproval.Pending, null), ((await targets.OfOwnOfficeAsync(e.Staff1, 2026))!.Approval, (await targets.OfOwnOfficeAsync(e.Staff1, 2026))!.ReturnReason));
        await bureau.ApproveTargetsAsync(Tokyo, "13010", 2026);
        Assert.Equal(TargetApproval.Approved, (await targets.OfOwnOfficeAsync(e.Staff1, 2026))!.Approval);

        var office = await NoticesAsync(e, Recipients.Office(e.Iidabashi.Id));
        Assert.Equal([NoticeKind.TargetsReturned, NoticeKind.TargetsApproved], office.Select(n => n.Kind));
        Assert.Equal("就職者数の目標が前年度実績を下回っています。", NoticeArg.Read(office[0].Args)[NoticeArg.Reason]);
        var audit = await e.World.ArrangeAsync(db => db.AuditEntries.AsNoTracking().Select(a => a.Action).ToListAsync());
        Assert.Equal(1, audit.Count(a => a == AuditActions.TargetsReturned));
        Assert.Equal(1, audit.Count(a => a == AuditActions.TargetsApproved));
    }

    [Fact]
    public async Task The_bureau_sees_the_figures_targets_and_evaluation_of_its_own_prefectures_offices_only()
    {
        await using var e = await EvaluationWorld.CreateAsync();
        var bureau = Oversight(e);
        await new EvaluationTargets(e.World.Ops).SetAsync(e.Supervisor1, new TargetInput(2026, 3, 2, 1, 50m, [], []));

        var tokyo = await bureau.OfficesAsync(Tokyo, 2026);
        Assert.Equal(11, tokyo.Count);   // 飯田橋 and the ten other 東京都 offices of the world; 大阪東 is not among them
        Assert.DoesNotContain(tokyo, l => l.OfficeCode == "27010");
        var iidabashi = tokyo.Single(l => l.OfficeCode == "13010");
        // The hand count of EvaluationTests: placements 3, filled 3, early re-employment 1, 紹介率 75 % (R-KPI-3).
        Assert.Equal((3, 3, 1, 75.0m), (iidabashi.Year.Placements, iidabashi.Year.FilledOffers, iidabashi.Year.EarlyReemployments, iidabashi.Year.ReferralRate));
        Assert.Equal((3, TargetApproval.Pending), (iidabashi.Target!.PlacementsTarget, iidabashi.Target.Approval));

        var detail = (await bureau.OfficeAsync(Tokyo, "13010", 2026))!;
        Assert.Equal(2, detail.Figures.Months[OfficeFigures.MonthIndex(new DateOnly(2026, 11, 1))].Placements);
        Assert.Null(await bureau.OfficeAsync(Osaka, "13010", 2026));   // another prefecture's office looks missing (R-ACC-4)
        Assert.Null(await bureau.OfficeAsync(Tokyo, "99999", 2026));
        Assert.Single(await bureau.OfficesAsync(Osaka, 2026));
        await Assert.ThrowsAsync<ScopeException>(() => bureau.OfficesAsync(e.Supervisor1, 2026));
        await Assert.ThrowsAsync<ScopeException>(() => bureau.OfficesAsync(Tokyo with { Prefecture = null }, 2026));   // a bureau account without its prefecture
        Assert.Equal(("東京労働局", "大阪労働局", "北海道労働局"), (BureauOversight.BureauName("東京都"), BureauOversight.BureauName("大阪府"), BureauOversight.BureauName("北海道")));
    }

    [Fact]
    public async Task The_bureau_follows_the_improvement_plan_and_a_second_run_keeps_plan_comment_and_follow_up()
    {
        await using var e = await EvaluationWorld.CreateAsync(EvaluationWorld.Now.AddMonths(-2));
        var targets = new EvaluationTargets(e.World.Ops);
        await targets.SetAsync(e.Supervisor1, new TargetInput(2026, 3, 2, 1, 50m, [], []));
        await targets.SetAsync(e.Supervisor2, new TargetInput(2026, 4, 2, 2, 50m, [], []));
        e.World.Clock.SetUtcNow(EvaluationWorld.Now);
        var yearly = new YearlyEvaluation(new OfficeFigures(e.World.Ops), new Survey(e.World.Ops), e.World.Ops);
        var bureau = Oversight(e);

        Assert.Null(await yearly.LastRunAsync(2026));
        await Assert.ThrowsAsync<ScopeException>(() => yearly.RunAsync(Osaka, 2026));   // administrators run it
        Assert.Equal(12, await yearly.RunAsync(Admin, 2026));
        Assert.Equal(12, (await yearly.LastRunAsync(2026))!.Value.Offices);
        var osaka = (await bureau.OfficeAsync(Osaka, "27010", 2026))!.Line.Evaluation!;
        Assert.True(osaka.NeedsPlan);   // 56.3 < 80 (EvaluationTests)

        // Nothing to follow before the office writes its plan.
        Assert.Equal(ErrorCodes.InvalidChoice, (await Assert.ThrowsAsync<DomainException>(() => bureau.MarkPlanFollowedAsync(Osaka, "27010", 2026))).Code);
        await yearly.WritePlanAsync(e.Supervisor2, 2026, "事業所訪問を月30社に増やす。");
        Assert.Equal([NoticeKind.TargetsSubmitted, NoticeKind.ImprovementPlanWritten], (await NoticesAsync(e, Recipients.Bureau("大阪府"))).Select(n => n.Kind));

        await Assert.ThrowsAsync<ScopeException>(() => bureau.CommentPlanAsync(Tokyo, "27010", 2026, "東京から"));   // another prefecture (R-ACC-4)
        Assert.Equal("BureauComment", (await Assert.ThrowsAsync<DomainException>(() => bureau.CommentPlanAsync(Osaka, "27010", 2026, ""))).Field);
        await bureau.CommentPlanAsync(Osaka, "27010", 2026, "訪問先の選び方を四半期ごとに報告してください。");
        await bureau.MarkPlanFollowedAsync(Osaka, "27010", 2026);

        Assert.Equal(12, await yearly.RunAsync(Admin, 2026));   // idempotent: the year's results replaced, the follow-up kept
        var after = (await yearly.OfOwnOfficeAsync(e.Staff1 with { OfficeId = e.OsakaHigashi.Id }, 2026))!;
        Assert.Equal(("事業所訪問を月30社に増やす。", "訪問先の選び方を四半期ごとに報告してください。", true),
            (after.ImprovementPlan, after.BureauComment, after.PlanFollowedAt is not null));
        Assert.Equal(12, await e.World.ArrangeAsync(db => db.OfficeEvaluations.CountAsync(x => x.FiscalYear == 2026)));

        // A rewritten plan is followed again.
        await yearly.WritePlanAsync(e.Supervisor2, 2026, "事業所訪問を月40社に増やす。");
        Assert.Null((await yearly.OfOwnOfficeAsync(e.Supervisor2, 2026))!.PlanFollowedAt);

        Assert.Equal([NoticeKind.ImprovementPlanReviewed, NoticeKind.ImprovementPlanReviewed],
            (await NoticesAsync(e, Recipients.Office(e.OsakaHigashi.Id))).Select(n => n.Kind));
        var runs = await e.World.ArrangeAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditActions.EvaluationRun).ToListAsync());
        Assert.Equal(2, runs.Count);
        Assert.Equal(2, await e.World.ArrangeAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.ImprovementPlanReviewed)));
    }

    [Fact]
    public async Task The_office_records_its_chosen_priority_items_and_the_bureau_and_the_yearly_evaluation_count_them()
    {
        await using var e = await EvaluationWorld.CreateAsync(EvaluationWorld.Now.AddMonths(-2));   // March 2027, fiscal year 2026
        var targets = new EvaluationTargets(e.World.Ops);
        await targets.SetAsync(e.Supervisor1, new TargetInput(2026, 3, 2, 1, 50m, [], [PriorityItem.EstablishmentVisits, PriorityItem.LocalGovernmentCooperation]));
        var day = new DateOnly(2027, 2, 10);

        // Any staff of the office records; an item not chosen, a future day, no count or no note are refused next to their field and change nothing.
        Assert.Equal("Item", (await Assert.ThrowsAsync<DomainException>(() =>
            targets.RecordItemAsync(e.Staff1, new PriorityItemInput(PriorityItem.CaseManagers, day, 1, "担当者制")))).Field);
        Assert.Equal("Date", (await Assert.ThrowsAsync<DomainException>(() =>
            targets.RecordItemAsync(e.Staff1, new PriorityItemInput(PriorityItem.EstablishmentVisits, new DateOnly(2027, 4, 1), 1, "訪問")))).Field);
        Assert.Equal("Count", (await Assert.ThrowsAsync<DomainException>(() =>
            targets.RecordItemAsync(e.Staff1, new PriorityItemInput(PriorityItem.EstablishmentVisits, day, 0, "訪問")))).Field);
        Assert.Equal("Note", (await Assert.ThrowsAsync<DomainException>(() =>
            targets.RecordItemAsync(e.Staff1, new PriorityItemInput(PriorityItem.EstablishmentVisits, day, 3, " ")))).Field);
        Assert.Equal("Item", (await Assert.ThrowsAsync<DomainException>(() =>   // 大阪東 chose nothing
            targets.RecordItemAsync(e.Supervisor2, new PriorityItemInput(PriorityItem.EstablishmentVisits, day, 3, "訪問")))).Field);
        await Assert.ThrowsAsync<ScopeException>(() => targets.RecordItemAsync(Tokyo, new PriorityItemInput(PriorityItem.EstablishmentVisits, day, 3, "訪問")));
        Assert.Equal(0, await e.World.ArrangeAsync(db => db.PriorityItemRecords.CountAsync()));

        await targets.RecordItemAsync(e.Staff1, new PriorityItemInput(PriorityItem.EstablishmentVisits, day, 12, "製造業の求人事業所を訪問し、求人条件を助言"));
        await targets.RecordItemAsync(e.Supervisor1, new PriorityItemInput(PriorityItem.EstablishmentVisits, day.AddDays(7), 8, "新規求人事業所の開拓訪問"));
        var tally = await targets.ItemsOfOwnOfficeAsync(e.Staff1, 2026);
        Assert.Equal([(PriorityItem.EstablishmentVisits, 2, 20), (PriorityItem.LocalGovernmentCooperation, 0, 0)], tally.Select(t => (t.Item, t.Records, t.Total)));
        Assert.Empty(await targets.ItemsOfOwnOfficeAsync(e.Supervisor2, 2026));   // 大阪東 sees its own only (R-ACC-4)

        var line = (await Oversight(e).OfficeAsync(Tokyo, "13010", 2026))!.Line;
        Assert.Equal(20, line.Items.Single(i => i.Item == PriorityItem.EstablishmentVisits).Total);
        Assert.Equal(2, (await NoticesAsync(e, Recipients.Bureau("東京都"))).Count(n => n.Kind == NoticeKind.PriorityItemRecorded));

        e.World.Clock.SetUtcNow(EvaluationWorld.Now);
        var yearly = new YearlyEvaluation(new OfficeFigures(e.World.Ops), new Survey(e.World.Ops), e.World.Ops);
        await yearly.RunAsync(Admin, 2026);
        var iidabashi = (await yearly.OfOwnOfficeAsync(e.Staff1, 2026))!;
        Assert.Equal((2, 1), (iidabashi.PriorityItemsChosen, iidabashi.PriorityItemsCarriedOut));   // visits carried out, cooperation not
        Assert.Equal(100.0m, iidabashi.PlacementsAchievement);   // the items are counted beside the score, which stays the achievement's
    }
}

using System.Text;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Common;
using HelloWork.Domain.Evaluation;
using HelloWork.Domain.Figures;
using HelloWork.Domain.Referrals;

namespace HelloWork.Tests.Domain.Evaluation;

/// <summary>
/// R-EVAL-1..4 and R-KPI-3, R-KPI-5 on <see cref="EvaluationWorld"/>: a month (November 2026) and the fiscal year 2026 of two offices counted by
/// hand — 就職者数, 求人充足数, 早期再就職件数, 紹介率 — then the targets, the publication (page data and CSV), the yearly 11-group evaluation and
/// the survey's satisfaction. The comments give the hand count.
/// </summary>
public sealed class EvaluationTests
{
    private static readonly int Nov = OfficeFigures.MonthIndex(new DateOnly(2026, 11, 1));

    private static async Task<EvaluationWorld> WithTargetsAndAnswersAsync()
    {
        var e = await EvaluationWorld.CreateAsync(EvaluationWorld.Now.AddMonths(-2));   // March 2027: the answers fall in fiscal year 2026
        var targets = new EvaluationTargets(e.World.Ops);
        await targets.SetAsync(e.Supervisor1, new TargetInput(2026, 3, 2, 1, 50m, [Indicators.RegularPlacements], [PriorityItem.EstablishmentVisits, PriorityItem.LocalGovernmentCooperation]));
        await targets.SetAsync(e.Supervisor2, new TargetInput(2026, 4, 2, 2, 50m, [], []));
        var survey = new Survey(e.World.Ops);
        foreach (var answer in new[] { 5, 5, 4, 3, 1 })
        {
            await survey.AnswerAsync("13010", SurveyOccasion.Appointment, answer);
        }
        await survey.AnswerAsync("27010", SurveyOccasion.Result, 5);
        await survey.AnswerAsync("27010", SurveyOccasion.Event, 4);
        e.World.Clock.SetUtcNow(EvaluationWorld.Now);
        return e;
    }

    [Fact]
    public async Task The_month_and_the_year_of_two_offices_match_the_hand_count()
    {
        await using var e = await EvaluationWorld.CreateAsync();
        var figures = new OfficeFigures(e.World.Ops);

        var iidabashi = await figures.YearAsync(e.Staff1, 2026);
        var nov = iidabashi.Months[Nov];
        Assert.Equal(1, nov.OffersAccepted);              // B
        Assert.Equal(2, nov.Placements);                  // P and Q through 飯田橋's referrals
        Assert.Equal(2, nov.FilledOffers);                // both into B, 飯田橋's offer
        Assert.Equal(1, nov.EarlyReemployments);          // P: 73 of 90 days left; Q: 4 of 180 left
        Assert.Equal((2, 3), (nov.ReferredJobseekers, nov.JobseekersInPeriod));   // P, Q of P, Q, S (R's registration ended 6/30)
        Assert.Equal(66.7m, nov.ReferralRate);            // 2 / 3, never above 100 % (R-EVAL-1)
        Assert.Equal((3, 0), (nov.ResultsOnlineHired + nov.ResultsOnlineNotHired, nov.ResultsStaffHired + nov.ResultsStaffNotHired));   // R-KPI-5: P, Q and the non-hire
        Assert.Equal(100.0m, Indicators.Get(Indicators.OnlineResultRate).Value(nov));
        var year = iidabashi.Year;
        Assert.Equal((2, 3, 3, 1), (year.OffersAccepted, year.Placements, year.FilledOffers, year.EarlyReemployments));   // A, B; R, P, Q
        Assert.Equal(75.0m, year.ReferralRate);           // R, P, Q of R, P, Q, S
        Assert.Equal((1, 1), (year.RegularOffers, year.RegularPlacements));   // A (正社員) and R hired into it
        Assert.Equal(1, iidabashi.Months[1].Placements);  // May: R
        Assert.False(iidabashi.Months[0].HasData);        // April: R registered, nothing counted: missing, not zero
        Assert.False(iidabashi.Months[2].HasData);        // June: R started work, but the hire counts on 5/30

        var osaka = await figures.YearAsync(e.Supervisor2, 2026);
        Assert.Equal((1, 1, 1, 1), (osaka.Months[Nov].OffersAccepted, osaka.Months[Nov].Placements, osaka.Months[Nov].FilledOffers, osaka.Months[Nov].EarlyReemployments));
        Assert.Equal(50.0m, osaka.Months[Nov].ReferralRate);   // T of T, V
        Assert.Equal((1, 1, 1, 50.0m), (osaka.Year.Placements, osaka.Year.FilledOffers, osaka.Year.EarlyReemployments, osaka.Year.ReferralRate));
    }

    [Fact]
    public void Early_reemployment_needs_two_thirds_of_the_prescribed_days_left_after_the_waiting_period()
    {
        var decided = new DateOnly(2026, 11, 1);
        // 90 days: at most 30 used; 7 days of 待期 come first.
        Assert.True(OfficeFigures.IsEarlyReemployment(new BenefitEligibility(true, 90, decided), decided.AddDays(37)));    // 30 used, 60 left
        Assert.False(OfficeFigures.IsEarlyReemployment(new BenefitEligibility(true, 90, decided), decided.AddDays(38)));   // 31 used, 59 left
        Assert.True(OfficeFigures.IsEarlyReemployment(new BenefitEligibility(true, 90, decided), decided.AddDays(3)));     // inside 待期: none used
        Assert.False(OfficeFigures.IsEarlyReemployment(new BenefitEligibility(true, 90, decided), decided.AddDays(-1)));   // hired before the decision
        Assert.False(OfficeFigures.IsEarlyReemployment(BenefitEligibility.None, decided.AddDays(10)));                       // no 受給資格
    }

    [Fact]
    public async Task The_publication_page_data_and_the_csv_show_the_hand_count_against_the_targets()
    {
        await using var e = await WithTargetsAndAnswersAsync();
        var publication = new Publication(new OfficeFigures(e.World.Ops), new Survey(e.World.Ops), e.World.Ops);

        var p = (await publication.OfficeAsync("13010", 2026))!;
        Assert.Equal(11, p.LatestMonthIndex);             // May 2027: the whole year is published (R-EVAL-2)
        var placements = p.Indicators.Single(i => i.Indicator.Code == Indicators.Placements);
        Assert.Equal([null, 1m, null, null, null, null, null, 2m, null, null, null, null], placements.Months);   // months without data are missing
        Assert.Equal((3m, 3m, 100.0m), (placements.YearToDate!.Value, placements.Target!.Value, placements.Achievement!.Value));
        var early = p.Indicators.Single(i => i.Indicator.Code == Indicators.EarlyReemployments);
        Assert.Equal((1m, 1m, 100.0m), (early.YearToDate!.Value, early.Target!.Value, early.Achievement!.Value));
        var filled = p.Indicators.Single(i => i.Indicator.Code == Indicators.FilledOffers);
        Assert.Equal((3m, 2m, 150.0m), (filled.YearToDate!.Value, filled.Target!.Value, filled.Achievement!.Value));
        Assert.Contains(p.Indicators, i => i.Indicator.Code == Indicators.RegularPlacements);          // the chosen 所重点指標
        Assert.DoesNotContain(p.Indicators, i => i.Indicator.Code == Indicators.DisabledPlacements);  // not chosen
        Assert.Equal((5, 60.0m), (p.Satisfaction.Answers, p.Satisfaction.SatisfiedPercent));        // 5, 5, 4 of five (R-EVAL-4)

        var csv = Encoding.UTF8.GetString(Publication.Csv(p));
        Assert.Contains("placements,就職者数,主要指標,件,,1,,,,,,2,,,,,,3,3,100.0,", csv, StringComparison.Ordinal);
        Assert.Contains("filled_offers,求人充足数（受理地ベース）,主要指標,件,,1,,,,,,2,,,,,,3,2,150.0,", csv, StringComparison.Ordinal);
        Assert.Contains("early_reemployments,雇用保険受給者の早期再就職件数,主要指標,件,,0,,,,,,1,,,,,,1,1,100.0,", csv, StringComparison.Ordinal);
        Assert.Contains("referral_rate,紹介率,補助指標,%,,100.0,,,,,,66.7,,,,,,75.0,50.0,150.0,", csv, StringComparison.Ordinal);
        Assert.Contains("期間中に当所の紹介を受けた", csv, StringComparison.Ordinal);   // the definition travels with the data

        var osaka = (await publication.OfficeAsync("27010", 2026))!;
        Assert.Equal((2, (decimal?)null), (osaka.Satisfaction.Answers, osaka.Satisfaction.SatisfiedPercent));   // under five answers: not shown
        Assert.Contains("early_reemployments,雇用保険受給者の早期再就職件数,主要指標,件,,,,,,,,1,,,,,,1,2,50.0,",
            Encoding.UTF8.GetString(Publication.Csv(osaka)), StringComparison.Ordinal);

        var tokyo = (await publication.PrefectureAsync("東京都", 2026))!;
        Assert.Equal(11, tokyo.Offices.Count);            // 飯田橋 and the ten without data
        Assert.Null(tokyo.Offices.Single(o => o.OfficeCode == "13020").Main[0].YearToDate);   // no data: missing, not 0
        Assert.Null(await publication.OfficeAsync("99999", 2026));
    }

    [Fact]
    public async Task The_yearly_evaluation_groups_eleven_ways_rates_four_levels_and_flags_the_office_under_the_threshold()
    {
        await using var e = await WithTargetsAndAnswersAsync();
        var yearly = new YearlyEvaluation(new OfficeFigures(e.World.Ops), new Survey(e.World.Ops), e.World.Ops);

        await Assert.ThrowsAsync<ScopeException>(() => yearly.RunAsync(e.Supervisor1, 2026));   // administrators run it
        var admin = new Actor(Guid.NewGuid(), Roles.Admin, "管理者");
        Assert.Equal(ErrorCodes.OutOfRange, (await Assert.ThrowsAsync<DomainException>(() => yearly.RunAsync(admin, 2027))).Code);   // not over yet
        Assert.Equal(12, await yearly.RunAsync(admin, 2026));

        var results = await yearly.ResultsAsync(2026);
        Assert.Equal(11, results.Select(r => r.Group).Distinct().Count());
        var iidabashi = results.Single(r => r.OfficeId == e.Iidabashi.Id);
        var osaka = results.Single(r => r.OfficeId == e.OsakaHigashi.Id);
        // Workload: 飯田橋 2 offers + 4 jobseekers = 6, 大阪東 1 + 2 = 3, the rest 0: ranks 0 and 1 of 12 → group ⌊0×11/12⌋+1 = ⌊1×11/12⌋+1 = 1.
        Assert.Equal((1, 6, 1, 3), (iidabashi.Group, iidabashi.Workload, osaka.Group, osaka.Workload));
        // 飯田橋: placements 3/3 = 100, filled 3/2 = 150 (cap), early 1/1 = 100, 紹介率 75/50 = 150, satisfaction 60 → 560 / 5 = 112.0.
        Assert.Equal((100.0m, 150.0m, 100.0m, 150.0m, 60.0m), (iidabashi.PlacementsAchievement!.Value, iidabashi.FilledOffersAchievement!.Value,
            iidabashi.EarlyReemploymentsAchievement!.Value, iidabashi.ReferralRateAchievement!.Value, iidabashi.Satisfaction!.Value));
        Assert.Equal(112.0m, iidabashi.Score);
        // 大阪東: 1/4 = 25, 1/2 = 50, 1/2 = 50, 50/50 = 100, two answers only → 225 / 4 = 56.25 → 56.3.
        Assert.Equal(56.3m, osaka.Score);
        Assert.Null(osaka.Satisfaction);
        Assert.Equal((1, EvaluationLevel.Excellent, false), (iidabashi.RankInGroup, iidabashi.Level, iidabashi.NeedsPlan));
        Assert.Equal((2, EvaluationLevel.Standard, true), (osaka.RankInGroup, osaka.Level, osaka.NeedsPlan));   // ⌊1×4/2⌋ = 2; 56.3 < 80

        var years = new YearlyEvaluation(new OfficeFigures(e.World.Ops), new Survey(e.World.Ops), e.World.Ops);
        Assert.Equal(ErrorCodes.InvalidChoice, (await Assert.ThrowsAsync<DomainException>(() => years.WritePlanAsync(e.Supervisor1, 2026, "計画"))).Code);   // not under the threshold
        await Assert.ThrowsAsync<ScopeException>(() => years.WritePlanAsync(e.Staff1 with { OfficeId = e.OsakaHigashi.Id }, 2026, "計画"));   // supervisors only
        await years.WritePlanAsync(e.Supervisor2, 2026, "事業所訪問を月30社に増やし、求人充足を図る。");
        Assert.Equal(12, await yearly.RunAsync(admin, 2026));   // a second run keeps the plan of an office still under the threshold
        var published = (await new Publication(new OfficeFigures(e.World.Ops), new Survey(e.World.Ops), e.World.Ops).OfficeAsync("27010", 2026))!.Evaluation!;
        Assert.Equal(("標準的な成果", true, "事業所訪問を月30社に増やし、求人充足を図る。"), (published.LevelLabel, published.NeedsPlan, published.ImprovementPlan));
    }

    [Fact]
    public async Task Targets_are_set_by_the_offices_supervisor_and_bad_input_changes_nothing()
    {
        await using var e = await EvaluationWorld.CreateAsync();
        var targets = new EvaluationTargets(e.World.Ops);
        await Assert.ThrowsAsync<ScopeException>(() => targets.SetAsync(e.Staff1, new TargetInput(2026, 3, 2, 1, 50m, [], [])));
        Assert.Equal("ReferralRateTarget", (await Assert.ThrowsAsync<DomainException>(() =>
            targets.SetAsync(e.Supervisor1, new TargetInput(2026, 3, 2, 1, 120m, [], [])))).Field);
        Assert.Equal("PriorityIndicators", (await Assert.ThrowsAsync<DomainException>(() =>
            targets.SetAsync(e.Supervisor1, new TargetInput(2026, 3, 2, 1, 50m, [Indicators.Placements], [])))).Field);   // a 主要指標 is not a 所重点指標
        Assert.Null(await targets.OfOwnOfficeAsync(e.Supervisor1, 2026));
        await targets.SetAsync(e.Supervisor1, new TargetInput(2026, 3, 2, 1, 50m, [Indicators.DisabledPlacements], [PriorityItem.CaseManagers]));
        var saved = (await targets.OfOwnOfficeAsync(e.Staff1, 2026))!;
        Assert.Equal(3, saved.PlacementsTarget);
        Assert.Equal([Indicators.DisabledPlacements], saved.PriorityIndicatorCodes);
        Assert.Equal([PriorityItem.CaseManagers], saved.ChosenItems);
        Assert.Null(await targets.OfOwnOfficeAsync(e.Supervisor2, 2026));   // 大阪東 sees its own targets only (R-ACC-4)
    }
}

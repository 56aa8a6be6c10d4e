using HelloWork.Domain.Accounts;
using HelloWork.Domain.Common;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Referrals;
using HelloWork.Tests.Support;
using Microsoft.EntityFrameworkCore;

using HelloWork.Tests.Browser;

namespace HelloWork.Tests.Domain.Staff;

/// <summary>R-REF-2, R-UI-1: matching suggestions rank the office's full, valid jobseekers and say why.</summary>
public sealed class MatchingTests
{
    private static readonly OfferFacts Offer = new("0101", "一般事務", "東京都", WageForm.Monthly, 250_000, 9 * 60, 18 * 60);

    private static CandidateFacts Candidate(string? code = "0101", string occupation = "一般事務", string pref = "東京都", int? wage = 240_000, string? hours = "9:00〜18:00") =>
        new(Guid.NewGuid(), code, occupation, pref, wage, hours);

    [Fact]
    public void A_full_match_scores_every_point_with_a_good_reason_for_each_part()
    {
        var (score, reasons) = Matching.Score(Offer with { Municipality = "千代田区" },
            Candidate(wage: 200_000) with { Municipality = "千代田区", EmploymentType = "正社員" });

        Assert.Equal(Matching.MaxScore, score);
        Assert.Equal(["OccupationCode", "Municipality", "WageMeets", "HoursWithin", "TypeMatches"], reasons.Select(r => r.Code));
        Assert.All(reasons, r => Assert.True(r.Good));
    }

    [Fact]
    public void The_reasons_say_what_does_not_fit()
    {
        var (score, reasons) = Matching.Score(Offer, Candidate(code: "0505", occupation: "調理", pref: "大阪府", wage: 400_000, hours: "19:00〜23:00") with { EmploymentType = "パート" });

        Assert.Equal(0, score);
        Assert.Equal(["OccupationDiffers", "PrefectureDiffers", "WageBelow", "HoursOutside", "TypeDiffers"], reasons.Select(r => r.Code));
    }

    /// <summary>R-REF-2, issue 25: candidates who all "fit" used to score the same 55; each part is now graded, so the list ranks by how
    /// well they fit and never puts everyone on one score.</summary>
    [Fact]
    public void Candidates_who_all_fit_in_part_get_different_scores_by_how_well_they_fit()
    {
        var offer = Offer with { Municipality = "千代田区" };
        var candidates = new[]
        {
            Candidate(wage: 200_000) with { Municipality = "千代田区", EmploymentType = "正社員" },
            Candidate(wage: 240_000) with { EmploymentType = "正社員" },
            Candidate(code: "0109", occupation: "経理", wage: 250_000),
            Candidate(code: "0909", occupation: "営業", wage: 260_000, hours: "8:00〜17:00") with { MoreOccupations = ["事務"] },
            Candidate(code: "0505", occupation: "調理", pref: "神奈川県", wage: 270_000, hours: "10:00〜19:00") with { MoreAreas = ["東京都"] },
        };

        var scores = candidates.Select(c => Matching.Score(offer, c).Score).ToList();

        Assert.Equal(scores.Count, scores.Distinct().Count());
        Assert.Equal(scores.OrderByDescending(x => x), scores); // listed from the best fit down
        Assert.All(scores, x => Assert.InRange(x, 1, Matching.MaxScore));
    }

    [Theory]
    [InlineData(null, "WageOpen", Matching.WageOpenPoints)]
    [InlineData(250_000, "WageMeets", Matching.WageMeetsPoints)]
    [InlineData(230_000, "WageMeets", 17)] // 108 % of the wish
    [InlineData(200_000, "WageMeets", Matching.WagePoints)] // 125 %: capped
    [InlineData(270_000, "WageNear", 5)] // 92 %
    [InlineData(255_000, "WageNear", 11)] // 98 %
    [InlineData(300_000, "WageBelow", 0)] // 83 %
    public void Wage_wishes_score_by_how_close_the_offer_comes(int? wish, string code, int points)
    {
        var reason = Matching.Score(Offer, Candidate(wage: wish)).Reasons.Single(r => r.Code.StartsWith("Wage", StringComparison.Ordinal));

        Assert.Equal((code, points), (reason.Code, reason.Points));
    }

    [Theory]
    [InlineData("9:00〜18:00", "HoursWithin", Matching.HoursPoints)]
    [InlineData("8:00〜22:00", "HoursWithin", Matching.HoursPoints)]
    [InlineData("13:30〜18:00", "HoursPartly", 3)] // half the shift: 7 × 270 / 540
    [InlineData("10:00〜18:00", "HoursPartly", 6)]
    [InlineData("18:00〜22:00", "HoursOutside", 0)]
    [InlineData(null, "HoursOpen", Matching.HoursOpenPoints)]
    public void Hours_score_by_the_share_of_the_shift_inside_the_wished_window(string? hours, string code, int points)
    {
        var reason = Matching.Score(Offer, Candidate(hours: hours)).Reasons.Single(r => r.Code.StartsWith("Hours", StringComparison.Ordinal));

        Assert.Equal((code, points), (reason.Code, reason.Points));
    }

    [Theory]
    [InlineData("0101", "一般事務", "OccupationCode", Matching.OccupationCodePoints)]
    [InlineData(null, "事務", "OccupationTitle", Matching.OccupationTitlePoints)]
    [InlineData("0109", "経理", "OccupationGroup", Matching.OccupationGroupPoints)]
    [InlineData("0909", "営業", "OccupationDiffers", 0)]
    public void Occupation_scores_the_code_the_name_then_the_major_group(string? code, string occupation, string reasonCode, int points)
    {
        var reason = Matching.Score(Offer, Candidate(code: code, occupation: occupation)).Reasons[0];

        Assert.Equal((reasonCode, points), (reason.Code, reason.Points));
    }

    [Fact]
    public void Second_and_third_wishes_count_for_less_than_the_first()
    {
        var reasons = Matching.Score(Offer, Candidate(code: "0909", occupation: "営業", pref: "神奈川県") with { MoreOccupations = ["事務"], MoreAreas = ["東京都"] }).Reasons;

        Assert.Equal(("OccupationMoreWish", Matching.OccupationMoreWishPoints), (reasons[0].Code, reasons[0].Points));
        Assert.Equal(("PrefectureMoreWish", Matching.PrefectureMoreWishPoints), (reasons[1].Code, reasons[1].Points));
    }

    [Theory]
    [InlineData("正社員", EmploymentType.Regular, "TypeMatches")]
    [InlineData("パート", EmploymentType.NonRegular, "TypeMatches")]
    [InlineData("派遣", EmploymentType.FixedTermDispatch, "TypeMatches")]
    [InlineData("正社員", EmploymentType.NonRegular, "TypeDiffers")]
    [InlineData("いずれでもよい", EmploymentType.NonRegular, "TypeOpen")]
    public void The_employment_type_wish_is_compared_with_the_offer(string wish, EmploymentType offered, string code)
    {
        var reason = Matching.Score(Offer with { EmploymentType = offered }, Candidate() with { EmploymentType = wish }).Reasons[4];

        Assert.Equal(code, reason.Code);
    }

    [Fact]
    public void Hourly_and_daily_wages_are_compared_as_monthly_amounts()
    {
        Assert.Equal(1_200 * 8 * 21, Matching.MonthlyEquivalent(WageForm.Hourly, 1_200));
        Assert.Equal(10_000 * 21, Matching.MonthlyEquivalent(WageForm.Daily, 10_000));
        Assert.Equal(300_000, Matching.MonthlyEquivalent(WageForm.Annual, 3_600_000));
    }

    [Theory]
    [InlineData("9:00〜18:00", 540, 1080)]
    [InlineData("8：30~17：30", 510, 1050)]
    [InlineData("平日のみ", null, null)]
    public void Desired_hours_are_read_as_a_window(string text, int? start, int? end)
    {
        var window = Matching.ParseHours(text);

        Assert.Equal(start, window?.Start);
        Assert.Equal(end, window?.End);
    }

    [Fact]
    public void A_title_match_ranks_below_a_code_match_and_ties_go_to_the_registration_that_expires_first()
    {
        MatchSuggestion S(string name, CandidateFacts c, DateOnly until)
        {
            var (score, reasons) = Matching.Score(Offer, c);
            return new MatchSuggestion(c.JobseekerId, name, name, null, 30, c.Occupation, c.Prefecture, c.MonthlyWage, c.Hours, until, score, reasons);
        }
        var ranked = Matching.Rank(
        [
            S("title", Candidate(code: null), new DateOnly(2027, 1, 31)),
            S("code-late", Candidate(), new DateOnly(2027, 1, 31)),
            S("code-early", Candidate(), new DateOnly(2026, 12, 31)),
            S("other-pref", Candidate(pref: "大阪府"), new DateOnly(2026, 12, 31)),
        ], 10);

        Assert.Equal(["code-early", "code-late", "title", "other-pref"], ranked.Select(r => r.Name));
    }

    [Fact]
    public async Task Suggestions_leave_out_online_only_other_offices_invalid_and_already_referred_jobseekers_and_the_view_is_audited()
    {
        await using var w = await DomainWorld.CreateAsync();
        var wishes = new JobseekerWishes { DesiredOccupation = "一般事務", DesiredPrefecture = "東京都" };
        var good = await w.JobseekerAsync("候補 一郎", w.Office1, wishes);
        await w.JobseekerAsync("他所 二郎", w.Office2, wishes);
        await w.JobseekerAsync("未登録 三郎", null, wishes);
        var invalid = await w.JobseekerAsync("無効 四郎", w.Office1, wishes);
        await w.Ops.RunAsync(StaffWorld.JobseekerActor(invalid), async x => (await x.Db.Jobseekers.FirstAsync(j => j.Id == invalid.Id)).SetRegistrationActive(false, x.Now));
        await w.ReferAsync(w.Offer1, w.Jobseeker1, w.Office1);

        var suggestions = await new Matching(w.Ops).SuggestAsync(w.StaffActor1, w.Offer1.Id);

        Assert.Equal([good.Id], suggestions.Select(s => s.JobseekerId));
        Assert.True(await w.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "MatchingViewed" && a.SubjectId == w.Offer1.Id)));
    }
}

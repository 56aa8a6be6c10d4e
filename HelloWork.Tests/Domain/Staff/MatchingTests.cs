using HelloWork.Domain.Accounts;
using HelloWork.Domain.Common;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Referrals;
using HelloWork.Tests.Support;
using Microsoft.EntityFrameworkCore;

using HelloWork.Tests.Browser;

namespace HelloWork.Tests.Domain.Staff;

/// <summary>R-REF-2: matching suggestions rank the office's full, valid jobseekers and say why.</summary>
public sealed class MatchingTests
{
    private static readonly OfferFacts Offer = new("0101", "一般事務", "東京都", WageForm.Monthly, 250_000, 9 * 60, 18 * 60);

    private static CandidateFacts Candidate(string? code = "0101", string occupation = "一般事務", string pref = "東京都", int? wage = 240_000, string? hours = "9:00〜18:00") =>
        new(Guid.NewGuid(), code, occupation, pref, wage, hours);

    [Fact]
    public void A_full_match_scores_every_point_with_a_good_reason_for_each()
    {
        var (score, reasons) = Matching.Score(Offer, Candidate());

        Assert.Equal(Matching.OccupationCodePoints + Matching.PrefecturePoints + Matching.WagePoints + Matching.HoursPoints, score);
        Assert.Equal(["OccupationCode", "Prefecture", "WageMeets", "HoursWithin"], reasons.Select(r => r.Code));
        Assert.All(reasons, r => Assert.True(r.Good));
    }

    [Fact]
    public void The_reasons_say_what_does_not_fit()
    {
        var (score, reasons) = Matching.Score(Offer, Candidate(code: "0505", occupation: "調理", pref: "大阪府", wage: 400_000, hours: "13:00〜17:00"));

        Assert.Equal(0, score);
        Assert.Equal(["OccupationDiffers", "PrefectureDiffers", "WageBelow", "HoursOutside"], reasons.Select(r => r.Code));
    }

    [Theory]
    [InlineData(270_000, "WageNear", Matching.WageNearPoints)]
    [InlineData(250_000, "WageMeets", Matching.WagePoints)]
    [InlineData(null, "WageOpen", Matching.WageOpenPoints)]
    public void Wage_wishes_score_by_how_close_the_offer_comes(int? wish, string code, int points)
    {
        var reason = Matching.Score(Offer, Candidate(wage: wish)).Reasons.Single(r => r.Code.StartsWith("Wage", StringComparison.Ordinal));

        Assert.Equal((code, points), (reason.Code, reason.Points));
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

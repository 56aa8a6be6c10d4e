using System.Text.Json;
using HelloWork.Domain.Common;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.JobOffers.Law;
using HelloWork.Tests.Support;
using HelloWork.Web.Components.Pages.Employer.Offers.Entry;
using Microsoft.EntityFrameworkCore;

using HelloWork.Tests.Browser;
using HelloWork.Tests.Host.Http;

namespace HelloWork.Tests.Domain.Employers;

/// <summary>一時保存 behaves as a temporary save (REFERENCE.md: the offer is saved at every step; R-JOB-1, R-ERR-1): a half-filled screen is
/// kept and what is still missing comes back as information; a value wrong in itself is still refused and changes nothing; 次へ and
/// 申込み keep the full check; an empty number stays empty; only the offer's own establishment may save it (R-ACC-4).</summary>
public sealed class OfferDraftTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A fresh offer as the employer creates it (prefilled with the establishment's details only).</summary>
    private static async Task<(DomainWorld World, JobOfferService Offers, Guid Draft)> NewDraftAsync()
    {
        var world = await DomainWorld.CreateAsync();
        var offers = new JobOfferService(world.Ops);
        var draft = await offers.CreateDraftAsync(world.EmployerActor1, ct: Ct);
        return (world, offers, draft);
    }

    private static async Task<JobOffer> ReadAsync(DomainWorld world, Guid id) =>
        await world.WithDbAsync(db => db.JobOffers.AsNoTracking().FirstAsync(o => o.Id == id, Ct));

    /// <summary>Every screen as the entry form sends it when the employer has typed nothing at all: empty texts, empty numbers and times.</summary>
    private static JobSheet Blank(JobSheet s) => s with
    {
        Basics = s.Basics with { Industry = "" },
        Establishment = new OfferEstablishment(),
        Work = new OfferWork { Education = "" },
        Wages = new OfferWages(),
        Hours = new OfferHours
        {
            Start = null, End = null, DaysPerWeek = null, BreakMinutes = null, AnnualHolidays = null, PaidLeaveAfterSixMonths = null, Holidays = "",
        },
        Conditions = new OfferConditions(),
        Company = new OfferCompany(),
        Selection = new OfferSelection { Openings = null, ResultWithinDays = null },
    };

    [Fact]
    public async Task A_half_filled_screen_is_kept_by_the_temporary_save_and_what_is_missing_comes_back_as_information()
    {
        var (world, offers, draft) = await NewDraftAsync();
        await using var _ = world;
        var sheet = (await ReadAsync(world, draft)).Sheet;
        var half = sheet with { Work = sheet.Work with { JobTitle = "ルート配送スタッフ", WorkplacePrefecture = "東京都" } };

        var result = await offers.SaveDraftAsync(world.EmployerActor1, draft, half, 3, Ct);

        Assert.True(result.Saved);
        Assert.Empty(result.Wrong);
        Assert.Contains(result.Missing, f => f.Field == "Work.Description" && f.Code == "Required");
        Assert.Contains(result.Missing, f => f.Field == "Work.WorkplaceAddress" && f.Code == "Required");
        Assert.Contains(result.Missing, f => f.Field == "Work.Smoking" && f.Code == "SmokingMeasureRequired");
        Assert.DoesNotContain(result.Missing, f => f.Field == "Work.JobTitle");
        var saved = await new EmployerOffers(world.Ops).GetAsync(world.EmployerActor1, draft, Ct);
        Assert.Equal(("ルート配送スタッフ", "東京都", ""), (saved!.Sheet.Work.JobTitle, saved.Sheet.Work.WorkplacePrefecture, saved.Sheet.Work.Description));
        Assert.Equal("ルート配送スタッフ", (await ReadAsync(world, draft)).Title);
        Assert.False(saved.CanSubmit);
    }

    [Fact]
    public async Task Every_screen_left_completely_empty_can_still_be_saved_as_a_draft()
    {
        var (world, offers, draft) = await NewDraftAsync();
        await using var _ = world;
        var blank = Blank((await ReadAsync(world, draft)).Sheet);
        for (var screen = 1; screen <= EmployerOffers.EntryScreens; screen++)
        {
            var result = await offers.SaveDraftAsync(world.EmployerActor1, draft, blank, screen, Ct);
            Assert.True(result.Saved, $"screen {screen}: {string.Join(", ", result.Wrong.Select(f => $"{f.Field} {f.Code}"))}");
        }
        Assert.Equal(JsonSerializer.Serialize(blank), JsonSerializer.Serialize((await ReadAsync(world, draft)).Sheet));
        // The empty sheet misses something on every screen but 6 (保険・年金・定年等 has no required entry); nothing of it is wrong in itself.
        var all = JobSheetChecks.Check(blank, LawContext.On(JapanTime.DateOf(world.Ops.Clock.GetUtcNow())));
        Assert.All(Enumerable.Range(1, EmployerOffers.EntryScreens).Where(screen => screen != 6), screen =>
            Assert.Contains(all, f => f.Missing && SheetForm.ScreenOf(f.Field) == screen));
        Assert.DoesNotContain(all, f => f.IsWrong);
    }

    [Fact]
    public async Task Next_keeps_the_full_check_and_refuses_the_same_half_filled_screen()
    {
        var (world, offers, draft) = await NewDraftAsync();
        await using var _ = world;
        var before = await ReadAsync(world, draft);
        var half = before.Sheet with { Wages = new OfferWages { BaseMin = 250_000 } };

        var step = await offers.SaveScreenAsync(world.EmployerActor1, draft, half, 4, Ct);

        Assert.False(step.Saved);
        Assert.Contains(step.Errors, f => f.Field == "Wages.BaseMax" && f.Code == "Required" && f.Missing);
        Assert.Equal(before.UpdatedAt, (await ReadAsync(world, draft)).UpdatedAt);
    }

    public static TheoryData<string, int, string, string> WrongInItself => new()
    {
        { "lower wage above upper", 4, "Wages.BaseMax", "RangeReversed" },
        { "negative wage", 4, "Wages.BaseMin", "MustBePositive" },
        { "malformed postal code", 2, "Establishment.PostalCode", "PostalCodeFormat" },
        { "malformed workplace postal code", 3, "Work.WorkplacePostalCode", "PostalCodeFormat" },
        { "days per week out of range", 5, "Hours.DaysPerWeek", "OutOfRange" },
        { "same start and end", 5, "Hours.End", "RangeReversed" },
        { "openings out of range", 8, "Selection.Openings", "OpeningsRange" },
        { "job title over its length", 3, "Work.JobTitle", "TooLong" },
        { "malformed phone", 8, "Selection.ContactPhone", "PhoneFormat" },
        { "fixed overtime of 0 yen", 4, "Wages.FixedOvertimeAmount", "FixedOvertimeNeedsAmount" },
    };

    /// <summary>The spoilt value sits in an otherwise empty screen: the missing entries do not hide it, and it still refuses.</summary>
    private static JobSheet Spoil(JobSheet blank, string what) => what switch
    {
        "lower wage above upper" => blank with { Wages = blank.Wages with { BaseMin = 300_000, BaseMax = 200_000 } },
        "negative wage" => blank with { Wages = blank.Wages with { BaseMin = -1 } },
        "malformed postal code" => blank with { Establishment = blank.Establishment with { PostalCode = "12-34567" } },
        "malformed workplace postal code" => blank with { Work = blank.Work with { WorkplacePostalCode = "abc" } },
        "days per week out of range" => blank with { Hours = blank.Hours with { DaysPerWeek = 9 } },
        "same start and end" => blank with { Hours = blank.Hours with { Start = new TimeOnly(9, 0), End = new TimeOnly(9, 0) } },
        "openings out of range" => blank with { Selection = blank.Selection with { Openings = 0 } },
        "job title over its length" => blank with { Work = blank.Work with { JobTitle = new string('あ', 101) } },
        "malformed phone" => blank with { Selection = blank.Selection with { ContactPhone = "電話ください" } },
        "fixed overtime of 0 yen" => blank with { Wages = blank.Wages with { FixedOvertime = true, FixedOvertimeAmount = 0 } },
        _ => throw new ArgumentOutOfRangeException(nameof(what)),
    };

    [Theory]
    [MemberData(nameof(WrongInItself))]
    public async Task A_value_wrong_in_itself_is_refused_by_the_temporary_save_and_nothing_changes(string what, int screen, string field, string code)
    {
        var (world, offers, draft) = await NewDraftAsync();
        await using var _ = world;
        var before = await ReadAsync(world, draft);

        var result = await offers.SaveDraftAsync(world.EmployerActor1, draft, Spoil(Blank(before.Sheet), what), screen, Ct);

        Assert.False(result.Saved);
        Assert.Contains(result.Wrong, f => f.Field == field && f.Code == code);
        var after = await ReadAsync(world, draft);
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
        Assert.Equal(JsonSerializer.Serialize(before.Sheet), JsonSerializer.Serialize(after.Sheet));
    }

    [Fact]
    public async Task Empty_numbers_and_times_stay_empty_after_save_and_reload()
    {
        var (world, offers, draft) = await NewDraftAsync();
        await using var _ = world;
        var sheet = (await ReadAsync(world, draft)).Sheet;
        var wages = sheet with { Wages = new OfferWages { BaseMin = 250_000, BaseMax = null, FixedAllowances = null } };
        Assert.True((await Save(wages, 4)).Saved);
        var hours = wages with { Hours = new OfferHours { Start = new TimeOnly(8, 30), End = null, AnnualHolidays = null, BreakMinutes = 0 } };
        Assert.True((await Save(hours, 5)).Saved);

        var saved = (await new EmployerOffers(world.Ops).GetAsync(world.EmployerActor1, draft, Ct))!.Sheet;
        Assert.Equal((250_000, (int?)null, (int?)null), (saved.Wages.BaseMin, saved.Wages.BaseMax, saved.Wages.FixedAllowances));
        Assert.Equal((new TimeOnly(8, 30), (TimeOnly?)null, (int?)null, 0), (saved.Hours.Start, saved.Hours.End, saved.Hours.AnnualHolidays, saved.Hours.BreakMinutes));
        // The entry form shows exactly what was typed: empty stays empty, 0 stays 0.
        var form = SheetForm.From(saved);
        Assert.Equal((250_000, (int?)null, (int?)null), (form.Wages.BaseMin, form.Wages.BaseMax, form.Wages.FixedAllowances));
        Assert.Equal((new TimeSpan(8, 30, 0), (TimeSpan?)null, (int?)null, 0), (form.Hours.Start, form.Hours.End, form.Hours.AnnualHolidays, form.Hours.BreakMinutes));
        Assert.Equal(JsonSerializer.Serialize(saved), JsonSerializer.Serialize(form.ToSheet()));

        async Task<ScreenSaveResult> Save(JobSheet s, int screen) => await offers.SaveDraftAsync(world.EmployerActor1, draft, s, screen, Ct);
    }

    [Fact]
    public async Task Submitting_an_incomplete_draft_is_refused_naming_what_is_missing()
    {
        var (world, offers, draft) = await NewDraftAsync();
        await using var _ = world;
        var sheet = (await ReadAsync(world, draft)).Sheet;
        Assert.True((await offers.SaveDraftAsync(world.EmployerActor1, draft, sheet with { Work = sheet.Work with { JobTitle = "事務" } }, 3, Ct)).Saved);

        var refused = await Assert.ThrowsAsync<DomainException>(() => offers.SubmitAsync(world.EmployerActor1, draft, Ct));

        Assert.Equal("OfferHasErrors", refused.Code);
        var missing = JobSheetChecks.Check((await ReadAsync(world, draft)).Sheet, LawContext.On(JapanTime.DateOf(world.Ops.Clock.GetUtcNow()))).Where(f => f.Level == FindingLevel.Error).ToList();
        Assert.NotEmpty(missing);
        Assert.All(missing, f => Assert.True(f.Missing, $"{f.Field} {f.Code}"));
        Assert.Contains(refused.Field, missing.Select(f => f.Field));
        Assert.Contains(missing, f => f.Field == "Work.Description");
        Assert.Contains(missing, f => f.Field == "Wages.BaseMin");
        var entry = await new EmployerOffers(world.Ops).GetAsync(world.EmployerActor1, draft, Ct);
        Assert.Equal(OfferStatus.Draft, entry!.Status);
        Assert.False(entry.CanSubmit);
    }

    [Fact]
    public async Task Another_establishments_employer_cannot_save_a_draft_of_this_offer()
    {
        var (world, offers, draft) = await NewDraftAsync();
        await using var _ = world;
        var before = await ReadAsync(world, draft);
        var theirs = before.Sheet with { Work = before.Sheet.Work with { JobTitle = "乗っ取り" } };

        await Assert.ThrowsAsync<ScopeException>(() => offers.SaveDraftAsync(world.EmployerActor2, draft, theirs, 3, Ct));

        var after = await ReadAsync(world, draft);
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
        Assert.Equal(JsonSerializer.Serialize(before.Sheet), JsonSerializer.Serialize(after.Sheet));
        // The owner still can.
        Assert.True((await offers.SaveDraftAsync(world.EmployerActor1, draft, theirs with { Work = theirs.Work with { JobTitle = "事務" } }, 3, Ct)).Saved);
    }
}

using HelloWork.Domain.Common;
using HelloWork.Domain.Data.Demo;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.JobOffers.Law;
using HelloWork.Tests.Support;
using Microsoft.EntityFrameworkCore;

using HelloWork.Tests.Browser;
using HelloWork.Tests.Host.Http;

namespace HelloWork.Tests.Domain.Employers;

/// <summary>The 8 entry screens saved one by one (REFERENCE.md) with red findings that refuse and orange ones that come back (R-ERR-1).</summary>
public sealed class OfferEntryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(DomainWorld World, JobOfferService Offers, Guid Draft, JobSheet Sheet)> DraftAsync()
    {
        var world = await DomainWorld.CreateAsync();
        var offers = new JobOfferService(world.Ops);
        var draft = await offers.CopyAsync(world.EmployerActor1, world.Offer1.Id, Ct);
        return (world, offers, draft, world.Offer1.Sheet);
    }

    public static TheoryData<string, int, string, string> BadInput => new()
    {
        { "negative wage", 4, "Wages.BaseMin", "MustBePositive" },
        { "absurd wage", 4, "Wages.BaseMax", "OutOfRange" },
        { "reversed wages", 4, "Wages.BaseMax", "RangeReversed" },
        { "zero openings", 8, "Selection.Openings", "OpeningsRange" },
        { "reversed ages", 3, "Work.AgeMax", "RangeReversed" },
        { "long description", 3, "Work.Description", "TooLong" },
        { "long station", 3, "Work.NearestStation", "TooLong" },
        { "long pr", 7, "Company.PrText", "TooLong" },
        { "long bonus", 4, "Wages.Bonus", "TooLong" },
        { "long schedule", 8, "Selection.SelectionSchedule", "TooLong" },
        { "age limit without reason", 3, "Work.AgeReason", "AgeLimitNeedsReason" },
        { "fixed overtime without hours", 4, "Wages.FixedOvertimeHours", "FixedOvertimeNeedsHours" },
        { "no smoking measure", 3, "Work.Smoking", "SmokingMeasureRequired" },
        { "self-application without name", 1, "Basics.OnlineSelfApplication", "SelfApplicationNeedsScope" },
        { "same start and end", 5, "Hours.End", "RangeReversed" },
        { "script website", 2, "Establishment.Website", "InvalidUrl" },
        { "more women than at the workplace", 7, "Company.EmployeesWomen", "MoreThanWorkplace" },
        { "more part-timers than at the workplace", 7, "Company.EmployeesPartTime", "MoreThanWorkplace" },
    };

    private static JobSheet Spoil(JobSheet s, string what)
    {
        var tenThousand = new string('あ', 10_000);
        return what switch
        {
            "negative wage" => s with { Wages = s.Wages with { BaseMin = -200_000 } },
            "absurd wage" => s with { Wages = s.Wages with { BaseMax = 2_000_000_000 } },
            "reversed wages" => s with { Wages = s.Wages with { BaseMin = 300_000, BaseMax = 200_000 } },
            "zero openings" => s with { Selection = s.Selection with { Openings = 0 } },
            "reversed ages" => s with { Work = s.Work with { AgeLimited = true, AgeMin = 40, AgeMax = 20, AgeException = AgeLimitException.CareerFormation, AgeReason = "長期勤続" } },
            "long description" => s with { Work = s.Work with { Description = tenThousand } },
            "long station" => s with { Work = s.Work with { NearestStation = tenThousand } },
            "long pr" => s with { Company = s.Company with { PrText = tenThousand } },
            "long bonus" => s with { Wages = s.Wages with { Bonus = tenThousand } },
            "long schedule" => s with { Selection = s.Selection with { SelectionSchedule = tenThousand } },
            "age limit without reason" => s with { Work = s.Work with { AgeLimited = true, AgeMax = 35, AgeException = AgeLimitException.CareerFormation, AgeReason = null } },
            "fixed overtime without hours" => s with { Wages = s.Wages with { FixedOvertime = true, FixedOvertimeAmount = 30_000, FixedOvertimeHours = null, FixedOvertimeNote = "超過分は追加で支給" } },
            "no smoking measure" => s with { Work = s.Work with { Smoking = PassiveSmokingMeasure.Unstated } },
            "self-application without name" => s with { Basics = s.Basics with { OnlineSelfApplication = true, Scope = PublicationScope.WithoutName } },
            "same start and end" => s with { Hours = s.Hours with { Start = new TimeOnly(9, 0), End = new TimeOnly(9, 0), ShiftWork = false } },
            "script website" => s with { Establishment = s.Establishment with { Website = "javascript:alert(1)" } },
            // うち女性 and うちパート count the 就業場所's people: within the company's total is not enough.
            "more women than at the workplace" => s with { Company = s.Company with { EmployeesTotal = 300, EmployeesAtWorkplace = 20, EmployeesWomen = 21 } },
            "more part-timers than at the workplace" => s with { Company = s.Company with { EmployeesTotal = 300, EmployeesAtWorkplace = 20, EmployeesPartTime = 25 } },
            _ => throw new ArgumentOutOfRangeException(nameof(what)),
        };
    }

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_is_refused_next_to_its_field_and_nothing_is_saved(string what, int screen, string field, string code)
    {
        var (world, offers, draft, sheet) = await DraftAsync();
        await using var _ = world;
        var before = await world.WithDbAsync(db => db.JobOffers.AsNoTracking().FirstAsync(o => o.Id == draft, Ct));

        var result = await offers.SaveScreenAsync(world.EmployerActor1, draft, Spoil(sheet, what), screen, Ct);

        Assert.False(result.Saved);
        Assert.Contains(result.Errors, f => f.Field == field && f.Code == code);
        var after = await world.WithDbAsync(db => db.JobOffers.AsNoTracking().FirstAsync(o => o.Id == draft, Ct));
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(before.Sheet), System.Text.Json.JsonSerializer.Serialize(after.Sheet));
    }

    [Fact]
    public async Task Markup_is_kept_as_text_and_warnings_come_back_while_the_screen_is_saved()
    {
        var (world, offers, draft, sheet) = await DraftAsync();
        await using var _ = world;
        var markup = "<img src=x onerror=alert(1)><b>急募</b>";
        var work = sheet with { Work = sheet.Work with { JobTitle = markup } };
        Assert.True((await offers.SaveScreenAsync(world.EmployerActor1, draft, work, 3, Ct)).Saved);

        // An orange finding (R-LAW-2: over 45 hours' overtime without the special clause) comes back while the screen is saved.
        var long_ = work with { Hours = work.Hours with { Overtime = true, OvertimeMonthlyAverage = 60, SpecialClause36 = false } };
        var result = await offers.SaveScreenAsync(world.EmployerActor1, draft, long_, 5, Ct);
        Assert.True(result.Saved);
        Assert.Contains(result.Warnings, f => f.Code == "OvertimeOver45NeedsSpecialClause" && f.Cite == Citations.OvertimeLimit);

        var entry = await new EmployerOffers(world.Ops).GetAsync(world.EmployerActor1, draft, Ct);
        Assert.Equal(markup, entry!.Sheet.Work.JobTitle);
        Assert.Equal(60, entry.Sheet.Hours.OvertimeMonthlyAverage);
        Assert.True(entry.CanSubmit);
    }

    [Fact]
    public async Task A_returned_offer_shows_its_correction_request_and_can_be_resubmitted()
    {
        var (world, offers, draft, sheet) = await DraftAsync();
        await using var _ = world;
        var reads = new EmployerOffers(world.Ops);
        await offers.SubmitAsync(world.EmployerActor1, draft, Ct);
        Assert.False((await reads.GetAsync(world.EmployerActor1, draft, Ct))!.IsEditable);
        await Assert.ThrowsAsync<DomainException>(() => offers.SaveScreenAsync(world.EmployerActor1, draft, sheet, 1, Ct));

        await offers.ReturnAsync(world.StaffActor1, draft, "最寄り駅からの所要時間を記載してください。", Ct);
        var returned = await reads.GetAsync(world.EmployerActor1, draft, Ct);
        Assert.Equal(OfferStatus.Returned, returned!.Status);
        Assert.Equal("最寄り駅からの所要時間を記載してください。", returned.CorrectionRequest);
        Assert.True((await offers.SaveScreenAsync(world.EmployerActor1, draft, sheet with { Work = sheet.Work with { MinutesFromStation = 7 } }, 3, Ct)).Saved);
        await offers.SubmitAsync(world.EmployerActor1, draft, Ct); // R-JOB-1 resubmission
        await offers.AcceptAsync(world.StaffActor1, draft, Ct);
        var row = Assert.Single(await reads.ListAsync(world.EmployerActor1, Ct), r => r.Id == draft);
        Assert.Equal(OfferStatus.Published, row.Status);
        Assert.True(row.CanExtend);
    }

    [Fact]
    public async Task Demo_sheets_pass_every_red_check()
    {
        var rnd = new Random(3);
        for (var i = 0; i < 200; i++)
        {
            var sheet = SampleSheets.Build(rnd, Vocabulary.Occupations[i % Vocabulary.Occupations.Length], Vocabulary.Places[i % Vocabulary.Places.Length],
                "株式会社テスト", "テスト", "東京都千代田区1-1", 50);
            // Lawful on every date of the shipped minimum-wage table (R-LAW-1): before and after the 令和7年度 figures.
            foreach (var day in new[] { new DateOnly(2025, 6, 1), new DateOnly(2025, 10, 1), new DateOnly(2026, 4, 1) })
            {
                Assert.DoesNotContain(JobSheetChecks.Check(sheet, LawContext.On(day)), f => f.Level != FindingLevel.Warning || f.Cite is not null);
            }
        }
        await Task.CompletedTask;
    }
}

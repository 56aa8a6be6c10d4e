using HelloWork.Domain.JobOffers.Law;
using System.Globalization;
using System.Text.RegularExpressions;
using Bunit;
using HelloWork.Domain.Data.Demo;
using HelloWork.Domain.Documents.Pdf;
using HelloWork.Domain.JobOffers;
using HelloWork.Web.Components.Pages.Jobs;
using MudBlazor.Services;
using JobSheetDocument = HelloWork.Domain.Documents.JobSheets.JobSheet;

namespace HelloWork.Tests.Domain.Documents.JobSheets;

/// <summary>
/// One job-sheet model: the web 求人票 (rendered with bUnit) and the PDF (read back with PdfPig) are built from the same
/// <see cref="JobSheetView"/> and show the same labelled values, for generated sheets covering every 雇用期間, 賃金 and 手当 variant
/// and sheets with blanks; neither writes a unit without its number (R-JOB-8, R-UI-1 in both languages, R-ERR-1 no half-written
/// values, R-LIVE-1 not concerned: the sheet is static per version; R-LIVE-2, R-NTC-1, R-MSG-2, R-RES-4 are the issue's other parts).
/// </summary>
public sealed partial class JobSheetViewTests
{
    private static readonly PdfDocumentInfo Info = new("求人票", "ハローワーク品川", "HelloWork", new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(9)));

    /// <summary>24 sheets: every wage form, every shape of the base-pay range, of the fixed allowances and of 固定残業代, fixed and
    /// open terms with and without their details, and every fourth sheet stripped of everything optional.</summary>
    public static TheoryData<int> Sheets() => [.. Enumerable.Range(0, 24)];

    internal static JobSheet Generated(int i)
    {
        var rnd = new Random(1600 + i);
        var place = Vocabulary.Places[i % Vocabulary.Places.Length];
        var sheet = SampleSheets.Build(rnd, Vocabulary.Occupations[i % Vocabulary.Occupations.Length], place, "株式会社ひとつ商事", "カブシキガイシャヒトツショウジ",
            place.Prefecture + place.Municipality + place.Address, 40 + i);
        (int? Min, int? Max)[] pay = [(200_000, 250_000), (230_000, 230_000), (180_000, null), (null, 260_000), (null, null), (1_200, 1_500)];
        (int? Amount, string? Detail)[] allowances = [(30_000, "職務手当・住宅手当"), (15_000, null), (null, "資格手当（別途規定）"), (null, null), (0, null)];
        (bool On, int? Amount, int? Hours)[] overtime = [(true, 25_000, 15), (true, 30_000, null), (true, null, 20), (true, null, null), (false, null, null)];
        (bool Fixed, string? Term, string? Renewal)[] terms = [(false, null, null), (true, "1年", "あり（業務量により判断）"), (true, null, null), (true, "6か月", null)];
        var blank = i % 4 == 3;
        sheet = sheet with
        {
            Work = sheet.Work with
            {
                FixedTerm = terms[i % terms.Length].Fixed,
                ContractTerm = terms[i % terms.Length].Term,
                RenewalConditions = terms[i % terms.Length].Renewal,
                EmploymentType = (EmploymentType)(i % 4),
                AgeLimited = i % 3 == 0,
                AgeMin = i % 6 == 0 ? 18 : null,
                AgeMax = i % 3 == 0 && i % 9 != 0 ? 59 : null,
                AgeException = i % 3 == 0 ? AgeLimitException.RetirementAge : AgeLimitException.None,
                MinutesFromStation = blank ? null : sheet.Work.MinutesFromStation,
                NearestStation = blank ? null : sheet.Work.NearestStation,
                RequiredExperience = blank ? null : sheet.Work.RequiredExperience,
            },
            Wages = sheet.Wages with
            {
                Form = (WageForm)(i % 4),
                BaseMin = pay[i % pay.Length].Min,
                BaseMax = pay[i % pay.Length].Max,
                FixedAllowances = allowances[i % allowances.Length].Amount,
                FixedAllowancesDetail = allowances[i % allowances.Length].Detail,
                FixedOvertime = overtime[i % overtime.Length].On,
                FixedOvertimeAmount = overtime[i % overtime.Length].Amount,
                FixedOvertimeHours = overtime[i % overtime.Length].Hours,
                Commuting = blank ? null : sheet.Wages.Commuting,
                AnnualIncomeExample = blank ? null : sheet.Wages.AnnualIncomeExample,
            },
            Hours = blank
                ? sheet.Hours with
                {
                    Start = null, End = i % 8 == 3 ? new TimeOnly(17, 0) : null, DaysPerWeek = null, BreakMinutes = null, AnnualHolidays = null,
                    PaidLeaveAfterSixMonths = null, Overtime = true, OvertimeMonthlyAverage = null,
                }
                : sheet.Hours with { Overtime = i % 2 == 0, OvertimeMonthlyAverage = i % 2 == 0 ? 10 + i : null },
            Conditions = sheet.Conditions with { RetirementAge = blank ? null : sheet.Conditions.RetirementAge },
            Company = blank ? sheet.Company with { EmployeesTotal = null, EmployeesWomen = null, Capital = null, Founded = null } : sheet.Company,
            Selection = blank ? sheet.Selection with { Openings = null, ResultWithinDays = null, ContactFax = null } : sheet.Selection,
        };
        return sheet;
    }

    private static JobSheetSource Source(int i) => new(Generated(i))
    {
        JobNumber = i % 4 == 3 ? null : $"13010-{i + 1:00000000}",
        AcceptedOn = i % 4 == 3 ? null : new DateOnly(2026, 11, 20),
        ValidUntil = i % 4 == 3 ? null : new DateOnly(2027, 1, 31),
        OfficeName = "ハローワーク品川",
        EstablishmentNumber = "1301-000100-1",
        ShowsEmployerName = i % 5 != 4,
    };

    private static List<(string Field, string Label, string Value)> WebRows(JobSheetView view)
    {
        using var ctx = new BunitContext();
        ctx.Services.AddMudServices();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        var page = ctx.Render<JobSheetSections>(p => p.Add(c => c.View, view));
        return [.. page.FindAll(".sheet-row").Select(r => (r.GetAttribute("data-field") ?? "", r.QuerySelector("dt")!.TextContent, r.QuerySelector("dd")!.TextContent))];
    }

    [Theory]
    [MemberData(nameof(Sheets))]
    public void The_web_sheet_and_the_pdf_show_the_same_labelled_values_from_one_view(int i)
    {
        var source = Source(i);
        var view = JobSheetView.Of(source, JobSheetView.Japanese);
        var web = WebRows(view);
        using var pdf = new PdfInspector(JobSheetDocument.Render(view, Info));

        // The web shows exactly the rows with a value, labelled and written as the view writes them.
        var filled = view.Rows.Where(r => !r.IsBlank).ToList();
        Assert.Equal(filled.Select(r => (r.Key, r.Label, r.Value)), web);
        // The PDF prints every label of the form and every value, line by line (a cell's lines may be read apart from their neighbours).
        foreach (var row in view.Rows.Where(r => r.PrintedWhenBlank || !r.IsBlank))
        {
            pdf.AssertContains(row.Label);
            foreach (var line in row.Value.Split('\n'))
            {
                pdf.AssertContains(line);
            }
        }
        var sections = view.Sections.Select(s => pdf.Text.IndexOf(PdfInspector.Squeeze(s.Title), StringComparison.Ordinal)).ToList();
        Assert.All(sections, p => Assert.True(p >= 0));
        Assert.Equal(sections.Order(), sections);

        // 雇用期間 as entered, the same on both.
        var period = source.Sheet.Work.FixedTerm ? "雇用期間の定めあり" : "雇用期間の定めなし";
        var other = source.Sheet.Work.FixedTerm ? "定めなし" : "定めあり";
        Assert.Contains(period, Web(web, "Work.FixedTerm"), StringComparison.Ordinal);
        pdf.AssertContains(period);
        Assert.DoesNotContain(other, string.Concat(web.Select(r => r.Value)), StringComparison.Ordinal);
        Assert.DoesNotContain(other, pdf.Text, StringComparison.Ordinal);

        // No unit without its number, on either.
        AssertUnitsHaveNumbers(string.Join("\n", web.Select(r => r.Value)));
        AssertUnitsHaveNumbers(pdf.Text);
    }

    private static string Web(List<(string Field, string Label, string Value)> rows, string field) => rows.Single(r => r.Field == field).Value;

    private static void AssertUnitsHaveNumbers(string text)
    {
        string Around(Match m) => text.Substring(Math.Max(0, m.Index - 20), Math.Min(text.Length - Math.Max(0, m.Index - 20), 40));
        var yen = YenWithoutNumber().Match(text);
        Assert.False(yen.Success, $"円 without an amount: «{Around(yen)}»");
        var hours = HoursWithoutNumber().Match(text);
        Assert.False(hours.Success, $"時間 without a number: «{Around(hours)}»");
        Assert.DoesNotContain("月平均時間", PdfInspector.Squeeze(text), StringComparison.Ordinal);
        Assert.DoesNotContain("（〜", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_generated_sheets_cover_every_term_wage_and_allowance_variant_and_blanks()
    {
        var sheets = Enumerable.Range(0, 24).Select(Generated).ToList();

        Assert.Equal(Enum.GetValues<WageForm>().Order(), sheets.Select(s => s.Wages.Form).Distinct().Order());
        Assert.Contains(sheets, s => !s.Work.FixedTerm);
        Assert.Contains(sheets, s => s.Work.FixedTerm && s.Work.ContractTerm is not null && s.Work.RenewalConditions is not null);
        Assert.Contains(sheets, s => s.Work.FixedTerm && s.Work.ContractTerm is null);
        Assert.Contains(sheets, s => s.Wages.BaseMin is null && s.Wages.BaseMax is null);
        Assert.Contains(sheets, s => s.Wages.BaseMin is not null && s.Wages.BaseMax is null);
        Assert.Contains(sheets, s => s.Wages.FixedAllowances is null && s.Wages.FixedAllowancesDetail is not null);
        Assert.Contains(sheets, s => s.Wages.FixedAllowances > 0 && s.Wages.FixedAllowancesDetail is null);
        Assert.Contains(sheets, s => s.Wages.FixedOvertime && s.Wages.FixedOvertimeAmount is null && s.Wages.FixedOvertimeHours is null);
        Assert.Contains(sheets, s => s.Wages.FixedOvertime && s.Wages.FixedOvertimeAmount is not null && s.Wages.FixedOvertimeHours is null);
        Assert.Contains(sheets, s => s.Hours.Overtime && s.Hours.OvertimeMonthlyAverage is null);
        Assert.Contains(sheets, s => s.Hours.Start is null && s.Hours.BreakMinutes is null && s.Selection.Openings is null);
    }

    [Fact]
    public void Blank_numbers_are_blank_rows_not_units_and_the_pdf_keeps_their_boxes()
    {
        var sheet = new JobSheet
        {
            Wages = new OfferWages { FixedOvertime = true },
            Hours = new OfferHours { Start = null, End = null, DaysPerWeek = null, BreakMinutes = null, AnnualHolidays = null, PaidLeaveAfterSixMonths = null, Overtime = true },
            Selection = new OfferSelection { Openings = null, ResultWithinDays = null },
        };
        var view = JobSheetView.Of(sheet, JobSheetView.Japanese);

        Assert.Equal("", view.Row("Wages.BaseMin").Value);
        Assert.Equal("", view.Row("Wages.Total").Value);
        Assert.Equal("なし", view.Row("Wages.FixedAllowances").Value);
        Assert.Equal("あり\n固定残業時間を超える時間外労働分についての割増賃金は追加で支給", view.Row("Wages.FixedOvertime").Value);
        Assert.Equal("あり", view.Row("Hours.Overtime").Value);
        Assert.Equal("", view.Row("Hours.BreakMinutes").Value);
        Assert.Equal("", view.Row("Selection.Openings").Value);
        Assert.Equal("（受理前）", view.Row("Offer.JobNumber").Value);
        using var pdf = new PdfInspector(JobSheetDocument.Render(view, Info));
        pdf.AssertContains("休憩時間");
        AssertUnitsHaveNumbers(pdf.Text);
    }

    [Fact]
    public void In_english_the_same_rows_carry_english_labels_and_terms_and_the_entered_text_as_entered()
    {
        var sheet = Generated(1);
        var ja = JobSheetView.Of(sheet, JobSheetView.Japanese);
        var en = JobSheetView.Of(sheet, CultureInfo.GetCultureInfo("en"));

        Assert.Equal(ja.Rows.Select(r => r.Key), en.Rows.Select(r => r.Key));
        Assert.Equal("Employment period", en.Row("Work.FixedTerm").Label);
        Assert.StartsWith("Fixed term (1年)", en.Row("Work.FixedTerm").Value, StringComparison.Ordinal);
        Assert.Equal("雇用期間", ja.Row("Work.FixedTerm").Label);
        Assert.Equal(sheet.Work.JobTitle, en.Row("Work.JobTitle").Value);
        Assert.All(en.Sections, s => Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", s.Title));
        Assert.All(en.Rows, r => Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}|\p{IsHiragana}|\p{IsKatakana}", r.Label));
        Assert.Matches(@"^¥[\d,]+( – ¥[\d,]+)?$", en.Row("Wages.BaseMin").Value);
        var web = WebRows(en);
        Assert.Contains(web, r => r.Label == "Employment period" && r.Value.StartsWith("Fixed term", StringComparison.Ordinal));
    }

    [Fact]
    public void Rows_are_keyed_by_the_sheet_property_they_show_so_findings_land_beside_them()
    {
        var view = JobSheetView.Of(Generated(0), JobSheetView.Japanese);
        var properties = typeof(JobSheet).GetProperties()
            .SelectMany(section => section.PropertyType.GetProperties().Where(p => p.CanWrite).Select(p => $"{section.Name}.{p.Name}")).ToHashSet();

        Assert.All(view.Rows.SelectMany(r => r.Fields), f => Assert.Contains(f, properties));
        Assert.All(view.Rows.Where(r => !r.Key.StartsWith("Offer.", StringComparison.Ordinal) && r.Key is not ("Office.Name" or "Establishment.Number" or "Images"
            or "Wages.Total" or "Conditions.Insurance" or "Selection.Methods" or "Selection.Documents" or "Selection.Contact")), r => Assert.Contains(r.Key, r.Fields));
        Assert.Equal(view.Rows.Count(), view.Rows.Select(r => r.Key).Distinct().Count());
        // Every finding the entry checks can raise about a field is beside a row (JobSheetChecks uses the same paths).
        var findings = JobSheetChecks.Check(new JobSheet { Work = new OfferWork { AgeLimited = true, FixedTerm = true } }, LawContext.On(new DateOnly(2026, 12, 1)));
        Assert.All(findings, f => Assert.NotNull(view.RowShowing(f.Field)));
        Assert.Equal("Work.FixedTerm", view.RowShowing("Work.ContractTerm")!.Key);
    }

    // 円 must follow an amount (digits, or 万/千/億 of one); 時間 as a unit (15時間分, 月平均 15時間) must follow a number (所要時間 is a word).
    [GeneratedRegex(@"(?<![\d,万千億])円")]
    private static partial Regex YenWithoutNumber();

    [GeneratedRegex(@"(?<![\d.])時間(?=分|$|）)", RegexOptions.Multiline)]
    private static partial Regex HoursWithoutNumber();
}

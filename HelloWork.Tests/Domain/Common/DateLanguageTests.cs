using System.Globalization;
using HelloWork.Domain.Common;
using HelloWork.Domain.Documents.Pdf;
using HelloWork.Domain.Evaluation;
using HelloWork.Domain.Figures;

namespace HelloWork.Tests.Domain.Common;

/// <summary>R-UI-1, R-TIME-1: dates are written in the reader's language from one place (JapanTime.Format): 2026年11月23日 for a Japanese
/// reader, 23 Nov 2026 for one who chose English, always the Japan date; the forms (紹介状, 求人票 PDF) stay Japanese whoever prints them.</summary>
public sealed class DateLanguageTests
{
    private static T In<T>(string culture, Func<T> write)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return write();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }

    [Fact]
    public void A_Japanese_reader_reads_year_month_day_in_Japanese() =>
        Assert.Equal("2026年11月23日", In("ja-JP", () => JapanTime.Format(new DateOnly(2026, 11, 23))));

    [Fact]
    public void An_English_reader_reads_the_day_the_month_and_the_year_in_English() =>
        Assert.Equal("5 Jan 2027", In("en", () => JapanTime.Format(new DateOnly(2027, 1, 5))));

    [Fact]
    public void An_English_reader_reads_an_instant_as_its_Japan_date_and_time() =>
        Assert.Equal("23 Nov 2026 00:00", In("en-US", () => JapanTime.Format(new DateTimeOffset(2026, 11, 22, 15, 0, 0, TimeSpan.Zero))));

    [Fact]
    public void The_forms_write_Japanese_dates_even_for_an_English_reader()
    {
        Assert.Equal("2026年11月30日（月）", In("en", () => JapaneseFormat.DateWithWeekday(new DateOnly(2026, 11, 30))));
        Assert.Equal("2026年11月23日 00:00", In("en", () => JapanTime.Japanese(new DateTimeOffset(2026, 11, 22, 15, 0, 0, TimeSpan.Zero))));
    }

    [Fact]
    public void Months_of_figures_are_written_in_the_readers_language_and_the_scorecards_period_stays_Japanese()
    {
        var november = new DateOnly(2026, 11, 1);
        Assert.Equal(("2026年11月", "11月"), In("ja-JP", () => (JapanTime.Month(november), JapanTime.MonthOfYear(november))));
        Assert.Equal(("Nov 2026", "Nov"), In("en", () => (JapanTime.Month(november), JapanTime.MonthOfYear(november))));
        Assert.Equal(["2026年11月", "2026年度 第3四半期", "2026年度", "年度累計"], In("en", () => new[] { PeriodKind.Month, PeriodKind.Quarter, PeriodKind.Year, PeriodKind.YearToDate }
            .Select(p => OfficeFigures.PeriodLabel(p, p == PeriodKind.Quarter ? new DateOnly(2026, 10, 1) : p == PeriodKind.Month ? november : new DateOnly(2026, 4, 1))).ToArray()));
    }

    /// <summary>R-EVAL-1, R-UI-1: every indicator, kind and 所重点項目 has a Japanese name for the published documents and an English one for a
    /// reader who chose English, with no Japanese left in it; so has each of the yearly evaluation's four levels.</summary>
    [Fact]
    public void Every_indicator_kind_and_priority_item_has_its_name_in_both_languages()
    {
        var en = CultureInfo.GetCultureInfo("en");
        var ja = CultureInfo.GetCultureInfo("ja-JP");
        var english = Indicators.All.SelectMany(i => new[] { i.NameIn(en), i.DefinitionIn(en) })
            .Concat(Enum.GetValues<IndicatorKind>().Select(k => Indicators.KindLabel(k, en)))
            .Concat(Enum.GetValues<PriorityItem>().Select(i => PriorityItems.Label(i, en)))
            .Concat(Enum.GetValues<EvaluationLevel>().Select(l => OfficeEvaluation.LevelLabel(l, en))).ToList();
        Assert.All(english, t => Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}|\p{IsHiragana}|\p{IsKatakana}", t));
        Assert.Equal("就職者数", Indicators.Get(Indicators.Placements).NameIn(ja));
        Assert.Equal("就職者数", In("en", () => Indicators.Get(Indicators.Placements).Name));
        Assert.Equal("Placements", Indicators.Get(Indicators.Placements).NameIn(en));
        Assert.Equal("地方公共団体との連携の推進", PriorityItems.Label(PriorityItem.LocalGovernmentCooperation));
        Assert.Equal("主要指標", In("en", () => Indicators.KindLabel(IndicatorKind.Main)));
        Assert.Equal("成果向上のための取組が必要", OfficeEvaluation.LevelLabel(EvaluationLevel.NeedsEffort));
        Assert.Equal(Indicators.All.Count, Indicators.All.Select(i => i.NameIn(en)).Distinct().Count());
    }
}

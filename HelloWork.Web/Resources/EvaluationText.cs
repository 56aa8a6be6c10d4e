using System.Globalization;
using HelloWork.Domain.Common;
using HelloWork.Domain.Evaluation;
using HelloWork.Domain.Figures;
using Microsoft.Extensions.Localization;

namespace HelloWork.Web.Resources;

/// <summary>Strings of the ハローワーク総合評価 pages (EvaluationText.resx / EvaluationText.en.resx): the monthly publication, the yearly
/// evaluation, the questionnaire and the staff's targets.</summary>
public sealed class EvaluationText;

/// <summary>The evaluation's and the figures' own names on a page, in the reader's language. The names live in the domain
/// (IndicatorText.resx, beside the documents that print them in Japanese); periods are dates, written by <see cref="JapanTime"/>.</summary>
public static class EvaluationLabels
{
    public static string Name(this IStringLocalizer _, Indicator indicator) => indicator.NameIn(CultureInfo.CurrentUICulture);

    public static string Definition(this IStringLocalizer _, Indicator indicator) => indicator.DefinitionIn(CultureInfo.CurrentUICulture);

    public static string Kind(this IStringLocalizer _, IndicatorKind kind) => Indicators.KindLabel(kind, CultureInfo.CurrentUICulture);

    public static string Item(this IStringLocalizer _, PriorityItem item) => PriorityItems.Label(item, CultureInfo.CurrentUICulture);

    public static string Level(this IStringLocalizer _, EvaluationLevel level) => OfficeEvaluation.LevelLabel(level, CultureInfo.CurrentUICulture);

    /// <summary>A row of figures' period: 2026年11月 / Nov 2026, 2026年度 第3四半期 / FY 2026 Q3, 2026年度 / FY 2026, 年度累計 / Year to date.</summary>
    public static string Period(this IStringLocalizer<StaffText> t, PeriodKind period, DateOnly from) => period switch
    {
        PeriodKind.Month => JapanTime.Month(from),
        PeriodKind.Quarter => t["PeriodQuarter", OfficeFigures.FiscalYearOf(from), OfficeFigures.MonthIndex(from) / 3 + 1],
        PeriodKind.Year => t["FiscalYearLabel", OfficeFigures.FiscalYearOf(from)],
        _ => t["PeriodYearToDate"],
    };
}

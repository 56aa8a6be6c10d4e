using System.Globalization;
using HelloWork.Domain.Common;
using HelloWork.Domain.Figures;

namespace HelloWork.Web.Components.Pages.Evaluation;

/// <summary>How the publication shows its numbers: a missing value is a dash, never zero (R-EVAL-2).</summary>
public static class Show
{
    public static string Value(decimal? value, bool rate) => value is not { } v ? "—"
        : rate ? v.ToString("0.0", CultureInfo.InvariantCulture) + "%" : v.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>The fiscal year asked for, or the current one; years outside 2000–2100 fall back to the current one.</summary>
    public static int FiscalYear(int? asked, TimeProvider clock) => asked is >= 2000 and <= 2100 ? asked.Value : OfficeFigures.FiscalYearOf(clock.Today());
}

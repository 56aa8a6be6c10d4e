using System.Globalization;

namespace HelloWork.Domain.JobOffers;

/// <summary>One row of the 求人票 that differs between two versions, as the one sheet view writes it (R-CHG-1).</summary>
public sealed record SheetChange(string Key, string Section, string Label, string Old, string New);

/// <summary>The working conditions whose change jobseekers with an open application or referral are told of (R-CHG-2).</summary>
public enum ChangedTerm
{
    /// <summary>賃金</summary>
    Wage = 0,

    /// <summary>就業時間</summary>
    Hours = 1,

    /// <summary>就業場所</summary>
    Place = 2,

    /// <summary>雇用形態</summary>
    EmploymentType = 3,
}

/// <summary>
/// The difference between two versions of a 求人票 (R-CHG-1, R-CHG-2): row by row of <see cref="JobSheetView"/>, the one place that
/// writes a sheet, so staff review a change exactly as the 求人票 shows it; and the working conditions it touches.
/// </summary>
public static class SheetChanges
{
    public static IReadOnlyList<SheetChange> Between(JobSheet old, JobSheet @new, CultureInfo culture)
    {
        var before = JobSheetView.Of(old, culture);
        var after = JobSheetView.Of(@new, culture);
        var changes = new List<SheetChange>();
        foreach (var section in after.Sections)
        {
            foreach (var row in section.Rows.Where(r => r.Fields.Count > 0))
            {
                var was = before.Rows.FirstOrDefault(r => r.Key == row.Key)?.Value ?? "";
                if (!string.Equals(was, row.Value, StringComparison.Ordinal))
                {
                    changes.Add(new SheetChange(row.Key, section.Title, row.Label, was, row.Value));
                }
            }
        }
        return changes;
    }

    /// <summary>Which of wage, hours, place and employment type differ (R-CHG-2), compared on the sheet's values, not its wording.</summary>
    public static IReadOnlyList<ChangedTerm> TermsChanged(JobSheet old, JobSheet @new)
    {
        var terms = new List<ChangedTerm>();
        var (a, b) = (old.Wages, @new.Wages);
        if (a.Form != b.Form || a.BaseMin != b.BaseMin || a.BaseMax != b.BaseMax || a.FixedAllowances != b.FixedAllowances
            || a.FixedOvertime != b.FixedOvertime || a.FixedOvertimeAmount != b.FixedOvertimeAmount || a.TrialBaseMin != b.TrialBaseMin)
        {
            terms.Add(ChangedTerm.Wage);
        }
        var (h, i) = (old.Hours, @new.Hours);
        if (h.Start != i.Start || h.End != i.End || h.ShiftWork != i.ShiftWork || !Same(h.OtherShifts, i.OtherShifts)
            || h.DaysPerWeek != i.DaysPerWeek || h.BreakMinutes != i.BreakMinutes)
        {
            terms.Add(ChangedTerm.Hours);
        }
        var (w, x) = (old.Work, @new.Work);
        if (!Same(w.WorkplacePostalCode, x.WorkplacePostalCode) || !Same(w.WorkplacePrefecture, x.WorkplacePrefecture)
            || !Same(w.WorkplaceMunicipality, x.WorkplaceMunicipality) || !Same(w.WorkplaceAddress, x.WorkplaceAddress))
        {
            terms.Add(ChangedTerm.Place);
        }
        if (w.EmploymentType != x.EmploymentType || w.Dispatch != x.Dispatch || w.FixedTerm != x.FixedTerm)
        {
            terms.Add(ChangedTerm.EmploymentType);
        }
        return terms;
    }

    private static bool Same(string? a, string? b) => string.Equals((a ?? "").Trim(), (b ?? "").Trim(), StringComparison.Ordinal);
}

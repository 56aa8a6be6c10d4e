using HelloWork.Domain.JobOffers;

namespace HelloWork.Domain.Applications;

/// <summary>
/// The actual hiring conditions the employer enters with a hire (採否連絡票: 求人票の労働条件と採用時の労働条件の相違, REFERENCE.md).
/// Compared with the version of the 求人票 the application was made on (R-CHG-2), they decide how the 相違 question is prefilled;
/// what is left blank is not compared.
/// </summary>
public sealed record HiringConditions(EmploymentType? EmploymentType = null, WageForm? WageForm = null, int? Wage = null,
    TimeOnly? Start = null, TimeOnly? End = null, string? Prefecture = null, string? Municipality = null)
{
    /// <summary>The conditions that differ from <paramref name="sheet"/>: another employment type; another wage form or a wage outside
    /// the sheet's 基本給＋定額的に支払われる手当 range; other working hours; another workplace.</summary>
    public IReadOnlyList<ChangedTerm> DifferencesFrom(JobSheet sheet)
    {
        var terms = new List<ChangedTerm>();
        var wages = sheet.Wages;
        var min = (wages.BaseMin ?? 0) + (wages.FixedAllowances ?? 0);
        var max = Math.Max(wages.BaseMax ?? 0, wages.BaseMin ?? 0) + (wages.FixedAllowances ?? 0);
        if ((WageForm is { } form && form != wages.Form) || (Wage is { } wage && (wage < min || wage > max)))
        {
            terms.Add(ChangedTerm.Wage);
        }
        if ((Start is { } start && start != sheet.Hours.Start) || (End is { } end && end != sheet.Hours.End))
        {
            terms.Add(ChangedTerm.Hours);
        }
        if ((!string.IsNullOrWhiteSpace(Prefecture) && Prefecture.Trim() != sheet.Work.WorkplacePrefecture)
            || (!string.IsNullOrWhiteSpace(Municipality) && Municipality.Trim() != sheet.Work.WorkplaceMunicipality))
        {
            terms.Add(ChangedTerm.Place);
        }
        if (EmploymentType is { } type && type != sheet.Work.EmploymentType)
        {
            terms.Add(ChangedTerm.EmploymentType);
        }
        return terms;
    }
}

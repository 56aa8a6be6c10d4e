namespace HelloWork.Domain.JobOffers;

public enum FindingLevel
{
    /// <summary>Red: blocks saving the step / submitting.</summary>
    Error = 0,

    /// <summary>Orange: passed by the employer's confirmation.</summary>
    Warning = 1,
}

/// <summary>A check result next to a field. <see cref="Code"/> is a resource key;
/// <see cref="Limit"/> is the bound the message quotes (the maximum length of a TooLong finding).
/// A red finding is either <see cref="Missing"/> (something the offer still needs: 一時保存 keeps the draft and reports it, 次へ and
/// 申込み refuse) or wrong in itself (a reversed range, a malformed value, a number out of range, text over its length: refused
/// everywhere, nothing saved), R-JOB-1, R-ERR-1.</summary>
public sealed record Finding(FindingLevel Level, string Field, string Code, int? Limit = null)
{
    /// <summary>Red because a required entry is still empty, not because what was entered is wrong.</summary>
    public bool Missing { get; init; }

    /// <summary>Red and wrong in itself: refused even by 一時保存. A legal finding (<see cref="Cite"/>) blocks 次へ and 申込み but
    /// never the draft: the employer keeps what was typed while correcting it (R-LAW-6).</summary>
    public bool IsWrong => Level == FindingLevel.Error && !Missing && Cite is null;

    /// <summary>The law and article of a legal finding (R-LAW-6); null for a plain entry check.</summary>
    public Law.LawCitation? Cite { get; init; }

    /// <summary>The values the message quotes (a date, a figure, the word found and its neutral replacement), already formatted.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>The message's arguments: <see cref="Args"/>, or the <see cref="Limit"/> of an entry check.</summary>
    public object[] MessageArgs => Args.Count > 0 ? [.. Args] : Limit is { } limit ? [limit] : [];
}

/// <summary>
/// The two levels of check on a 求人票 (REFERENCE.md) (R-JOB-1, R-JOB-5, R-JOB-6): the entry checks here (required, lengths, formats,
/// ranges) and the legal checks of <see cref="Law.LawChecker"/> (R-LAW-1..6), which are the only place the law is checked.
/// Each entry screen shows its own section's findings; submission checks all of them.
/// </summary>
public static class JobSheetChecks
{
    public const int MaxText = SheetLimits.Text;

    /// <summary>Every finding on the sheet: the entry checks and the legal ones on the offer's dates.</summary>
    public static IReadOnlyList<Finding> Check(JobSheet s, Law.LawContext law)
    {
        var f = new List<Finding>();
        CheckEntries(s, f);
        Law.LawChecker.Check(s, law, f);
        return f;
    }

    /// <summary>The entry checks only (no legal ones).</summary>
    public static void CheckEntries(JobSheet s, List<Finding> f)
    {
        CheckBasics(s, f);
        CheckEstablishment(s.Establishment, f);
        CheckWork(s.Work, f);
        CheckWages(s.Wages, f);
        CheckHours(s.Hours, f);
        CheckConditions(s.Conditions, f);
        CheckCompany(s.Company, f);
        CheckSelection(s.Selection, f);
    }

    public static void CheckBasics(JobSheet s, List<Finding> f)
    {
        var b = s.Basics;
        if (!Enum.IsDefined(b.Scope)) f.Add(Err("Basics.Scope", "InvalidChoice"));
        if (!Enum.IsDefined(b.Category)) f.Add(Err("Basics.Category", "InvalidChoice"));
        if (b.OnlineSelfApplication && b.Scope == PublicationScope.WithoutName)
        {
            f.Add(Err("Basics.OnlineSelfApplication", "SelfApplicationNeedsScope"));
        }
        if (b.OnlineSelfApplication && s.Work.Dispatch is DispatchKind.Dispatch or DispatchKind.Contracting && !s.Work.WorkplaceDisclosed)
        {
            f.Add(Err("Basics.OnlineSelfApplication", "SelfApplicationDispatchUndisclosed"));
        }
        Len(f, "Basics.Industry", b.Industry, SheetLimits.Basics.Industry, required: true);
        Len(f, "Basics.IndustryCode", b.IndustryCode, SheetLimits.Basics.IndustryCode, required: false);
    }

    public static void CheckEstablishment(OfferEstablishment e, List<Finding> f)
    {
        Len(f, "Establishment.Name", e.Name, SheetLimits.Establishment.Name, required: true);
        Len(f, "Establishment.Kana", e.Kana, SheetLimits.Establishment.Kana, required: false);
        Len(f, "Establishment.Address", e.Address, SheetLimits.Establishment.Address, required: true);
        if (e.PostalCode.Length > 0 && !System.Text.RegularExpressions.Regex.IsMatch(e.PostalCode, @"^\d{3}-?\d{4}$"))
        {
            f.Add(Err("Establishment.PostalCode", "PostalCodeFormat"));
        }
        Len(f, "Establishment.Website", e.Website, SheetLimits.Establishment.Website, required: false);
        if (e.Website is { Length: > 0 and <= SheetLimits.Establishment.Website } site && !(Uri.TryCreate(site, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            f.Add(Err("Establishment.Website", "InvalidUrl"));
        }
    }

    public static void CheckWork(OfferWork w, List<Finding> f)
    {
        Len(f, "Work.JobTitle", w.JobTitle, SheetLimits.Work.JobTitle, required: true);
        Len(f, "Work.Description", w.Description, SheetLimits.Work.Description, required: true);
        Len(f, "Work.WorkplacePrefecture", w.WorkplacePrefecture, SheetLimits.Work.WorkplacePrefecture, required: true);
        Len(f, "Work.WorkplaceAddress", w.WorkplaceAddress, SheetLimits.Work.WorkplaceAddress, required: true);
        Len(f, "Work.RequiredExperience", w.RequiredExperience, SheetLimits.Work.RequiredExperience, required: false);
        Len(f, "Work.Licenses", w.Licenses, SheetLimits.Work.Licenses, required: false);
        // R-ERR-1: every free text has a bound, so a 10,000-character paste is refused next to its field, never stored.
        Len(f, "Work.OccupationCode", w.OccupationCode, SheetLimits.Work.OccupationCode, required: false);
        Len(f, "Work.ContractTerm", w.ContractTerm, SheetLimits.Work.ContractTerm, required: false);
        Len(f, "Work.RenewalConditions", w.RenewalConditions, SheetLimits.Work.RenewalConditions, required: false);
        Len(f, "Work.WorkplaceMunicipality", w.WorkplaceMunicipality, SheetLimits.Work.WorkplaceMunicipality, required: false);
        Len(f, "Work.NearestStation", w.NearestStation, SheetLimits.Work.NearestStation, required: false);
        Len(f, "Work.Access", w.Access, SheetLimits.Work.Access, required: false);
        Len(f, "Work.AgeReason", w.AgeReason, SheetLimits.Work.AgeReason, required: false);
        Len(f, "Work.Education", w.Education, SheetLimits.Work.Education, required: false);
        Len(f, "Work.PcSkills", w.PcSkills, SheetLimits.Work.PcSkills, required: false);
        Len(f, "Work.TrialPeriodDetail", w.TrialPeriodDetail, SheetLimits.Work.TrialPeriodDetail, required: false);
        Len(f, "Work.DutiesChangeScope", w.DutiesChangeScope, SheetLimits.Work.DutiesChangeScope, required: false);
        Len(f, "Work.WorkplaceChangeScope", w.WorkplaceChangeScope, SheetLimits.Work.WorkplaceChangeScope, required: false);
        if (w.WorkplacePostalCode.Length > 0 && !System.Text.RegularExpressions.Regex.IsMatch(w.WorkplacePostalCode, @"^\d{3}-?\d{4}$"))
        {
            f.Add(Err("Work.WorkplacePostalCode", "PostalCodeFormat"));
        }
        if (!Enum.IsDefined(w.Dispatch)) f.Add(Err("Work.Dispatch", "InvalidChoice"));
        if (!Enum.IsDefined(w.Smoking)) f.Add(Err("Work.Smoking", "InvalidChoice"));
        if (!Enum.IsDefined(w.EmploymentType)) f.Add(Err("Work.EmploymentType", "InvalidChoice"));
        if (w.MinutesFromStation is < 0 or > 600) f.Add(Err("Work.MinutesFromStation", "OutOfRange"));
        if (w.AgeLimited)
        {
            // Whether the limit is lawful at all is the law checker's (R-LAW-3); here only the numbers themselves.
            if (w.AgeMin is null && w.AgeMax is null) f.Add(Miss("Work.AgeMax", "AgeLimitNeedsBounds"));
            if (w.AgeMin is < 15 or > 100 || w.AgeMax is < 15 or > 100) f.Add(Err("Work.AgeMax", "OutOfRange"));
            if (w.AgeMin is { } lo && w.AgeMax is { } hi && lo > hi) f.Add(Err("Work.AgeMax", "RangeReversed"));
        }
        if (w.Dispatch is DispatchKind.Dispatch or DispatchKind.Contracting && !w.WorkplaceDisclosed)
        {
            f.Add(Warn("Work.WorkplaceDisclosed", "WorkplaceUndisclosedWarning"));
        }
    }

    public static void CheckWages(OfferWages w, List<Finding> f)
    {
        var limit = w.Form switch { WageForm.Hourly => 100_000, WageForm.Daily => 500_000, WageForm.Annual => 100_000_000, _ => 10_000_000 };
        Needed(f, "Wages.BaseMin", w.BaseMin);
        Needed(f, "Wages.BaseMax", w.BaseMax);
        if (w.BaseMin <= 0) f.Add(Err("Wages.BaseMin", "MustBePositive"));
        if (w.BaseMin > limit || w.BaseMax > limit) f.Add(Err("Wages.BaseMax", "OutOfRange"));
        if (w.BaseMax < w.BaseMin) f.Add(Err("Wages.BaseMax", "RangeReversed"));
        if (w.FixedAllowances < 0 || w.FixedAllowances > limit) f.Add(Err("Wages.FixedAllowances", "OutOfRange"));
        // The wage against the minimum wage, and what a 固定残業代 must state, are the law checker's (R-LAW-1, R-LAW-2).
        if (w.ExcludedAllowances is { } excluded && (excluded < 0 || excluded > (w.FixedAllowances ?? 0))) f.Add(Err("Wages.ExcludedAllowances", "OutOfRange"));
        if (w.TrialBaseMin is { } trial && (trial <= 0 || trial > limit)) f.Add(Err("Wages.TrialBaseMin", "OutOfRange"));
        if (w.FixedOvertime)
        {
            // Not entered yet is missing (the law checker's); zero, negative or over 100 hours is wrong in itself.
            if (w.FixedOvertimeAmount <= 0) f.Add(Err("Wages.FixedOvertimeAmount", "FixedOvertimeNeedsAmount"));
            if (w.FixedOvertimeHours is <= 0 or > 100) f.Add(Err("Wages.FixedOvertimeHours", "FixedOvertimeNeedsHours"));
        }
        Len(f, "Wages.OtherAllowances", w.OtherAllowances, SheetLimits.Wages.OtherAllowances, required: false);
        Len(f, "Wages.Bonus", w.Bonus, SheetLimits.Wages.Bonus, required: false);
        Len(f, "Wages.FixedAllowancesDetail", w.FixedAllowancesDetail, SheetLimits.Wages.FixedAllowancesDetail, required: false);
        Len(f, "Wages.FixedOvertimeNote", w.FixedOvertimeNote, SheetLimits.Wages.FixedOvertimeNote, required: false);
        Len(f, "Wages.Commuting", w.Commuting, SheetLimits.Wages.Commuting, required: false);
        Len(f, "Wages.ClosingDay", w.ClosingDay, SheetLimits.Wages.ClosingDay, required: false);
        Len(f, "Wages.PayDay", w.PayDay, SheetLimits.Wages.PayDay, required: false);
        Len(f, "Wages.Raise", w.Raise, SheetLimits.Wages.Raise, required: false);
        Len(f, "Wages.AnnualIncomeExample", w.AnnualIncomeExample, SheetLimits.Wages.AnnualIncomeExample, required: false);
        if (!Enum.IsDefined(w.Form)) f.Add(Err("Wages.Form", "InvalidChoice"));
        if (w.FixedOvertimeAmount is { } amount && amount > limit) f.Add(Err("Wages.FixedOvertimeAmount", "OutOfRange"));
    }

    public static void CheckHours(OfferHours h, List<Finding> f)
    {
        Needed(f, "Hours.Start", h.Start);
        Needed(f, "Hours.End", h.End);
        Needed(f, "Hours.DaysPerWeek", h.DaysPerWeek);
        Needed(f, "Hours.BreakMinutes", h.BreakMinutes);
        Needed(f, "Hours.AnnualHolidays", h.AnnualHolidays);
        if (!h.ShiftWork && h.Start is { } start && h.End == start) f.Add(Err("Hours.End", "RangeReversed"));
        if (h.DaysPerWeek is < 1 or > 7) f.Add(Err("Hours.DaysPerWeek", "OutOfRange"));
        if (h.AnnualHolidays is < 0 or > 365) f.Add(Err("Hours.AnnualHolidays", "OutOfRange"));
        if (h.BreakMinutes is < 0 or > 600) f.Add(Err("Hours.BreakMinutes", "OutOfRange"));
        if (h.OvertimeMonthlyAverage is < 0 or > 200) f.Add(Err("Hours.OvertimeMonthlyAverage", "OutOfRange"));
        if (h.PaidLeaveAfterSixMonths is < 0 or > 40) f.Add(Err("Hours.PaidLeaveAfterSixMonths", "OutOfRange"));
        if (h.AnnualHolidays < 105 && h.DaysPerWeek >= 5) f.Add(Warn("Hours.AnnualHolidays", "FewHolidaysWarning"));
        Len(f, "Hours.Holidays", h.Holidays, SheetLimits.Hours.Holidays, required: true);
        Len(f, "Hours.OtherShifts", h.OtherShifts, SheetLimits.Hours.OtherShifts, required: false);
    }

    public static void CheckConditions(OfferConditions c, List<Finding> f)
    {
        if (c.RetirementAge is > 100) f.Add(Err("Conditions.RetirementAge", "OutOfRange"));
        Len(f, "Conditions.Welfare", c.Welfare, SheetLimits.Conditions.Welfare, required: false);
        Len(f, "Conditions.Training", c.Training, SheetLimits.Conditions.Training, required: false);
        Len(f, "Conditions.CorporatePension", c.CorporatePension, SheetLimits.Conditions.CorporatePension, required: false);
        Len(f, "Conditions.LeaveRecords", c.LeaveRecords, SheetLimits.Conditions.LeaveRecords, required: false);
    }

    public static void CheckCompany(OfferCompany c, List<Finding> f)
    {
        Needed(f, "Company.EmployeesTotal", c.EmployeesTotal);
        if (c.EmployeesTotal is < 0 or > 1_000_000) f.Add(Err("Company.EmployeesTotal", "OutOfRange"));
        if (c.EmployeesAtWorkplace < 0 || c.EmployeesAtWorkplace > c.EmployeesTotal) f.Add(Err("Company.EmployeesAtWorkplace", "OutOfRange"));
        if (c.Founded is < 1600 or > 2100) f.Add(Err("Company.Founded", "OutOfRange"));
        if (c.Capital is < 0) f.Add(Err("Company.Capital", "OutOfRange"));
        Len(f, "Company.BusinessDescription", c.BusinessDescription, SheetLimits.Company.BusinessDescription, required: true);
        Len(f, "Company.PrText", c.PrText, SheetLimits.Company.PrText, required: false);
        Len(f, "Company.Features", c.Features, SheetLimits.Company.Features, required: false);
        Len(f, "Company.Representative", c.Representative, SheetLimits.Company.Representative, required: false);
        Len(f, "Company.Notes", c.Notes, SheetLimits.Company.Notes, required: false);
        // うち女性 and うちパート are counts of the 就業場所 (the 求人票 lists them under it), not of the whole company.
        WithinWorkplace(f, "Company.EmployeesWomen", c.EmployeesWomen, c);
        WithinWorkplace(f, "Company.EmployeesPartTime", c.EmployeesPartTime, c);
        if (c.CorporateNumber is { Length: > 0 } number && !System.Text.RegularExpressions.Regex.IsMatch(number, @"^\d{13}$"))
        {
            f.Add(Err("Company.CorporateNumber", "CorporateNumberFormat"));
        }
    }

    public static void CheckSelection(OfferSelection s, List<Finding> f)
    {
        Needed(f, "Selection.Openings", s.Openings);
        Needed(f, "Selection.ResultWithinDays", s.ResultWithinDays);
        if (s.Openings is < 1 or > 999) f.Add(Err("Selection.Openings", "OpeningsRange"));
        if (s.ResultWithinDays is < 1 or > 60) f.Add(Err("Selection.ResultWithinDays", "OutOfRange"));
        Len(f, "Selection.ContactName", s.ContactName, SheetLimits.Selection.ContactName, required: true);
        Len(f, "Selection.ContactPhone", s.ContactPhone, SheetLimits.Selection.ContactPhone, required: true);
        if (s.ContactPhone.Length > 0 && !System.Text.RegularExpressions.Regex.IsMatch(s.ContactPhone, @"^[0-9\-]{10,13}$"))
        {
            f.Add(Err("Selection.ContactPhone", "PhoneFormat"));
        }
        if (s.ContactEmail is { Length: > 0 } mail && !System.Net.Mail.MailAddress.TryCreate(mail, out _))
        {
            f.Add(Err("Selection.ContactEmail", "EmailFormat"));
        }
        Len(f, "Selection.OtherDocuments", s.OtherDocuments, SheetLimits.Selection.OtherDocuments, required: false);
        Len(f, "Selection.ReasonForHiring", s.ReasonForHiring, SheetLimits.Selection.ReasonForHiring, required: false);
        Len(f, "Selection.SelectionSchedule", s.SelectionSchedule, SheetLimits.Selection.SelectionSchedule, required: false);
        Len(f, "Selection.SelectionPlace", s.SelectionPlace, SheetLimits.Selection.SelectionPlace, required: false);
        Len(f, "Selection.ContactDepartment", s.ContactDepartment, SheetLimits.Selection.ContactDepartment, required: false);
        Len(f, "Selection.ContactKana", s.ContactKana, SheetLimits.Selection.ContactKana, required: false);
        Len(f, "Selection.ContactEmail", s.ContactEmail, SheetLimits.Selection.ContactEmail, required: false);
        if (s.ContactFax is { Length: > 0 } fax && !System.Text.RegularExpressions.Regex.IsMatch(fax, @"^[0-9\-]{10,13}$"))
        {
            f.Add(Err("Selection.ContactFax", "PhoneFormat"));
        }
    }

    private static void Len(List<Finding> f, string field, string? value, int max, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(value))
        {
            f.Add(Miss(field, "Required"));
        }
        else if (value is not null && value.Length > max)
        {
            f.Add(new Finding(FindingLevel.Error, field, "TooLong", max));
        }
        else if (Common.Text.HasInvalidCharacters(value))
        {
            f.Add(Err(field, "InvalidCharacters"));
        }
    }

    /// <summary>A required number or time not entered yet.</summary>
    private static void Needed<T>(List<Finding> f, string field, T? value) where T : struct
    {
        if (value is null)
        {
            f.Add(Miss(field, "Required"));
        }
    }

    private static void WithinWorkplace(List<Finding> f, string field, int? count, OfferCompany c)
    {
        if (count is not { } n) return;
        if (n < 0 || n > c.EmployeesTotal) f.Add(Err(field, "OutOfRange"));
        else if (n > c.EmployeesAtWorkplace) f.Add(Err(field, "MoreThanWorkplace"));
    }

    private static Finding Err(string field, string code) => new(FindingLevel.Error, field, code);

    private static Finding Miss(string field, string code) => new(FindingLevel.Error, field, code) { Missing = true };

    private static Finding Warn(string field, string code) => new(FindingLevel.Warning, field, code);
}

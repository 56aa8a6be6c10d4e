using System.Globalization;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Registration;

namespace HelloWork.Web.Components.Pages.Jobseeker.Application;

/// <summary>
/// The editable copy of the 求職申込書 (<see cref="ApplicationForm"/>) that the 8 steps bind to. Months are typed as <c>2015-04</c>;
/// one that is no month is refused next to its field before anything is sent (R-ERR-1). The domain checks the rest.
/// </summary>
public sealed class ApplicationFormModel
{
    public string? Phone { get; set; }
    public string? PostalCode { get; set; }
    public string? Address { get; set; }

    /// <summary>第1〜第3希望職種 (always three slots; blanks after the first are dropped).</summary>
    public string?[] Occupations { get; set; } = new string?[3];
    public string? OccupationCode { get; set; }
    public string? EmploymentType { get; set; }
    public int? DaysPerWeek { get; set; }
    public string? Hours { get; set; }

    /// <summary>第1〜第3希望勤務地 (prefectures).</summary>
    public string?[] Areas { get; set; } = new string?[3];
    public string? Municipality { get; set; }
    public int? MonthlyWage { get; set; }

    public List<EducationRow> Education { get; set; } = [];
    public List<LicenceRow> Licences { get; set; } = [];
    public string? Qualifications { get; set; }
    public HashSet<PcSkill> PcSkills { get; set; } = [];
    public List<LanguageRow> Languages { get; set; } = [];

    public List<CareerRow> Career { get; set; } = [];
    public string? Experience { get; set; }
    public string? WorkHistory { get; set; }

    public bool HoldsBenefit { get; set; }
    public int? BenefitDays { get; set; }
    public DateTime? BenefitDecidedOn { get; set; }

    public DisabilityForm Disability { get; set; } = new();

    public string? SelfPr { get; set; }
    public HashSet<HelpWanted> HelpWanted { get; set; } = [];
    public string? HelpNote { get; set; }

    public sealed class EducationRow
    {
        public SchoolKind Kind { get; set; } = SchoolKind.HighSchool;
        public string? SchoolName { get; set; }
        public string? Department { get; set; }
        public string? From { get; set; }
        public string? To { get; set; }
        public SchoolStatus Status { get; set; } = SchoolStatus.Graduated;
    }

    public sealed class LicenceRow
    {
        public string? Name { get; set; }
        public string? AcquiredOn { get; set; }
    }

    public sealed class LanguageRow
    {
        public string? Language { get; set; }
        public string? Level { get; set; }
    }

    public sealed class CareerRow
    {
        public string? From { get; set; }
        public string? To { get; set; }
        public string? EmployerName { get; set; }
        public string? Work { get; set; }
        public CareerEmploymentType EmploymentType { get; set; } = CareerEmploymentType.Regular;
        public LeavingReason Reason { get; set; } = LeavingReason.PersonalReasons;
    }

    public static ApplicationFormModel From(ApplicationForm f)
    {
        var w = f.Wishes;
        return new()
        {
            Phone = f.Phone, PostalCode = f.PostalCode, Address = f.Address,
            Occupations = [w.DesiredOccupation, .. w.MoreOccupations.Concat(["", ""]).Take(2)],
            OccupationCode = w.DesiredOccupationCode, EmploymentType = w.DesiredEmploymentType, DaysPerWeek = w.DesiredDaysPerWeek, Hours = w.DesiredHours,
            Areas = [w.DesiredPrefecture, .. w.MoreAreas.Concat(["", ""]).Take(2)],
            Municipality = w.DesiredMunicipality, MonthlyWage = w.DesiredMonthlyWage,
            Education = [.. w.Education.Select(e => new EducationRow
            {
                Kind = e.Kind, SchoolName = e.SchoolName, Department = e.Department, From = Month(e.From), To = Month(e.To), Status = e.Status,
            })],
            Licences = [.. w.Licences.Select(l => new LicenceRow { Name = l.Name, AcquiredOn = Month(l.AcquiredOn) })],
            Qualifications = w.Qualifications, PcSkills = [.. w.PcSkills],
            Languages = [.. w.Languages.Select(l => new LanguageRow { Language = l.Language, Level = l.Level })],
            Career = [.. w.Career.Select(c => new CareerRow
            {
                From = Month(c.From), To = Month(c.To), EmployerName = c.EmployerName, Work = c.Work, EmploymentType = c.EmploymentType, Reason = c.Reason,
            })],
            Experience = w.Experience, WorkHistory = w.WorkHistory,
            HoldsBenefit = f.Benefit.Holds, BenefitDays = f.Benefit.PrescribedDays, BenefitDecidedOn = f.Benefit.DecidedOn?.ToDateTime(TimeOnly.MinValue),
            Disability = DisabilityForm.From(f.Disability),
            SelfPr = w.SelfPr, HelpWanted = [.. w.HelpWanted], HelpNote = w.HelpNote,
        };
    }

    /// <summary>The form to send, over <paramref name="saved"/> (fields the steps do not show stay), or the keys of months that are no month.</summary>
    public (ApplicationForm? Form, IReadOnlyList<string> Malformed) ToForm(ApplicationForm saved)
    {
        var malformed = new List<string>();
        DateOnly? M(string? text, string key)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (ParseMonth(text) is { } month) return month;
            malformed.Add(key);
            return null;
        }
        var education = Education.Select((e, i) => new EducationEntry(e.Kind, e.SchoolName ?? "", e.Department, M(e.From, $"Education.{i}.From"),
            M(e.To, $"Education.{i}.To"), e.Status)).ToList();
        var licences = Licences.Select((l, i) => new LicenceEntry(l.Name ?? "", M(l.AcquiredOn, $"Licences.{i}.AcquiredOn"))).ToList();
        var career = Career.Select((c, i) =>
        {
            var from = M(c.From, $"Career.{i}.From");
            if (from is null && !malformed.Contains($"Career.{i}.From")) malformed.Add($"Career.{i}.From");
            return new CareerEntry(from ?? default, M(c.To, $"Career.{i}.To"), c.EmployerName ?? "", c.Work ?? "", c.EmploymentType, c.Reason);
        }).ToList();
        if (malformed.Count > 0)
        {
            return (null, malformed);
        }
        var wishes = saved.Wishes with
        {
            DesiredOccupation = Occupations[0]?.Trim() ?? "",
            MoreOccupations = [.. Occupations.Skip(1).Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o!.Trim())],
            DesiredOccupationCode = OccupationCode, DesiredEmploymentType = EmploymentType, DesiredDaysPerWeek = DaysPerWeek, DesiredHours = Hours,
            DesiredPrefecture = Areas[0] ?? "",
            MoreAreas = [.. Areas.Skip(1).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a!)],
            DesiredMunicipality = Municipality, DesiredMonthlyWage = MonthlyWage,
            Education = education, Licences = licences, Qualifications = Qualifications ?? "", PcSkills = [.. PcSkills.Order()],
            Languages = [.. Languages.Select(l => new LanguageEntry(l.Language ?? "", l.Level))],
            Career = career, Experience = Experience ?? "", WorkHistory = WorkHistory ?? "",
            SelfPr = SelfPr, HelpWanted = [.. HelpWanted.Order()], HelpNote = HelpNote,
        };
        var benefit = HoldsBenefit
            ? new BenefitEligibility(true, BenefitDays, BenefitDecidedOn is { } d ? DateOnly.FromDateTime(d) : null)
            : BenefitEligibility.None;
        return (new ApplicationForm(Phone, PostalCode, Address, wishes, benefit, Disability.ToInfo()), []);
    }

    public static string? Month(DateOnly? month) => month?.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary><c>2015-04</c>, <c>2015/4</c> or <c>2015年4月</c> → the first day of that month; anything else is no month.</summary>
    public static DateOnly? ParseMonth(string text)
    {
        var parts = text.Trim().Replace("年", "-", StringComparison.Ordinal).Replace("月", "", StringComparison.Ordinal).Replace('/', '-').Split('-');
        return parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2100
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12
            ? new DateOnly(y, m, 1) : null;
    }
}

using System.Reflection;
using HelloWork.Domain.JobOffers;

namespace HelloWork.Web.Components.Pages.Employer.Offers.Entry;

#pragma warning disable CA1056 // the form binds text inputs

// Mutable form models of the 求人票 sections, one per entry screen, with the same property names as the domain records
// (JobSheet.cs). SheetForm maps them both ways by name; a test checks that a full sheet survives the round trip.

public sealed class BasicsForm
{
    public OfferCategory Category { get; set; }
    public bool OnlineSelfApplication { get; set; }
    [Max(SheetLimits.Basics.IndustryCode)] public string? IndustryCode { get; set; }
    [Req, Max(SheetLimits.Basics.Industry)] public string? Industry { get; set; }
    public bool TrialEmployment { get; set; }
    public PublicationScope Scope { get; set; }
}

public sealed class EstablishmentForm
{
    [Req, Max(SheetLimits.Establishment.Name)] public string? Name { get; set; }
    [Max(SheetLimits.Establishment.Kana)] public string? Kana { get; set; }
    [Max(SheetLimits.Establishment.PostalCode)] public string? PostalCode { get; set; }
    [Req, Max(SheetLimits.Establishment.Address)] public string? Address { get; set; }
    [Max(SheetLimits.Establishment.Website)] public string? Website { get; set; }
}

public sealed class WorkForm
{
    [Req, Max(SheetLimits.Work.JobTitle)] public string? JobTitle { get; set; }
    [Max(SheetLimits.Work.OccupationCode)] public string? OccupationCode { get; set; }
    [Req, Max(SheetLimits.Work.Description)] public string? Description { get; set; }
    public EmploymentType EmploymentType { get; set; }
    public DispatchKind Dispatch { get; set; }
    public bool WorkplaceDisclosed { get; set; }
    public bool FixedTerm { get; set; }
    [Max(SheetLimits.Work.ContractTerm)] public string? ContractTerm { get; set; }
    [Max(SheetLimits.Work.RenewalConditions)] public string? RenewalConditions { get; set; }
    public bool RegularConversion { get; set; }
    [Max(SheetLimits.Work.WorkplacePostalCode)] public string? WorkplacePostalCode { get; set; }
    [Req, Max(SheetLimits.Work.WorkplacePrefecture)] public string? WorkplacePrefecture { get; set; }
    [Max(SheetLimits.Work.WorkplaceMunicipality)] public string? WorkplaceMunicipality { get; set; }
    [Req, Max(SheetLimits.Work.WorkplaceAddress)] public string? WorkplaceAddress { get; set; }
    [Max(SheetLimits.Work.NearestStation)] public string? NearestStation { get; set; }
    [Max(SheetLimits.Work.Access)] public string? Access { get; set; }
    [Between(0, 600)] public int? MinutesFromStation { get; set; }
    public bool RemoteWork { get; set; }
    public PassiveSmokingMeasure Smoking { get; set; }
    public bool CarCommuteAllowed { get; set; }
    public bool TransferPossible { get; set; }
    public bool UijTurnWelcome { get; set; }
    public bool AgeLimited { get; set; }
    [Between(15, 100)] public int? AgeMin { get; set; }
    [Between(15, 100)] public int? AgeMax { get; set; }
    public AgeLimitException AgeException { get; set; }
    [Max(SheetLimits.Work.AgeReason)] public string? AgeReason { get; set; }
    [Max(SheetLimits.Work.Education)] public string? Education { get; set; }
    [Max(SheetLimits.Work.RequiredExperience)] public string? RequiredExperience { get; set; }
    [Max(SheetLimits.Work.PcSkills)] public string? PcSkills { get; set; }
    [Max(SheetLimits.Work.Licenses)] public string? Licenses { get; set; }
    public bool TrialPeriod { get; set; }
    [Max(SheetLimits.Work.TrialPeriodDetail)] public string? TrialPeriodDetail { get; set; }
    [Max(SheetLimits.Work.DutiesChangeScope)] public string? DutiesChangeScope { get; set; }
    [Max(SheetLimits.Work.WorkplaceChangeScope)] public string? WorkplaceChangeScope { get; set; }
}

public sealed class WagesForm
{
    public WageForm Form { get; set; }
    [Req, Between(1, 100_000_000)] public int? BaseMin { get; set; }
    [Req, Between(1, 100_000_000)] public int? BaseMax { get; set; }
    [Between(0, 100_000_000)] public int? FixedAllowances { get; set; }
    [Max(SheetLimits.Wages.FixedAllowancesDetail)] public string? FixedAllowancesDetail { get; set; }
    [Between(0, 100_000_000)] public int? ExcludedAllowances { get; set; }
    [Between(1, 100_000_000)] public int? TrialBaseMin { get; set; }
    public bool FixedOvertime { get; set; }
    [Between(0, 100_000_000)] public int? FixedOvertimeAmount { get; set; }
    [Between(0, 100)] public int? FixedOvertimeHours { get; set; }
    [Max(SheetLimits.Wages.FixedOvertimeNote)] public string? FixedOvertimeNote { get; set; }
    [Max(SheetLimits.Wages.OtherAllowances)] public string? OtherAllowances { get; set; }
    [Max(SheetLimits.Wages.Commuting)] public string? Commuting { get; set; }
    [Max(SheetLimits.Wages.ClosingDay)] public string? ClosingDay { get; set; }
    [Max(SheetLimits.Wages.PayDay)] public string? PayDay { get; set; }
    [Max(SheetLimits.Wages.Raise)] public string? Raise { get; set; }
    [Max(SheetLimits.Wages.Bonus)] public string? Bonus { get; set; }
    [Max(SheetLimits.Wages.AnnualIncomeExample)] public string? AnnualIncomeExample { get; set; }
}

public sealed class HoursForm
{
    [Req] public TimeSpan? Start { get; set; }
    [Req] public TimeSpan? End { get; set; }
    [Max(SheetLimits.Hours.OtherShifts)] public string? OtherShifts { get; set; }
    public bool ShiftWork { get; set; }
    [Req, Between(1, 7)] public int? DaysPerWeek { get; set; }
    public bool Overtime { get; set; }
    [Between(0, 200)] public int? OvertimeMonthlyAverage { get; set; }
    public bool SpecialClause36 { get; set; }
    [Req, Between(0, 600)] public int? BreakMinutes { get; set; }
    [Req, Between(0, 365)] public int? AnnualHolidays { get; set; }
    [Req, Max(SheetLimits.Hours.Holidays)] public string? Holidays { get; set; }
    public bool WeeklyTwoDaysOff { get; set; }
    [Between(0, 40)] public int? PaidLeaveAfterSixMonths { get; set; }
}

public sealed class ConditionsForm
{
    public bool EmploymentInsurance { get; set; }
    public bool WorkersCompensation { get; set; }
    public bool HealthInsurance { get; set; }
    public bool PensionInsurance { get; set; }
    public bool PublicServiceCompensation { get; set; }
    public bool Zaikei { get; set; }
    [Max(SheetLimits.Conditions.CorporatePension)] public string? CorporatePension { get; set; }
    public bool RetirementAllowance { get; set; }
    [Between(60, 100)] public int? RetirementAge { get; set; }
    public bool Reemployment { get; set; }
    public bool ExtendedEmployment { get; set; }
    public bool Housing { get; set; }
    public bool Childcare { get; set; }
    [Max(SheetLimits.Conditions.LeaveRecords)] public string? LeaveRecords { get; set; }
    [Max(SheetLimits.Conditions.Training)] public string? Training { get; set; }
    [Max(SheetLimits.Conditions.Welfare)] public string? Welfare { get; set; }
}

public sealed class CompanyForm
{
    [Req, Between(0, 1_000_000)] public int? EmployeesTotal { get; set; }
    [Between(0, 1_000_000)] public int? EmployeesAtWorkplace { get; set; }
    [Between(0, 1_000_000)] public int? EmployeesWomen { get; set; }
    [Between(0, 1_000_000)] public int? EmployeesPartTime { get; set; }
    [Between(1600, 2100)] public int? Founded { get; set; }
    [Between(0d, 1e15)] public long? Capital { get; set; }
    public bool LaborUnion { get; set; }
    [Req, Max(SheetLimits.Company.BusinessDescription)] public string? BusinessDescription { get; set; }
    [Max(SheetLimits.Company.Features)] public string? Features { get; set; }
    [Max(SheetLimits.Company.Representative)] public string? Representative { get; set; }
    [Max(SheetLimits.Company.CorporateNumber)] public string? CorporateNumber { get; set; }
    [Max(SheetLimits.Company.Notes)] public string? Notes { get; set; }
    [Max(SheetLimits.Company.PrText)] public string? PrText { get; set; }
}

public sealed class SelectionForm
{
    [Req, Between(1, 999)] public int? Openings { get; set; }
    [Max(SheetLimits.Selection.ReasonForHiring)] public string? ReasonForHiring { get; set; }
    public bool DocumentScreening { get; set; }
    public bool Interview { get; set; }
    public bool WrittenTest { get; set; }
    [Req, Between(1, 60)] public int? ResultWithinDays { get; set; }
    [Max(SheetLimits.Selection.SelectionSchedule)] public string? SelectionSchedule { get; set; }
    [Max(SheetLimits.Selection.SelectionPlace)] public string? SelectionPlace { get; set; }
    public bool RequiresReferralSlip { get; set; }
    public bool RequiresResume { get; set; }
    public bool RequiresCareerSheet { get; set; }
    [Max(SheetLimits.Selection.OtherDocuments)] public string? OtherDocuments { get; set; }
    public bool AcceptsMypageDocuments { get; set; }
    [Max(SheetLimits.Selection.ContactDepartment)] public string? ContactDepartment { get; set; }
    [Req, Max(SheetLimits.Selection.ContactName)] public string? ContactName { get; set; }
    [Max(SheetLimits.Selection.ContactKana)] public string? ContactKana { get; set; }
    [Req, Max(SheetLimits.Selection.ContactPhone)] public string? ContactPhone { get; set; }
    [Max(SheetLimits.Selection.ContactFax)] public string? ContactFax { get; set; }
    [Max(SheetLimits.Selection.ContactEmail)] public string? ContactEmail { get; set; }
}

/// <summary>The whole sheet as eight forms; <see cref="Section"/> gives the form of an entry screen (1–8) or of a finding's field prefix.</summary>
public sealed class SheetForm
{
    public BasicsForm Basics { get; } = new();
    public EstablishmentForm Establishment { get; } = new();
    public WorkForm Work { get; } = new();
    public WagesForm Wages { get; } = new();
    public HoursForm Hours { get; } = new();
    public ConditionsForm Conditions { get; } = new();
    public CompanyForm Company { get; } = new();
    public SelectionForm Selection { get; } = new();

    public static readonly string[] Prefixes = ["Basics", "Establishment", "Work", "Wages", "Hours", "Conditions", "Company", "Selection"];

    public object Section(int screen) => Section(Prefixes[screen - 1])!;

    public object? Section(string prefix) => prefix switch
    {
        "Basics" => Basics,
        "Establishment" => Establishment,
        "Work" => Work,
        "Wages" => Wages,
        "Hours" => Hours,
        "Conditions" => Conditions,
        "Company" => Company,
        "Selection" => Selection,
        _ => null,
    };

    /// <summary>The entry screen (1–8) a finding's field belongs to, e.g. <c>Work.JobTitle</c> → 3.</summary>
    public static int ScreenOf(string field) => Array.IndexOf(Prefixes, field.Split('.')[0]) + 1;

    public static SheetForm From(JobSheet sheet)
    {
        var form = new SheetForm();
        Copy(sheet.Basics, form.Basics);
        Copy(sheet.Establishment, form.Establishment);
        Copy(sheet.Work, form.Work);
        Copy(sheet.Wages, form.Wages);
        Copy(sheet.Hours, form.Hours);
        Copy(sheet.Conditions, form.Conditions);
        Copy(sheet.Company, form.Company);
        Copy(sheet.Selection, form.Selection);
        return form;
    }

    public JobSheet ToSheet() => new()
    {
        Basics = Build<OfferBasics>(Basics),
        Establishment = Build<OfferEstablishment>(Establishment),
        Work = Build<OfferWork>(Work),
        Wages = Build<OfferWages>(Wages),
        Hours = Build<OfferHours>(Hours),
        Conditions = Build<OfferConditions>(Conditions),
        Company = Build<OfferCompany>(Company),
        Selection = Build<OfferSelection>(Selection),
    };

    private static void Copy(object record, object form)
    {
        foreach (var target in form.GetType().GetProperties().Where(p => p.CanWrite))
        {
            var value = record.GetType().GetProperty(target.Name)!.GetValue(record);
            target.SetValue(form, value is TimeOnly t ? t.ToTimeSpan() : value);
        }
    }

    private static T Build<T>(object form) where T : new()
    {
        var record = new T();
        foreach (var source in form.GetType().GetProperties().Where(p => p.CanWrite))
        {
            var target = typeof(T).GetProperty(source.Name, BindingFlags.Public | BindingFlags.Instance)!;
            var value = source.GetValue(form);
            value = value switch
            {
                TimeSpan span => TimeOnly.FromTimeSpan(span),
                null when target.PropertyType == typeof(TimeOnly) => TimeOnly.MinValue,
                null when target.PropertyType == typeof(string) && !IsNullable(target) => "",
                string s when IsNullable(target) && string.IsNullOrWhiteSpace(s) => null,
                _ => value,
            };
            target.SetValue(record, value);
        }
        return record;
    }

    private static readonly NullabilityInfoContext Nullability = new();

    private static bool IsNullable(PropertyInfo p) => Nullability.Create(p).WriteState == NullabilityState.Nullable;
}

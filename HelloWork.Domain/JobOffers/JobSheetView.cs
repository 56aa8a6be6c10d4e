using System.Globalization;
using System.Resources;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Common;

namespace HelloWork.Domain.JobOffers;

/// <summary>
/// What a 求人票 shows besides the employer's <see cref="JobSheet"/>: the facts of acceptance and who may see the name
/// (公開範囲, R-JOB-8, R-ACC-4). The one input of <see cref="JobSheetView"/>.
/// </summary>
public sealed record JobSheetSource(JobSheet Sheet)
{
    /// <summary>求人番号; null before acceptance.</summary>
    public string? JobNumber { get; init; }

    public DateOnly? AcceptedOn { get; init; }

    public DateOnly? ValidUntil { get; init; }

    /// <summary>受理安定所.</summary>
    public string? OfficeName { get; init; }

    /// <summary>The office's phone: the contact of an offer whose name is not shown.</summary>
    public string? OfficePhone { get; init; }

    public string? EstablishmentNumber { get; init; }

    /// <summary>False hides the name and everything that names the employer (公開範囲 2 and 3 for this viewer).</summary>
    public bool ShowsEmployerName { get; init; } = true;

    /// <summary>Captions of the establishment's approved images; shown only with the name.</summary>
    public IReadOnlyList<string> ImageCaptions { get; init; } = [];

    public static JobSheetSource Of(JobOffer offer, Establishment establishment, Office? office, bool showEmployerName,
        IReadOnlyList<string>? imageCaptions = null) => new(showEmployerName ? offer.Sheet : WithoutName(offer.Sheet))
    {
        JobNumber = offer.JobNumber,
        AcceptedOn = offer.ReceivedDate,
        ValidUntil = offer.ValidUntil,
        OfficeName = office?.Name,
        OfficePhone = office?.Phone,
        EstablishmentNumber = showEmployerName ? establishment.Number : null,
        ShowsEmployerName = showEmployerName,
        ImageCaptions = showEmployerName ? imageCaptions ?? [] : [],
    };

    /// <summary>The sheet without what names the employer, for a viewer who may not see the name: what is not there cannot leak.</summary>
    private static JobSheet WithoutName(JobSheet s) => s with
    {
        Establishment = new OfferEstablishment(),
        Work = s.Work with { WorkplacePostalCode = "", WorkplaceAddress = "" },
        Company = s.Company with { Founded = null, Capital = null, Representative = null, CorporateNumber = null },
        Selection = s.Selection with
        {
            SelectionPlace = null, ContactDepartment = "", ContactName = "", ContactKana = "", ContactPhone = "", ContactFax = null, ContactEmail = null,
        },
    };
}

/// <summary>
/// One row of the 求人票. <see cref="Key"/> is the path of the sheet property the row comes from ("Work.JobTitle", "Wages.BaseMin"),
/// or "Offer.*" / "Office.*" / "Establishment.Number" for the facts of acceptance; <see cref="Fields"/> lists every property path the
/// value shows (the same paths as <see cref="Finding.Field"/>), so that checks and findings can be shown beside the row.
/// An empty <see cref="Value"/> is a blank (nothing entered): pages leave the row out, the PDF prints an empty cell.
/// <see cref="Wide"/> rows take the whole width of the printed form; the others are printed two to a line.
/// </summary>
public sealed record JobSheetRow(string Key, string Label, string Value, IReadOnlyList<string> Fields, bool Wide)
{
    public bool IsBlank => Value.Length == 0;

    /// <summary>Printed even when blank (an empty box of the form); false for rows that exist only when there is something to show.</summary>
    public bool PrintedWhenBlank { get; init; } = true;
}

public sealed record JobSheetSection(string Key, string Title, IReadOnlyList<JobSheetRow> Rows);

/// <summary>
/// The 求人票 as labelled sections and rows in one language (R-JOB-8, REFERENCE.md): the only place that decides how each item
/// of the sheet is written (units only with a number, blanks as blanks, 雇用期間の定めあり/なし, masked name). The web page,
/// the PDF (Japanese) and the staff review card all show this view; labels and terms come from JobSheetText.resx (Japanese) and
/// JobSheetText.en.resx (English).
/// </summary>
public sealed class JobSheetView
{
    private static readonly ResourceManager Text = new("HelloWork.Domain.JobOffers.JobSheetText", typeof(JobSheetView).Assembly);

    /// <summary>The language of the printed form.</summary>
    public static readonly CultureInfo Japanese = JapanTime.JapaneseCulture;

    private JobSheetView(IReadOnlyList<JobSheetSection> sections, string employerName)
    {
        Sections = sections;
        EmployerName = employerName;
    }

    public IReadOnlyList<JobSheetSection> Sections { get; }

    /// <summary>The establishment's name, or the hidden-name text when this viewer may not see it.</summary>
    public string EmployerName { get; }

    public IEnumerable<JobSheetRow> Rows => Sections.SelectMany(s => s.Rows);

    /// <summary>The row with this key (see <see cref="JobSheetRow.Key"/>).</summary>
    public JobSheetRow Row(string key) => Rows.First(r => r.Key == key);

    /// <summary>The row that shows this property path (a <see cref="Finding.Field"/>), if any.</summary>
    /// <remarks>A field shown by several rows (基本給 in 賃金総額 and in 基本給) belongs to the row named after it, else to the first.</remarks>
    public JobSheetRow? RowShowing(string field) => Rows.FirstOrDefault(r => r.Key == field) ?? Rows.FirstOrDefault(r => r.Fields.Contains(field));

    public static JobSheetView Of(JobSheet sheet, CultureInfo culture) => Of(new JobSheetSource(sheet), culture);

    public static JobSheetView Of(JobSheetSource source, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(culture);
        var b = new Builder(culture);
        var s = source.Sheet;
        var shown = source.ShowsEmployerName;
        Basics(b, source);
        Establishment(b, source, shown);
        Work(b, s.Work, s.Wages.TrialBaseMin, shown);
        Wages(b, s.Wages);
        Hours(b, s.Hours);
        Conditions(b, s.Conditions);
        Company(b, s.Company, shown);
        Selection(b, s.Selection, source, shown);
        Notes(b, s.Company, source);
        return new JobSheetView(b.Sections, EmployerNameOf(source, culture));
    }

    /// <summary>The establishment's name as this source may show it: the name, or the hidden-name text (公開範囲).</summary>
    public static string EmployerNameOf(JobSheetSource source, CultureInfo culture) =>
        source.ShowsEmployerName ? source.Sheet.Establishment.Name : Term(culture, "HiddenName");

    private static void Basics(Builder b, JobSheetSource source)
    {
        var s = source.Sheet.Basics;
        b.Section("Basics");
        b.Row("Offer.JobNumber", source.JobNumber ?? b.T("NotYetAccepted"), fields: []);
        b.Row("Offer.ReceivedDate", source.AcceptedOn is { } accepted ? b.Date(accepted) : "", fields: []);
        b.Row("Basics.Category", b.T($"Category.{s.Category}"));
        b.Row("Offer.ValidUntil", source.ValidUntil is { } until ? b.Date(until) : "", fields: []);
        b.Row("Office.Name", source.OfficeName ?? "", fields: []);
        b.Row("Basics.Industry", s.Industry, fields: ["Basics.Industry", "Basics.IndustryCode"]);
        b.Row("Basics.OnlineSelfApplication", b.T(s.OnlineSelfApplication ? "Accepts" : "DoesNotAccept"));
        b.Row("Basics.TrialEmployment", b.T(s.TrialEmployment ? "Wishes" : "DoesNotWish"));
        b.Row("Basics.Scope", b.T($"Scope.{s.Scope}"), wide: true);
    }

    private static void Establishment(Builder b, JobSheetSource source, bool shown)
    {
        var e = source.Sheet.Establishment;
        var w = source.Sheet.Work;
        b.Section("Establishment");
        b.Row("Establishment.Number", shown ? source.EstablishmentNumber ?? "" : "", fields: []);
        b.Row("Establishment.Website", shown ? e.Website ?? "" : "");
        b.Row("Establishment.Name", shown ? Lines(e.Kana, e.Name) : b.T("HiddenName"), wide: true, fields: ["Establishment.Name", "Establishment.Kana"]);
        b.Row("Establishment.Address", shown ? Postal(e.PostalCode, e.Address) : w.WorkplacePrefecture + w.WorkplaceMunicipality, wide: true,
            fields: ["Establishment.PostalCode", "Establishment.Address"]);
    }

    private static void Work(Builder b, OfferWork w, int? trialBaseMin, bool shown)
    {
        b.Section("Work");
        b.Row("Work.JobTitle", w.JobTitle, wide: true, fields: ["Work.JobTitle", "Work.OccupationCode"]);
        b.Row("Work.Description", w.Description, wide: true);
        b.Row("Work.DutiesChangeScope", w.DutiesChangeScope ?? "", wide: true);
        b.Row("Work.EmploymentType", b.T($"Employment.{w.EmploymentType}"));
        b.Row("Work.Dispatch", b.T($"Dispatch.{w.Dispatch}"), fields: ["Work.Dispatch", "Work.WorkplaceDisclosed"]);
        var period = !w.FixedTerm ? b.T("NoFixedTerm") : Blank(w.ContractTerm) ? b.T("FixedTerm") : b.T("FixedTermOf", w.ContractTerm!.Trim());
        b.Row("Work.FixedTerm", Lines(period, w.FixedTerm && !Blank(w.RenewalConditions) ? b.T("Renewal", w.RenewalConditions!.Trim()) : null), wide: true,
            fields: ["Work.FixedTerm", "Work.ContractTerm", "Work.RenewalConditions"]);
        b.Row("Work.RegularConversion", w.EmploymentType == EmploymentType.Regular ? "" : b.YesNo(w.RegularConversion));
        var trialWage = w.TrialPeriod && trialBaseMin is { } trialBase ? b.T("TrialWage", b.Yen(trialBase)) : null;
        b.Row("Work.TrialPeriod", w.TrialPeriod ? b.WithDetail(b.T("Yes"), Join("　", Blank(w.TrialPeriodDetail) ? null : w.TrialPeriodDetail!.Trim(), trialWage)) : b.T("No"),
            fields: ["Work.TrialPeriod", "Work.TrialPeriodDetail", "Wages.TrialBaseMin"]);
        var place = shown ? Postal(w.WorkplacePostalCode, w.WorkplacePrefecture + w.WorkplaceMunicipality + w.WorkplaceAddress)
            : w.WorkplacePrefecture + w.WorkplaceMunicipality;
        var access = Join("　", Blank(w.NearestStation) ? null : b.T("NearestStation", w.NearestStation!.Trim()),
            Blank(w.Access) ? null : b.T("Access", w.Access!.Trim()),
            w.MinutesFromStation is { } minutes ? b.T("MinutesFromStation", b.T("MinutesCount", minutes)) : null);
        b.Row("Work.WorkplaceAddress", Lines(place, access), wide: true,
            fields: ["Work.WorkplacePostalCode", "Work.WorkplacePrefecture", "Work.WorkplaceMunicipality", "Work.WorkplaceAddress", "Work.NearestStation",
                "Work.Access", "Work.MinutesFromStation"]);
        b.Row("Work.WorkplaceChangeScope", w.WorkplaceChangeScope ?? "", wide: true);
        b.Row("Work.RemoteWork", b.YesNo(w.RemoteWork));
        b.Row("Work.Smoking", b.T($"Smoking.{w.Smoking}"));
        b.Row("Work.CarCommuteAllowed", b.T(w.CarCommuteAllowed ? "Allowed" : "NotAllowed"));
        b.Row("Work.TransferPossible", b.YesNo(w.TransferPossible));
        b.Row("Work.UijTurnWelcome", w.UijTurnWelcome ? b.T("Welcome") : "");
        b.Row("Work.Education", w.Education);
        b.Row("Work.AgeLimited", Age(b, w), wide: true, fields: ["Work.AgeLimited", "Work.AgeMin", "Work.AgeMax", "Work.AgeException", "Work.AgeReason"]);
        b.Row("Work.RequiredExperience", w.RequiredExperience, wide: true);
        b.Row("Work.PcSkills", w.PcSkills, wide: true);
        b.Row("Work.Licenses", w.Licenses, wide: true);
    }

    private static string Age(Builder b, OfferWork w)
    {
        if (!w.AgeLimited)
        {
            return b.T("AgeAny");
        }
        var bounds = (w.AgeMin, w.AgeMax) switch
        {
            ({ } min, { } max) => b.T("AgeBetween", min, max),
            ({ } min, null) => b.T("AgeAtLeast", min),
            (null, { } max) => b.T("AgeAtMost", max),
            _ => null,
        };
        var limit = bounds is null ? b.T("AgeLimitedOnly") : b.T("AgeLimited", bounds);
        var exception = w.AgeException == AgeLimitException.None ? null : b.T($"AgeException.{w.AgeException}");
        var reason = Join("　", exception, Blank(w.AgeReason) ? null : w.AgeReason!.Trim());
        return Lines(limit, reason.Length == 0 ? null : b.T("AgeReason", reason));
    }

    private static void Wages(Builder b, OfferWages w)
    {
        b.Section("Wages");
        var overtimeAmount = w.FixedOvertime ? w.FixedOvertimeAmount : null;
        var total = w.BaseMin is null && w.BaseMax is null ? "" : b.YenRange(Sum(w.BaseMin, w.FixedAllowances, overtimeAmount), Sum(w.BaseMax, w.FixedAllowances, overtimeAmount));
        b.Row("Wages.Form", b.T($"WageForm.{w.Form}"));
        b.Row("Wages.Total", total, fields: ["Wages.BaseMin", "Wages.BaseMax", "Wages.FixedAllowances", "Wages.FixedOvertimeAmount"]);
        b.Row("Wages.BaseMin", b.YenRange(w.BaseMin, w.BaseMax), wide: true, fields: ["Wages.BaseMin", "Wages.BaseMax"]);
        var allowances = w.FixedAllowances is > 0 ? Join("　", Blank(w.FixedAllowancesDetail) ? null : w.FixedAllowancesDetail!.Trim(), b.Yen(w.FixedAllowances.Value))
            : Blank(w.FixedAllowancesDetail) ? b.T("No") : w.FixedAllowancesDetail!.Trim();
        b.Row("Wages.FixedAllowances", allowances, wide: true, fields: ["Wages.FixedAllowances", "Wages.FixedAllowancesDetail", "Wages.ExcludedAllowances"]);
        var overtime = b.T("No");
        if (w.FixedOvertime)
        {
            var amount = w.FixedOvertimeAmount is { } yen ? b.Yen(yen) : null;
            var hours = w.FixedOvertimeHours is { } h ? b.T("OvertimeHoursCovered", b.T("HoursCount", h)) : null;
            overtime = Lines(Join("　", b.T("Yes"), (amount ?? "") + (hours ?? "")), b.T("OvertimeExtraPaid"), Blank(w.FixedOvertimeNote) ? null : w.FixedOvertimeNote!.Trim());
        }
        b.Row("Wages.FixedOvertime", overtime, wide: true,
            fields: ["Wages.FixedOvertime", "Wages.FixedOvertimeAmount", "Wages.FixedOvertimeHours", "Wages.FixedOvertimeNote"]);
        b.Row("Wages.OtherAllowances", w.OtherAllowances, wide: true);
        b.Row("Wages.Commuting", w.Commuting, wide: true);
        b.Row("Wages.ClosingDay", w.ClosingDay);
        b.Row("Wages.PayDay", w.PayDay);
        b.Row("Wages.Raise", w.Raise);
        b.Row("Wages.Bonus", w.Bonus);
        b.Row("Wages.AnnualIncomeExample", w.AnnualIncomeExample, wide: true);
    }

    private static void Hours(Builder b, OfferHours h)
    {
        b.Section("Hours");
        var shift = h.Start is { } start && h.End is { } end ? b.T("ShiftLine", 1, b.Time(start), b.Time(end))
            : h.Start is { } onlyStart ? b.T("ShiftLine", 1, b.Time(onlyStart), "")
            : h.End is { } onlyEnd ? b.T("ShiftLine", 1, "", b.Time(onlyEnd)) : null;
        b.Row("Hours.Start", Lines(shift, h.ShiftWork ? b.T("ShiftSystem") : null, Blank(h.OtherShifts) ? null : h.OtherShifts!.Trim()), wide: true,
            fields: ["Hours.Start", "Hours.End", "Hours.ShiftWork", "Hours.OtherShifts"]);
        var overtime = !h.Overtime ? b.T("No")
            : h.OvertimeMonthlyAverage is { } average ? Join("　", b.T("Yes"), b.T("MonthlyAverage", b.T("HoursCount", average))) : b.T("Yes");
        b.Row("Hours.Overtime", overtime, fields: ["Hours.Overtime", "Hours.OvertimeMonthlyAverage"]);
        b.Row("Hours.SpecialClause36", b.YesNo(h.SpecialClause36));
        b.Row("Hours.BreakMinutes", h.BreakMinutes is { } breakMinutes ? b.T("MinutesCount", breakMinutes) : "");
        b.Row("Hours.DaysPerWeek", h.DaysPerWeek is { } days ? b.T("DaysPerWeek", days) : "");
        b.Row("Hours.Holidays", h.Holidays);
        b.Row("Hours.WeeklyTwoDaysOff", b.T(h.WeeklyTwoDaysOff ? "EveryWeek" : "OtherPattern"));
        b.Row("Hours.AnnualHolidays", h.AnnualHolidays is { } holidays ? b.T("DaysCount", holidays) : "");
        b.Row("Hours.PaidLeaveAfterSixMonths", h.PaidLeaveAfterSixMonths is { } leave ? b.T("DaysCount", leave) : "");
    }

    private static void Conditions(Builder b, OfferConditions c)
    {
        b.Section("Conditions");
        var insurance = Join("　", c.EmploymentInsurance ? b.T("Insurance.Employment") : null, c.WorkersCompensation ? b.T("Insurance.Workers") : null,
            c.PublicServiceCompensation ? b.T("Insurance.PublicService") : null, c.HealthInsurance ? b.T("Insurance.Health") : null,
            c.PensionInsurance ? b.T("Insurance.Pension") : null, c.Zaikei ? b.T("Insurance.Zaikei") : null);
        b.Row("Conditions.Insurance", insurance, fields: ["Conditions.EmploymentInsurance", "Conditions.WorkersCompensation", "Conditions.PublicServiceCompensation",
            "Conditions.HealthInsurance", "Conditions.PensionInsurance", "Conditions.Zaikei"]);
        b.Row("Conditions.CorporatePension", c.CorporatePension);
        b.Row("Conditions.RetirementAllowance", b.YesNo(c.RetirementAllowance));
        b.Row("Conditions.RetirementAge", c.RetirementAge is { } age ? b.T("RetirementAt", b.T("AgeYears", age)) : b.T("No"));
        b.Row("Conditions.Reemployment", b.YesNo(c.Reemployment));
        b.Row("Conditions.ExtendedEmployment", b.YesNo(c.ExtendedEmployment));
        b.Row("Conditions.Housing", b.YesNo(c.Housing));
        b.Row("Conditions.Childcare", b.YesNo(c.Childcare));
        b.Row("Conditions.LeaveRecords", c.LeaveRecords);
        b.Row("Conditions.Training", c.Training);
        b.Row("Conditions.Welfare", c.Welfare, wide: true);
    }

    private static void Company(Builder b, OfferCompany c, bool shown)
    {
        b.Section("Company");
        b.Row("Company.EmployeesTotal", c.EmployeesTotal is { } total ? b.T("People", total) : "");
        b.Row("Company.EmployeesAtWorkplace", c.EmployeesAtWorkplace is { } here ? b.T("People", here) : "");
        b.Row("Company.EmployeesWomen", c.EmployeesWomen is { } women ? b.T("People", women) : "");
        b.Row("Company.EmployeesPartTime", c.EmployeesPartTime is { } partTime ? b.T("People", partTime) : "");
        b.Row("Company.Founded", shown && c.Founded is { } year ? b.T("YearOf", year) : "");
        b.Row("Company.Capital", shown && c.Capital is { } capital ? b.Yen(capital) : "");
        b.Row("Company.LaborUnion", b.YesNo(c.LaborUnion));
        b.Row("Company.CorporateNumber", shown ? c.CorporateNumber : null);
        b.Row("Company.Representative", shown ? c.Representative : null, wide: true);
        b.Row("Company.BusinessDescription", c.BusinessDescription, wide: true);
        b.Row("Company.Features", c.Features, wide: true);
    }

    private static void Selection(Builder b, OfferSelection s, JobSheetSource source, bool shown)
    {
        b.Section("Selection");
        b.Row("Selection.Openings", s.Openings is { } openings ? b.T("People", openings) : "");
        b.Row("Selection.ReasonForHiring", s.ReasonForHiring);
        b.Row("Selection.Methods", string.Join("、", SelectionMethodKeys(s).Select(k => b.T(k))),
            fields: ["Selection.DocumentScreening", "Selection.Interview", "Selection.WrittenTest"]);
        b.Row("Selection.ResultWithinDays", s.ResultWithinDays is { } days ? b.T("WithinDays", days) : "");
        b.Row("Selection.SelectionSchedule", s.SelectionSchedule);
        b.Row("Selection.SelectionPlace", shown ? s.SelectionPlace : null);
        var documents = new[]
        {
            s.RequiresReferralSlip ? b.T("Document.ReferralSlip") : null, s.RequiresResume ? b.T("Document.Resume") : null,
            s.RequiresCareerSheet ? b.T("Document.CareerSheet") : null, Blank(s.OtherDocuments) ? null : s.OtherDocuments!.Trim(),
        }.OfType<string>();
        b.Row("Selection.Documents", Lines(string.Join("、", documents), b.T("MypageDocuments", b.T(s.AcceptsMypageDocuments ? "Allowed" : "NotAllowed"))), wide: true,
            fields: ["Selection.RequiresReferralSlip", "Selection.RequiresResume", "Selection.RequiresCareerSheet", "Selection.OtherDocuments",
                "Selection.AcceptsMypageDocuments"]);
        var contact = shown
            ? Lines(Join("　", s.ContactDepartment, s.ContactName, Blank(s.ContactKana) ? null : $"（{s.ContactKana.Trim()}）"),
                Join("　", Blank(s.ContactPhone) ? null : b.T("Phone", s.ContactPhone.Trim()), Blank(s.ContactFax) ? null : b.T("Fax", s.ContactFax!.Trim()),
                    Blank(s.ContactEmail) ? null : b.T("Email", s.ContactEmail!.Trim())))
            : Lines(b.T("AskTheOffice"), Blank(source.OfficePhone) ? null : b.T("Phone", source.OfficePhone!));
        b.Row("Selection.Contact", contact, wide: true, fields: ["Selection.ContactDepartment", "Selection.ContactName", "Selection.ContactKana",
            "Selection.ContactPhone", "Selection.ContactFax", "Selection.ContactEmail"]);
    }

    private static void Notes(Builder b, OfferCompany c, JobSheetSource source)
    {
        b.Section("Notes");
        b.Row("Company.Notes", c.Notes, wide: true);
        b.Row("Company.PrText", c.PrText, wide: true);
        b.Add(new JobSheetRow("Images", b.T("Label.Images"),
            string.Join("\n", source.ImageCaptions.Take(10).Select((caption, i) => $"{i + 1}. {caption}")), [], Wide: true) { PrintedWhenBlank = false });
    }

    /// <summary>The selection methods as term keys (Method.*); an offer that ticks none is selected by interview.</summary>
    internal static IReadOnlyList<string> SelectionMethodKeys(OfferSelection s)
    {
        var list = new List<string>();
        if (s.DocumentScreening) list.Add("Method.DocumentScreening");
        if (s.Interview) list.Add("Method.Interview");
        if (s.WrittenTest) list.Add("Method.WrittenTest");
        return list.Count == 0 ? ["Method.Interview"] : list;
    }

    /// <summary>The selection methods in Japanese, as the referral slip prints them.</summary>
    public static IReadOnlyList<string> SelectionMethods(OfferSelection s) => [.. SelectionMethodKeys(s).Select(k => Term(Japanese, k))];

    /// <summary>A label or term of the sheet (JobSheetText) in this language.</summary>
    public static string Term(CultureInfo culture, string key) =>
        Text.GetString(key, culture) ?? throw new InvalidOperationException($"JobSheetText has no '{key}'.");

    private static int? Sum(int? pay, int? allowances, int? overtime) => pay is { } p ? p + (allowances ?? 0) + (overtime ?? 0) : null;

    private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);

    private static string Postal(string postalCode, string address) => Blank(postalCode) ? address.Trim() : $"〒{postalCode.Trim()}　{address.Trim()}";

    private static string Join(string separator, params string?[] parts) => string.Join(separator, parts.Where(p => !Blank(p)).Select(p => p!.Trim()));

    private static string Lines(params string?[] lines) => Join("\n", lines);

    private sealed class Builder(CultureInfo culture)
    {
        private List<JobSheetRow>? rows;

        public List<JobSheetSection> Sections { get; } = [];

        public void Section(string key)
        {
            rows = [];
            Sections.Add(new JobSheetSection(key, T($"Section.{key}"), rows));
        }

        public void Row(string key, string? value, bool wide = false, IReadOnlyList<string>? fields = null) =>
            Add(new JobSheetRow(key, T($"Label.{key}"), value?.Trim() ?? "", fields ?? [key], wide));

        public void Add(JobSheetRow row) => rows!.Add(row);

        /// <summary>A date in the sheet's language (the PDF's Japanese view writes 2026年11月23日).</summary>
        public string Date(DateOnly date) => JapanTime.Format(date, culture);

        public string T(string key) => Term(culture, key);

        public string T(string key, params object[] args) => string.Format(culture, T(key), args);

        public string YesNo(bool value) => T(value ? "Yes" : "No");

        public string WithDetail(string head, string? detail) => Blank(detail) ? head : T("WithDetail", head, detail!.Trim());

        public string Yen(long amount) => T("Yen", amount);

        /// <summary>200,000円〜250,000円; one amount when the ends are equal; 〜250,000円 or 200,000円〜 with one end; blank with none.</summary>
        public string YenRange(long? min, long? max) => (min, max) switch
        {
            ({ } lo, { } hi) => hi == lo ? Yen(lo) : T("Range", Yen(lo), Yen(hi)),
            ({ } lo, null) => T("From", Yen(lo)),
            (null, { } hi) => T("UpTo", Yen(hi)),
            _ => "",
        };

        public string Time(TimeOnly time) => T("Time", time.Hour, time.Minute);
    }
}

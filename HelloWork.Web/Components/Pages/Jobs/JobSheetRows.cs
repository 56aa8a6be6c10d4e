using System.Globalization;
using HelloWork.Domain.Common;
using HelloWork.Domain.Documents.JobSheets;
using HelloWork.Web.Resources;
using Microsoft.Extensions.Localization;

namespace HelloWork.Web.Components.Pages.Jobs;

public sealed record SheetRow(string Label, string Value);

public sealed record SheetSection(string Title, IReadOnlyList<SheetRow> Rows);

/// <summary>The 求人票's nine sections (R-JOB-8, REFERENCE.md) as labelled rows for the detail page; the same data the PDF prints.</summary>
public static class JobSheetRows
{
    public static IReadOnlyList<SheetSection> Sections(JobSheetData s, IStringLocalizer<JobseekerText> t)
    {
        string Yes(bool b) => b ? t["Yes"] : t["No"];
        string none = t["None"];
        string Yen(long v) => v.ToString("N0", CultureInfo.InvariantCulture) + "円";
        string Range(JobSheetYenRange r) => r.Max is { } max && max > r.Min ? $"{Yen(r.Min)}〜{Yen(max)}" : Yen(r.Min);
        var sections = new List<SheetSection>();
        void Add(string title, params (string Key, string? Value)[] rows) =>
            sections.Add(new SheetSection(t["Sheet." + title], [.. rows.Where(r => !string.IsNullOrWhiteSpace(r.Value)).Select(r => new SheetRow(t["Sheet." + r.Key], r.Value!))]));

        Add("Basics", ("JobNumber", s.Basics.JobNumber), ("AcceptedOn", JapanTime.Format(s.Basics.AcceptedOn)), ("ValidUntil", JapanTime.Format(s.Basics.ValidUntil)),
            ("ReceivingOffice", s.Basics.ReceivingOffice), ("Category", s.Basics.Category), ("SelfApplication", Yes(s.Basics.AcceptsOnlineSelfApplication)),
            ("Industry", s.Basics.Industry), ("TrialEmployment", Yes(s.Basics.TrialEmployment)), ("Scope", s.Basics.PublicationScope));
        Add("Establishment", ("EstablishmentNumber", s.Establishment.EstablishmentNumber), ("EstablishmentName", s.Establishment.Name),
            ("Kana", s.Establishment.NameKana), ("Address", $"〒{s.Establishment.PostalCode} {s.Establishment.Address}"), ("Website", s.Establishment.Website));
        var w = s.Work;
        Add("Work", ("Occupation", w.Occupation), ("Description", w.Description), ("EmploymentType", w.EmploymentType), ("Dispatch", w.DispatchOrContract),
            ("Period", w.EmploymentPeriod ?? t["NoFixedTerm"]), ("Renewal", w.ContractRenewal), ("Conversion", w.RegularEmployeeConversion),
            ("Workplace", $"〒{w.Workplace.PostalCode} {w.Workplace.Address}"),
            ("Station", w.Workplace.NearestStation is null ? null : $"{w.Workplace.NearestStation}（{w.Workplace.Access} {w.Workplace.AccessMinutes}分）"),
            ("RemoteWork", w.RemoteWork), ("Smoking", w.PassiveSmokingMeasure), ("Car", w.CommuteByCar), ("Transfer", w.Transfer), ("Uij", Yes(w.UijTurnWelcome)),
            ("Age", w.Age), ("AgeReason", w.AgeLimitReason), ("Education", w.Education), ("Experience", w.Experience), ("PcSkills", w.PcSkills),
            ("Licence", w.DrivingLicence), ("Licenses", w.Licenses), ("TrialPeriod", w.TrialPeriod));
        var p = s.Wages;
        Add("Wages", ("WageForm", p.WageForm), ("BasePay", Range(p.BasePay)),
            ("FixedAllowances", string.Join("、", p.FixedAllowances.Select(a => $"{a.Name} {Range(a.Amount)}"))),
            ("FixedOvertime", p.FixedOvertime is { } o ? $"{Range(o.Amount)}（{o.Hours.ToString(CultureInfo.InvariantCulture)}時間分） {o.Note}" : none),
            ("Total", Range(p.Total)), ("OtherAllowances", p.OtherAllowances), ("Commuting", p.CommutingAllowance), ("ClosingDay", p.ClosingDay),
            ("PayDay", p.PayDay), ("Raise", p.Raise is { } r ? Range(r) : none),
            ("Bonus", p.Bonus is { } b ? $"{b.TimesPerYear?.ToString(CultureInfo.InvariantCulture)}回 {(b.Months is { } m ? m.ToString(CultureInfo.InvariantCulture) + "か月分" : b.Amount is { } a ? Range(a) : "")}" : none),
            ("AnnualIncome", p.AnnualIncomeExample is { } y ? $"{Yen(y)} {p.AnnualIncomeNote}" : null));
        var h = s.Hours;
        Add("Hours", ("Shifts", string.Join("　", h.Shifts.Select((x, i) => $"({i + 1}) {JobseekerLabels.Time(x.Start)}〜{JobseekerLabels.Time(x.End)}"))),
            ("ShiftSystem", Yes(h.ShiftSystem)), ("HoursNote", h.HoursNote), ("DaysPerWeek", h.DaysPerWeek),
            ("Overtime", h.OvertimeMonthlyAverageHours is { } ot ? t["MonthlyAverage", ot] : none), ("Break", $"{h.BreakMinutes}分"),
            ("AnnualHolidays", $"{h.AnnualHolidays}日"), ("Holidays", h.Holidays), ("FiveDayWeek", h.FiveDayWeek), ("PaidLeave", $"{h.PaidLeaveDaysAfterSixMonths}日"));
        var c = s.Conditions;
        var ins = c.Insurance;
        Add("Conditions", ("Insurance", string.Join(" ", new[] { (ins.Employment, "雇用"), (ins.WorkersAccident, "労災"), (ins.PublicServiceAccident, "公災"),
                (ins.Health, "健康"), (ins.WelfarePension, "厚生"), (ins.PropertySavings, "財形") }.Where(x => x.Item1).Select(x => x.Item2))),
            ("Pension", c.CorporatePension), ("RetirementAllowance", c.RetirementAllowance), ("RetirementAge", c.RetirementAge), ("Reemployment", c.Reemployment),
            ("Housing", c.Housing), ("Childcare", c.Childcare), ("Leave", c.ChildcareLeave), ("Training", c.Training), ("Benefits", c.Benefits));
        var co = s.Company;
        Add("Company", ("Employees", co.EmployeesTotal is { } e ? t["EmployeesLine", e, co.EmployeesAtWorkplace ?? 0, co.EmployeesWomen ?? 0, co.EmployeesPartTime ?? 0].Value : null),
            ("Founded", co.FoundedYear?.ToString(CultureInfo.InvariantCulture)), ("Capital", co.Capital is { } cap ? Yen(cap) : null),
            ("Union", co.LaborUnion is { } u ? Yes(u) : null), ("Business", co.Business), ("Features", co.Features), ("Representative", co.Representative),
            ("CorporateNumber", co.CorporateNumber));
        var sel = s.Selection;
        Add("Selection", ("Openings", $"{sel.Openings}人"), ("Reason", sel.Reason), ("Methods", string.Join("、", sel.Methods)),
            ("ResultNotice", sel.ResultNoticeDays is { } d ? t["WithinDays", d].Value : null), ("Schedule", sel.Schedule), ("Place", sel.Place),
            ("Documents", string.Join("、", sel.Documents)), ("MypageDocuments", Yes(sel.AcceptsMypageDocuments)),
            ("Contact", $"{sel.Contact.Title} {sel.Contact.Name}　{sel.Contact.Phone}"));
        Add("Notes", ("SpecialNotes", s.Notes.SpecialNotes), ("Pr", s.Notes.PrText));
        return sections;
    }
}

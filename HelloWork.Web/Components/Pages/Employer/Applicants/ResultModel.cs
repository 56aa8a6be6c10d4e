using HelloWork.Domain.Applications;
using HelloWork.Web.Components.Pages.Employer.Offers.Entry;

namespace HelloWork.Web.Components.Pages.Employer.Applicants;

/// <summary>選考結果登録 as typed (R-RES-1): 採否 and 相違 are mandatory; the domain checks the rest (hiring date, reason code, note).</summary>
public sealed class ResultModel
{
    [Req] public ResultOutcome? Outcome { get; set; }
    [Req] public bool? Discrepancy { get; set; }
    [Max(1000)] public string? DiscrepancyNote { get; set; }
    public DateTime? HiringDate { get; set; }
    public int? ReasonCode { get; set; }

    // 採用時の労働条件 (採否連絡票), prefilled from the version applied to; compared with it to prefill 相違 (R-CHG-2).
    public HelloWork.Domain.JobOffers.EmploymentType? HiringEmploymentType { get; set; }
    public HelloWork.Domain.JobOffers.WageForm? HiringWageForm { get; set; }
    public int? HiringWage { get; set; }
    public TimeSpan? HiringStart { get; set; }
    public TimeSpan? HiringEnd { get; set; }
    [Max(10)] public string? HiringPrefecture { get; set; }
    [Max(50)] public string? HiringMunicipality { get; set; }

    /// <summary>The hiring conditions as the domain compares them.</summary>
    public HiringConditions Conditions => new(HiringEmploymentType, HiringWageForm, HiringWage,
        HiringStart is { } start ? TimeOnly.FromTimeSpan(start) : null, HiringEnd is { } end ? TimeOnly.FromTimeSpan(end) : null,
        HiringPrefecture, HiringMunicipality);

    /// <summary>Starts the hiring conditions at the version applied to: the employer changes what differs.</summary>
    public void PrefillFrom(HelloWork.Domain.JobOffers.JobSheet sheet)
    {
        HiringEmploymentType = sheet.Work.EmploymentType;
        HiringWageForm = sheet.Wages.Form;
        HiringWage = (sheet.Wages.BaseMin ?? 0) + (sheet.Wages.FixedAllowances ?? 0);
        HiringStart = sheet.Hours.Start?.ToTimeSpan();
        HiringEnd = sheet.Hours.End?.ToTimeSpan();
        HiringPrefecture = sheet.Work.WorkplacePrefecture;
        HiringMunicipality = sheet.Work.WorkplaceMunicipality;
    }

    public ResultInput ToInput() => new(Outcome!.Value, Outcome == ResultOutcome.NotHired ? ReasonCode : null, Discrepancy == true,
        DiscrepancyNote, Outcome == ResultOutcome.Hired && HiringDate is { } d ? DateOnly.FromDateTime(d) : null);
}

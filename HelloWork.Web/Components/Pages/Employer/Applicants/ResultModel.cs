using HelloWork.Domain.Applications;
using HelloWork.Web.Components.Pages.Employer.Offers.Entry;

namespace HelloWork.Web.Components.Pages.Employer.Applicants;

/// <summary>選考結果登録 as typed (R-RES-1): 採否 is mandatory; what else is depends on it, as on the real 採否連絡票 (REFERENCE.md): for 採用
/// the hiring date and 相違 有／無, for 不採用 the reason code (<see cref="MissingForOutcome"/>). The domain checks the rest.</summary>
public sealed class ResultModel
{
    [Req] public ResultOutcome? Outcome { get; set; }
    public bool? Discrepancy { get; set; }
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

    /// <summary>The entries the chosen 採否 needs and that are still empty, each with the error code of its message (R-ERR-1): shown next
    /// to the field before anything is sent.</summary>
    public IEnumerable<(string Property, string Code)> MissingForOutcome()
    {
        if (Outcome == ResultOutcome.Hired)
        {
            if (HiringDate is null)
            {
                yield return (nameof(HiringDate), HelloWork.Domain.Common.ErrorCodes.HiringDateRequired);
            }
            if (Discrepancy is null)
            {
                yield return (nameof(Discrepancy), "Required");
            }
        }
        else if (Outcome == ResultOutcome.NotHired && ReasonCode is null)
        {
            yield return (nameof(ReasonCode), HelloWork.Domain.Common.ErrorCodes.ReasonRequired);
        }
    }

    /// <summary>相違 is the hiring conditions' (採用 only); for 不採用 it is not asked and nothing of it is sent.</summary>
    public ResultInput ToInput() => new(Outcome!.Value, Outcome == ResultOutcome.NotHired ? ReasonCode : null, Outcome == ResultOutcome.Hired && Discrepancy == true,
        Outcome == ResultOutcome.Hired ? DiscrepancyNote : null, Outcome == ResultOutcome.Hired && HiringDate is { } d ? DateOnly.FromDateTime(d) : null);
}

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

    public ResultInput ToInput() => new(Outcome!.Value, Outcome == ResultOutcome.NotHired ? ReasonCode : null, Discrepancy == true,
        DiscrepancyNote, Outcome == ResultOutcome.Hired && HiringDate is { } d ? DateOnly.FromDateTime(d) : null);
}

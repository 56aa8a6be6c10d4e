using HelloWork.Domain.Accounts;

namespace HelloWork.Web.Components.Pages.Jobseeker;

/// <summary>The editable copy of <see cref="DisabilityInfo"/>; "no" saves nothing but the answer.</summary>
public sealed class DisabilityForm
{
    public bool Applicable { get; set; }
    public DisabilityCertificate Certificate { get; set; }
    public string? Grade { get; set; }
    public string? Accommodation { get; set; }
    public bool DiscloseToEmployers { get; set; }

    public static DisabilityForm From(DisabilityInfo d) => new()
    {
        Applicable = d.Applicable, Certificate = d.Certificate, Grade = d.Grade, Accommodation = d.Accommodation, DiscloseToEmployers = d.DiscloseToEmployers,
    };

    public DisabilityInfo ToInfo() => Applicable
        ? new DisabilityInfo(true, Certificate, Certificate == DisabilityCertificate.NoneOrApplying ? null : Grade, Accommodation, DiscloseToEmployers)
        : DisabilityInfo.NotApplicable;
}

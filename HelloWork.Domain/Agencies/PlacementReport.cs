using HelloWork.Domain.Common;

namespace HelloWork.Domain.Agencies;

/// <summary>
/// 採用決定: an agency reports that a person it placed was hired on a Hello Work offer it received by information provision
/// (R-AGY-1; seed 003: 「採用決定数」 by kind of agency). Counted in the figures of the office that accepted the offer
/// (<see cref="OfficeId"/>, fixed when reported) on the Japan date of the hire. The report names no person: the agency's
/// jobseeker is its own, outside the site.
/// </summary>
public sealed class PlacementReport
{
    private PlacementReport() { }

    public PlacementReport(Guid agencyId, Guid jobOfferId, Guid officeId, string jobNumber, DateOnly hiredOn, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        AgencyId = agencyId;
        JobOfferId = jobOfferId;
        OfficeId = officeId;
        JobNumber = Text.Require(jobNumber, nameof(JobNumber), 20);
        HiredOn = hiredOn;
        ReportedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid AgencyId { get; private set; }
    public Guid JobOfferId { get; private set; }

    /// <summary>The office that accepted the offer (受理安定所): whose figures count the placement.</summary>
    public Guid OfficeId { get; private set; }

    public string JobNumber { get; private set; } = "";

    /// <summary>採用日 (Japan date).</summary>
    public DateOnly HiredOn { get; private set; }

    public DateTimeOffset ReportedAt { get; private set; }
}

using HelloWork.Domain.Common;

namespace HelloWork.Domain.Figures;

public enum Achievement
{
    NotAchieved = 0,
    PartlyAchieved = 1,
    Achieved = 2,
}

/// <summary>An integrated facility's (一体的実施) yearly targets and actuals (R-KPI-4).</summary>
public sealed class IntegratedFacilityTarget
{
    private IntegratedFacilityTarget() { }

    public IntegratedFacilityTarget(Guid officeId, string facilityName, int fiscalYear)
    {
        Id = Guid.NewGuid();
        OfficeId = officeId;
        FacilityName = Text.Require(facilityName, nameof(FacilityName), 100);
        FiscalYear = fiscalYear;
    }

    public Guid Id { get; private set; }
    public Guid OfficeId { get; private set; }
    public string FacilityName { get; private set; } = "";
    public int FiscalYear { get; private set; }
    public int PlacementsTarget { get; private set; }
    public int PlacementsActual { get; private set; }
    public decimal PlacementRateTarget { get; private set; }
    public decimal PlacementRateActual { get; private set; }
    public int UsersTarget { get; private set; }
    public int UsersActual { get; private set; }
    public int ConsultationsTarget { get; private set; }
    public int ConsultationsActual { get; private set; }

    public void SetTargets(int placements, decimal placementRate, int users, int consultations)
    {
        if (placements < 0 || users < 0 || consultations < 0 || placementRate is < 0 or > 100)
        {
            throw new DomainException(ErrorCodes.OutOfRange);
        }
        (PlacementsTarget, PlacementRateTarget, UsersTarget, ConsultationsTarget) = (placements, placementRate, users, consultations);
    }

    public void SetActuals(int placements, decimal placementRate, int users, int consultations)
    {
        if (placements < 0 || users < 0 || consultations < 0 || placementRate is < 0 or > 100)
        {
            throw new DomainException(ErrorCodes.OutOfRange);
        }
        (PlacementsActual, PlacementRateActual, UsersActual, ConsultationsActual) = (placements, placementRate, users, consultations);
    }

    /// <summary>Achieved when every target is met, not achieved when none is, partly otherwise (R-KPI-4).</summary>
    public Achievement Result
    {
        get
        {
            var met = new[]
            {
                PlacementsActual >= PlacementsTarget,
                PlacementRateActual >= PlacementRateTarget,
                UsersActual >= UsersTarget,
                ConsultationsActual >= ConsultationsTarget,
            };
            return met.All(m => m) ? Achievement.Achieved : met.Any(m => m) ? Achievement.PartlyAchieved : Achievement.NotAchieved;
        }
    }
}

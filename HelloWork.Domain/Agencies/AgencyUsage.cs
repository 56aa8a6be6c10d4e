namespace HelloWork.Domain.Agencies;

/// <summary>利用状況の報告: what an agency used, per Japan month (R-AGY-1..3; REFERENCE.md "the user organisations report their use").</summary>
public sealed class AgencyUsage
{
    private AgencyUsage() { }

    public AgencyUsage(Guid agencyId, string month)
    {
        AgencyId = agencyId;
        Month = month;
    }

    public Guid AgencyId { get; private set; }

    /// <summary>yyyy-MM in Japan time.</summary>
    public string Month { get; private set; } = "";

    public int OfferViews { get; private set; }
    public int ProfileViews { get; private set; }
    public int Downloads { get; private set; }
    public long RowsDownloaded { get; private set; }
    public int Messages { get; private set; }

    /// <summary>採用決定 reported this month (<see cref="PlacementReport"/>).</summary>
    public int Placements { get; private set; }

    public void CountOfferView() => OfferViews++;

    public void CountProfileView() => ProfileViews++;

    public void CountDownload(long rows)
    {
        Downloads++;
        RowsDownloaded += rows;
    }

    public void CountMessage() => Messages++;

    public void CountPlacement() => Placements++;
}

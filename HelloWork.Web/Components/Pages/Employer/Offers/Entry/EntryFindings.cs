using HelloWork.Domain.JobOffers;

namespace HelloWork.Web.Components.Pages.Employer.Offers.Entry;

/// <summary>The domain's findings of the last save, cascaded to the inputs so each shows its orange warning under itself.</summary>
public sealed record EntryFindings(IReadOnlyList<Finding> All)
{
    public static readonly EntryFindings None = new([]);

    public IEnumerable<Finding> WarningsFor(string key) => All.Where(f => f.Level == FindingLevel.Warning && f.Field == key);
}

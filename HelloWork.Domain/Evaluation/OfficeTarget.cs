using HelloWork.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelloWork.Domain.Evaluation;

/// <summary>An office's yearly targets for the common indicators, its chosen 所重点指標 and 所重点項目 (R-EVAL-1). One row per office and fiscal year.</summary>
public sealed class OfficeTarget
{
    private OfficeTarget() { }

    public OfficeTarget(Guid officeId, int fiscalYear)
    {
        Id = Guid.NewGuid();
        OfficeId = officeId;
        FiscalYear = fiscalYear;
    }

    public Guid Id { get; private set; }
    public Guid OfficeId { get; private set; }
    public int FiscalYear { get; private set; }
    public int PlacementsTarget { get; private set; }
    public int FilledOffersTarget { get; private set; }
    public int EarlyReemploymentsTarget { get; private set; }
    public decimal ReferralRateTarget { get; private set; }

    /// <summary>Codes of the chosen 所重点指標 (<see cref="Indicators.Priority"/>), comma-separated.</summary>
    public string PriorityIndicators { get; private set; } = "";

    /// <summary>The chosen 所重点項目 (<see cref="PriorityItem"/> numbers), comma-separated.</summary>
    public string PriorityItems { get; private set; } = "";

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<string> PriorityIndicatorCodes => [.. PriorityIndicators.Split(',', StringSplitOptions.RemoveEmptyEntries)];

    public IReadOnlyList<PriorityItem> ChosenItems => [.. PriorityItems.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(i => (PriorityItem)int.Parse(i, System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>The target of a 主要指標 or of 紹介率, null for an indicator without one.</summary>
    public decimal? TargetOf(string code) => code switch
    {
        Indicators.Placements => PlacementsTarget,
        Indicators.FilledOffers => FilledOffersTarget,
        Indicators.EarlyReemployments => EarlyReemploymentsTarget,
        Indicators.ReferralRate => ReferralRateTarget,
        _ => null,
    };

    public void Set(int placements, int filledOffers, int earlyReemployments, decimal referralRate, IReadOnlyCollection<string> priorityIndicators,
        IReadOnlyCollection<PriorityItem> items, DateTimeOffset now)
    {
        if (placements is < 1 or > 1_000_000)
        {
            throw new DomainException(ErrorCodes.OutOfRange, nameof(PlacementsTarget));
        }
        if (filledOffers is < 1 or > 1_000_000)
        {
            throw new DomainException(ErrorCodes.OutOfRange, nameof(FilledOffersTarget));
        }
        if (earlyReemployments is < 1 or > 1_000_000)
        {
            throw new DomainException(ErrorCodes.OutOfRange, nameof(EarlyReemploymentsTarget));
        }
        if (referralRate is <= 0 or > 100)
        {
            throw new DomainException(ErrorCodes.OutOfRange, nameof(ReferralRateTarget));
        }
        if (priorityIndicators.Any(c => Indicators.Priority.All(i => i.Code != c)))
        {
            throw new DomainException(ErrorCodes.InvalidChoice, nameof(PriorityIndicators));
        }
        if (items.Any(i => !Enum.IsDefined(i)))
        {
            throw new DomainException(ErrorCodes.InvalidChoice, nameof(PriorityItems));
        }
        (PlacementsTarget, FilledOffersTarget, EarlyReemploymentsTarget, ReferralRateTarget) = (placements, filledOffers, earlyReemployments, referralRate);
        PriorityIndicators = string.Join(',', priorityIndicators.Distinct().Order(StringComparer.Ordinal));
        PriorityItems = string.Join(',', items.Distinct().Order().Select(i => (int)i));
        UpdatedAt = now;
    }
}

internal sealed class OfficeTargetConfiguration : IEntityTypeConfiguration<OfficeTarget>
{
    public void Configure(EntityTypeBuilder<OfficeTarget> b)
    {
        b.HasIndex(t => new { t.OfficeId, t.FiscalYear }).IsUnique();
        b.Property(t => t.ReferralRateTarget).HasPrecision(5, 1);
        b.Property(t => t.PriorityIndicators).HasMaxLength(400);
        b.Property(t => t.PriorityItems).HasMaxLength(100);
        b.Ignore(t => t.PriorityIndicatorCodes);
        b.Ignore(t => t.ChosenItems);
    }
}

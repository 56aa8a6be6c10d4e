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

    /// <summary>The labour bureau's decision on these targets (R-EVAL-1): every change by the office waits for it again.</summary>
    public TargetApproval Approval { get; private set; }

    /// <summary>Why the bureau returned the targets (差戻し理由), while <see cref="Approval"/> is <see cref="TargetApproval.Returned"/>.</summary>
    public string? ReturnReason { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    /// <summary>The bureau approves the targets as they stand (R-EVAL-1); only targets waiting for it.</summary>
    public void Approve(DateTimeOffset now)
    {
        if (Approval != TargetApproval.Pending)
        {
            throw new DomainException(ErrorCodes.InvalidChoice, nameof(Approval));
        }
        (Approval, ReturnReason, ReviewedAt) = (TargetApproval.Approved, null, now);
    }

    /// <summary>The bureau returns the targets with a reason; the office sets them again (R-EVAL-1).</summary>
    public void Return(string? reason, DateTimeOffset now)
    {
        if (Approval != TargetApproval.Pending)
        {
            throw new DomainException(ErrorCodes.InvalidChoice, nameof(Approval));
        }
        var text = Text.Require(reason, nameof(ReturnReason), 1000);
        (Approval, ReturnReason, ReviewedAt) = (TargetApproval.Returned, text, now);
    }

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
        (Approval, ReturnReason, ReviewedAt) = (TargetApproval.Pending, null, null);
    }
}

/// <summary>Where an office's yearly targets stand with its labour bureau (R-EVAL-1).</summary>
public enum TargetApproval
{
    /// <summary>承認待ち: set or changed by the office, not yet decided.</summary>
    Pending = 0,

    /// <summary>承認済み.</summary>
    Approved = 1,

    /// <summary>差戻し: returned with a reason.</summary>
    Returned = 2,
}

internal sealed class OfficeTargetConfiguration : IEntityTypeConfiguration<OfficeTarget>
{
    public void Configure(EntityTypeBuilder<OfficeTarget> b)
    {
        b.HasIndex(t => new { t.OfficeId, t.FiscalYear }).IsUnique();
        b.Property(t => t.ReferralRateTarget).HasPrecision(5, 1);
        b.Property(t => t.PriorityIndicators).HasMaxLength(400);
        b.Property(t => t.PriorityItems).HasMaxLength(100);
        b.Property(t => t.ReturnReason).HasMaxLength(1000);
        b.Ignore(t => t.PriorityIndicatorCodes);
        b.Ignore(t => t.ChosenItems);
    }
}

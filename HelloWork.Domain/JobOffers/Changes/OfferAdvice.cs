using HelloWork.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelloWork.Domain.JobOffers;

/// <summary>What staff did for an offer under 求人充足サービス (R-CHG-3).</summary>
public enum AdviceKind
{
    /// <summary>事業所訪問</summary>
    Visit = 0,

    /// <summary>求人条件等の助言（電話・窓口）</summary>
    Advice = 1,
}

/// <summary>
/// 求人充足サービス (R-CHG-3): an establishment visit or advice on one offer, recorded by staff of the establishment's office with the
/// date it took place and what was said. The employer sees it on the offer's page.
/// </summary>
public sealed class OfferAdvice
{
    public const int MaxText = 2000;

    private OfferAdvice() { }

    public OfferAdvice(Guid jobOfferId, Guid officeId, Guid staffUserId, string staffName, AdviceKind kind, DateOnly date, string text, DateTimeOffset now)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException(ErrorCodes.InvalidChoice, nameof(Kind));
        }
        if (date > JapanTime.DateOf(now))
        {
            throw new DomainException(ErrorCodes.AdviceDateInFuture, nameof(Date));
        }
        Id = Guid.NewGuid();
        JobOfferId = jobOfferId;
        OfficeId = officeId;
        StaffUserId = staffUserId;
        StaffName = staffName;
        Kind = kind;
        Date = date;
        Text = Common.Text.Require(text, nameof(Text), MaxText);
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid JobOfferId { get; private set; }
    public Guid OfficeId { get; private set; }
    public Guid StaffUserId { get; private set; }
    public string StaffName { get; private set; } = "";
    public AdviceKind Kind { get; private set; }

    /// <summary>The Japan date of the visit or the advice.</summary>
    public DateOnly Date { get; private set; }

    public string Text { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
}

internal sealed class OfferAdviceConfiguration : IEntityTypeConfiguration<OfferAdvice>
{
    public void Configure(EntityTypeBuilder<OfferAdvice> b)
    {
        b.HasIndex(a => new { a.JobOfferId, a.CreatedAt });
        b.Property(a => a.Text).HasMaxLength(OfferAdvice.MaxText);
        b.Property(a => a.StaffName).HasMaxLength(100);
        b.HasOne<JobOffer>().WithMany().HasForeignKey(a => a.JobOfferId).OnDelete(DeleteBehavior.Cascade);
    }
}

using HelloWork.Domain.Data.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelloWork.Domain.JobOffers;

/// <summary>
/// A published version of a 求人票 that an accepted change replaced (R-CHG-2). The current version is the offer's own
/// <see cref="JobOffer.Sheet"/> (number <see cref="JobOffer.Version"/>); each earlier one is a row here, so every application and
/// referral finds the exact sheet it was made on by its offer and version number.
/// </summary>
public sealed class OfferVersion
{
    private OfferVersion() { }

    public OfferVersion(Guid jobOfferId, int number, JobSheet sheet, DateTimeOffset replacedAt)
    {
        Id = Guid.NewGuid();
        JobOfferId = jobOfferId;
        Number = number;
        Sheet = sheet;
        ReplacedAt = replacedAt;
    }

    public Guid Id { get; private set; }
    public Guid JobOfferId { get; private set; }
    public int Number { get; private set; }
    public JobSheet Sheet { get; private set; } = new();

    /// <summary>When the change that replaced this version was accepted.</summary>
    public DateTimeOffset ReplacedAt { get; private set; }

    /// <summary>The sheet of version <paramref name="number"/> of <paramref name="offer"/>: its own sheet when that is the current one,
    /// else the kept row (R-CHG-2).</summary>
    public static async Task<JobSheet> SheetAsync(Data.HelloWorkDb db, JobOffer offer, int number, CancellationToken ct)
    {
        if (number >= offer.Version)
        {
            return offer.Sheet;
        }
        return await db.OfferVersions.Where(v => v.JobOfferId == offer.Id && v.Number == number).Select(v => v.Sheet).FirstOrDefaultAsync(ct)
            ?? offer.Sheet;
    }
}

internal sealed class OfferVersionConfiguration : IEntityTypeConfiguration<OfferVersion>
{
    public void Configure(EntityTypeBuilder<OfferVersion> b)
    {
        b.Property(v => v.Sheet).AsJson();
        b.HasIndex(v => new { v.JobOfferId, v.Number }).IsUnique();
        b.HasOne<JobOffer>().WithMany().HasForeignKey(v => v.JobOfferId).OnDelete(DeleteBehavior.Cascade);
    }
}

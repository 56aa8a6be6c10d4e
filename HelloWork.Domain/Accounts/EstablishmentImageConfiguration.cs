using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelloWork.Domain.Accounts;

internal sealed class EstablishmentImageConfiguration : IEntityTypeConfiguration<EstablishmentImage>
{
    public void Configure(EntityTypeBuilder<EstablishmentImage> b)
    {
        b.HasIndex(i => new { i.EstablishmentId, i.SortOrder });
        b.Property(i => i.ContentType).HasMaxLength(50);
        b.Property(i => i.Caption).HasMaxLength(EstablishmentImage.MaxCaption);
        b.Property(i => i.RefusalReason).HasMaxLength(EstablishmentImage.MaxRefusalReason);
        b.HasIndex(i => new { i.Review, i.SubmittedAt }); // the offices' queues of images waiting for the check
        b.HasOne<Establishment>().WithMany().HasForeignKey(i => i.EstablishmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

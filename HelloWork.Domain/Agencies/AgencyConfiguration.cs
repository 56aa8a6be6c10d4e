using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelloWork.Domain.Agencies;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> b)
    {
        // 利用団体ID: unique among approved agencies (null until the first approval; NULLs do not collide on either provider).
        b.Property(a => a.Code).HasMaxLength(8);
        b.HasIndex(a => a.Code).IsUnique();
        b.Property(a => a.ReturnReason).HasMaxLength(500);
    }
}

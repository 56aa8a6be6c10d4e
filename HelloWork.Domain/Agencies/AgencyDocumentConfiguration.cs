using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelloWork.Domain.Agencies;

internal sealed class AgencyDocumentConfiguration : IEntityTypeConfiguration<AgencyDocument>
{
    public void Configure(EntityTypeBuilder<AgencyDocument> b)
    {
        b.Property(d => d.FileName).HasMaxLength(200);
        b.Property(d => d.ContentType).HasMaxLength(100);
        b.HasIndex(d => d.AgencyId);
        // Kept while the agency exists, deleted with it (content included: it is in the row).
        b.HasOne<Agency>().WithMany().HasForeignKey(d => d.AgencyId).OnDelete(DeleteBehavior.Cascade);
    }
}

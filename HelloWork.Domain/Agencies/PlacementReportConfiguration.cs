using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelloWork.Domain.Agencies;

internal sealed class PlacementReportConfiguration : IEntityTypeConfiguration<PlacementReport>
{
    public void Configure(EntityTypeBuilder<PlacementReport> b)
    {
        b.Property(p => p.JobNumber).HasMaxLength(20);
        b.HasIndex(p => new { p.AgencyId, p.HiredOn });
        b.HasIndex(p => new { p.OfficeId, p.HiredOn });
        b.HasOne<Agency>().WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Cascade);
    }
}

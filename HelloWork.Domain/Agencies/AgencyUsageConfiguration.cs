using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelloWork.Domain.Agencies;

internal sealed class AgencyUsageConfiguration : IEntityTypeConfiguration<AgencyUsage>
{
    public void Configure(EntityTypeBuilder<AgencyUsage> b)
    {
        b.HasKey(u => new { u.AgencyId, u.Month });
        b.Property(u => u.Month).HasMaxLength(7);
    }
}

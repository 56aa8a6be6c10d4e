using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelloWork.Domain.Agencies;

internal sealed class AgencyApiKeyConfiguration : IEntityTypeConfiguration<AgencyApiKey>
{
    public void Configure(EntityTypeBuilder<AgencyApiKey> b)
    {
        b.HasIndex(k => k.Prefix).IsUnique();
        b.HasOne<Agency>().WithMany().HasForeignKey(k => k.AgencyId).OnDelete(DeleteBehavior.Cascade);
    }
}

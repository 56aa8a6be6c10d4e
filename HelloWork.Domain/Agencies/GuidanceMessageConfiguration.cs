using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelloWork.Domain.Agencies;

internal sealed class GuidanceMessageConfiguration : IEntityTypeConfiguration<GuidanceMessage>
{
    public void Configure(EntityTypeBuilder<GuidanceMessage> b)
    {
        b.HasIndex(m => new { m.JobseekerId, m.SentAt });
        b.HasIndex(m => new { m.AgencyId, m.SentAt });
        b.HasIndex(m => m.SentAt);
    }
}

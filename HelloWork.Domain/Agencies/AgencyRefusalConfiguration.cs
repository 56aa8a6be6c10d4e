using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelloWork.Domain.Agencies;

internal sealed class AgencyRefusalConfiguration : IEntityTypeConfiguration<AgencyRefusal>
{
    public void Configure(EntityTypeBuilder<AgencyRefusal> b) => b.HasKey(r => new { r.AgencyId, r.JobseekerId });
}

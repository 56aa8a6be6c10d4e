using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelloWork.Domain.Figures;

internal sealed class IntegratedFacilityTargetConfiguration : IEntityTypeConfiguration<IntegratedFacilityTarget>
{
    public void Configure(EntityTypeBuilder<IntegratedFacilityTarget> b) => b.HasIndex(t => new { t.OfficeId, t.FiscalYear });
}

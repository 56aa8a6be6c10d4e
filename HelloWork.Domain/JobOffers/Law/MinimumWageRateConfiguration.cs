using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelloWork.Domain.JobOffers.Law;

internal sealed class MinimumWageRateConfiguration : IEntityTypeConfiguration<MinimumWageRate>
{
    public void Configure(EntityTypeBuilder<MinimumWageRate> b)
    {
        b.Property(r => r.Prefecture).HasMaxLength(10);
        b.Property(r => r.Source).HasMaxLength(200);
        b.HasIndex(r => new { r.Prefecture, r.EffectiveFrom });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelloWork.Domain.Accounts;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(100);
        b.Property(u => u.Role).HasMaxLength(20);
        b.Property(u => u.Prefecture).HasMaxLength(10);
        b.HasIndex(u => u.EstablishmentId);
        b.HasIndex(u => u.JobseekerId);
        b.HasIndex(u => u.OfficeId);
        b.HasIndex(u => u.AgencyId);
    }
}

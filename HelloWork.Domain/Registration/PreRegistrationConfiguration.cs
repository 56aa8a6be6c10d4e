using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelloWork.Domain.Registration;

internal sealed class PreRegistrationConfiguration : IEntityTypeConfiguration<PreRegistration>
{
    public void Configure(EntityTypeBuilder<PreRegistration> b)
    {
        b.HasIndex(p => p.JobseekerId).IsUnique();
        b.HasIndex(p => p.ReceiptNumber).IsUnique();
        b.HasIndex(p => new { p.OfficeId, p.Status });
        b.Property(p => p.ReceiptNumber).HasMaxLength(9);
    }
}

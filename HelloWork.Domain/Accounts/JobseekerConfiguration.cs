using HelloWork.Domain.Data.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelloWork.Domain.Accounts;

internal sealed class JobseekerConfiguration : IEntityTypeConfiguration<Jobseeker>
{
    public void Configure(EntityTypeBuilder<Jobseeker> b)
    {
        b.Property(j => j.Wishes).AsJson();
        b.HasIndex(j => j.JobseekerNumber).IsUnique();
        b.HasIndex(j => new { j.HomeOfficeId, j.Tier });
        b.HasIndex(j => j.Consent);
        b.HasIndex(j => j.ProfilePublic);
        b.Property(j => j.Name).HasMaxLength(50);
        b.Property(j => j.Kana).HasMaxLength(50);
        b.Property(j => j.DisabilityGrade).HasMaxLength(DisabilityInfo.MaxGrade);
        b.Property(j => j.DisabilityAccommodation).HasMaxLength(DisabilityInfo.MaxAccommodation);
    }
}

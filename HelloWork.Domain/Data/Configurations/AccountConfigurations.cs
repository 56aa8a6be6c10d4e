using HelloWork.Domain.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelloWork.Domain.Data.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(100);
        b.Property(u => u.Role).HasMaxLength(20);
        b.HasIndex(u => u.EstablishmentId);
        b.HasIndex(u => u.JobseekerId);
        b.HasIndex(u => u.OfficeId);
        b.HasIndex(u => u.AgencyId);
    }
}

internal sealed class OfficeConfiguration : IEntityTypeConfiguration<Office>
{
    public void Configure(EntityTypeBuilder<Office> b)
    {
        b.HasIndex(o => o.Code).IsUnique();
        b.Property(o => o.Code).HasMaxLength(5);
        b.Property(o => o.Name).HasMaxLength(100);
        b.Property(o => o.Version).IsConcurrencyToken();
    }
}

internal sealed class EstablishmentConfiguration : IEntityTypeConfiguration<Establishment>
{
    public void Configure(EntityTypeBuilder<Establishment> b)
    {
        b.HasIndex(e => e.Number).IsUnique();
        b.HasIndex(e => new { e.OfficeId, e.Status });
        b.Property(e => e.Name).HasMaxLength(100);
        b.HasOne<Office>().WithMany().HasForeignKey(e => e.OfficeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EstablishmentImageConfiguration : IEntityTypeConfiguration<EstablishmentImage>
{
    public void Configure(EntityTypeBuilder<EstablishmentImage> b)
    {
        b.HasIndex(i => new { i.EstablishmentId, i.SortOrder });
        b.Property(i => i.ContentType).HasMaxLength(50);
        b.Property(i => i.Caption).HasMaxLength(EstablishmentImage.MaxCaption);
        b.Property(i => i.RefusalReason).HasMaxLength(EstablishmentImage.MaxRefusalReason);
        b.HasIndex(i => new { i.Review, i.SubmittedAt }); // the offices' queues of images waiting for the check
        b.HasOne<Establishment>().WithMany().HasForeignKey(i => i.EstablishmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

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

using HelloWork.Domain.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelloWork.Domain.Bookings;

internal sealed class TrainingCourseConfiguration : IEntityTypeConfiguration<TrainingCourse>
{
    public void Configure(EntityTypeBuilder<TrainingCourse> b)
    {
        // The search: open courses by deadline, narrowed by prefecture and field.
        b.HasIndex(c => new { c.ApplicationDeadline, c.Prefecture });
        b.HasIndex(c => c.OfficeId);
        b.Property(c => c.Name).HasMaxLength(TrainingCourse.MaxName);
        b.Property(c => c.School).HasMaxLength(TrainingCourse.MaxName);
        b.Property(c => c.Prefecture).HasMaxLength(10);
        b.Property(c => c.Place).HasMaxLength(200);
        b.Property(c => c.Field).HasMaxLength(50);
        b.Property(c => c.Description).HasMaxLength(TrainingCourse.MaxText);
        b.HasOne<Office>().WithMany().HasForeignKey(c => c.OfficeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TrainingFavouriteConfiguration : IEntityTypeConfiguration<TrainingFavourite>
{
    public void Configure(EntityTypeBuilder<TrainingFavourite> b)
    {
        b.HasKey(f => new { f.JobseekerId, f.CourseId });
        b.HasOne<Jobseeker>().WithMany().HasForeignKey(f => f.JobseekerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<TrainingCourse>().WithMany().HasForeignKey(f => f.CourseId).OnDelete(DeleteBehavior.Cascade);
    }
}

using HelloWork.Domain.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelloWork.Domain.Bookings;

internal sealed class CounsellingSlotConfiguration : IEntityTypeConfiguration<CounsellingSlot>
{
    public void Configure(EntityTypeBuilder<CounsellingSlot> b)
    {
        // The day's appointments of an office; a counsellor's slots; a jobseeker's appointments.
        b.HasIndex(s => new { s.OfficeId, s.StartsAt });
        // A counsellor has one slot at a time.
        b.HasIndex(s => new { s.CounsellorUserId, s.StartsAt }).IsUnique();
        b.HasIndex(s => s.JobseekerId);
        b.Property(s => s.Note).HasMaxLength(CounsellingSlot.MaxNote);
        b.Ignore(s => s.EndsAt);
        b.Ignore(s => s.IsFree);
        b.HasOne<Office>().WithMany().HasForeignKey(s => s.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(s => s.CounsellorUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Jobseeker>().WithMany().HasForeignKey(s => s.JobseekerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<TrainingCourse>().WithMany().HasForeignKey(s => s.CourseId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class NamedCounsellorConfiguration : IEntityTypeConfiguration<NamedCounsellor>
{
    public void Configure(EntityTypeBuilder<NamedCounsellor> b)
    {
        b.HasKey(n => n.JobseekerId);
        b.HasIndex(n => n.CounsellorUserId);
        b.HasOne<Jobseeker>().WithMany().HasForeignKey(n => n.JobseekerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(n => n.CounsellorUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

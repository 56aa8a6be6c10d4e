using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelloWork.Domain.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasIndex(a => new { a.JobseekerId, a.At });
        b.HasIndex(a => new { a.OfficeId, a.At });
        b.HasIndex(a => new { a.SubjectId, a.At });
        b.HasIndex(a => new { a.ActorUserId, a.At });
        b.Property(a => a.Action).HasMaxLength(60);
    }
}

using HelloWork.Domain.Agencies;
using HelloWork.Domain.Audit;
using HelloWork.Domain.Figures;
using HelloWork.Domain.Notices;
using HelloWork.Domain.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelloWork.Domain.Data.Configurations;

internal sealed class ServerSecretConfiguration : IEntityTypeConfiguration<Common.ServerSecret>
{
    public void Configure(EntityTypeBuilder<Common.ServerSecret> b)
    {
        b.HasKey(s => s.Name);
        b.Property(s => s.Name).HasMaxLength(100);
        b.Property(s => s.Value).HasMaxLength(64);
    }
}

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> b)
    {
        b.HasIndex(n => new { n.Recipient, n.Seq }).IsUnique();
        b.HasIndex(n => new { n.Recipient, n.ReadAt });
        b.Property(n => n.Recipient).HasMaxLength(60);
    }
}

internal sealed class NoticeCounterConfiguration : IEntityTypeConfiguration<NoticeCounter>
{
    public void Configure(EntityTypeBuilder<NoticeCounter> b)
    {
        b.HasKey(c => c.Recipient);
        b.Property(c => c.Recipient).HasMaxLength(60);
        b.Property(c => c.LastSeq).IsConcurrencyToken();
    }
}

internal sealed class SavedSearchConfiguration : IEntityTypeConfiguration<SavedSearch>
{
    public void Configure(EntityTypeBuilder<SavedSearch> b) => b.HasIndex(s => s.JobseekerId);
}

internal sealed class FavouriteConfiguration : IEntityTypeConfiguration<Favourite>
{
    public void Configure(EntityTypeBuilder<Favourite> b) => b.HasKey(f => new { f.JobseekerId, f.JobOfferId });
}

internal sealed class DirectRequestConfiguration : IEntityTypeConfiguration<DirectRequest>
{
    public void Configure(EntityTypeBuilder<DirectRequest> b)
    {
        b.HasIndex(r => new { r.JobOfferId, r.JobseekerId }).IsUnique();
        b.HasIndex(r => r.JobseekerId);
        // The employer's sent requests (R-SRC-3), newest first.
        b.HasIndex(r => new { r.EstablishmentId, r.SentAt });
    }
}

internal sealed class AgencyApiKeyConfiguration : IEntityTypeConfiguration<AgencyApiKey>
{
    public void Configure(EntityTypeBuilder<AgencyApiKey> b)
    {
        b.HasIndex(k => k.Prefix).IsUnique();
        b.HasOne<Agency>().WithMany().HasForeignKey(k => k.AgencyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GuidanceMessageConfiguration : IEntityTypeConfiguration<GuidanceMessage>
{
    public void Configure(EntityTypeBuilder<GuidanceMessage> b)
    {
        b.HasIndex(m => new { m.JobseekerId, m.SentAt });
        b.HasIndex(m => new { m.AgencyId, m.SentAt });
        b.HasIndex(m => m.SentAt);
    }
}

internal sealed class AgencyRefusalConfiguration : IEntityTypeConfiguration<AgencyRefusal>
{
    public void Configure(EntityTypeBuilder<AgencyRefusal> b) => b.HasKey(r => new { r.AgencyId, r.JobseekerId });
}

internal sealed class AgencyUsageConfiguration : IEntityTypeConfiguration<AgencyUsage>
{
    public void Configure(EntityTypeBuilder<AgencyUsage> b)
    {
        b.HasKey(u => new { u.AgencyId, u.Month });
        b.Property(u => u.Month).HasMaxLength(7);
    }
}

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

internal sealed class IntegratedFacilityTargetConfiguration : IEntityTypeConfiguration<IntegratedFacilityTarget>
{
    public void Configure(EntityTypeBuilder<IntegratedFacilityTarget> b) => b.HasIndex(t => new { t.OfficeId, t.FiscalYear });
}

using HelloWork.Domain.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelloWork.Domain.Data.Configurations;

internal sealed class OutboxMailConfiguration : IEntityTypeConfiguration<OutboxMail>
{
    public void Configure(EntityTypeBuilder<OutboxMail> b)
    {
        b.HasIndex(m => m.MessageId).IsUnique();
        // The worker's claim: pending rows due now.
        b.HasIndex(m => new { m.Status, m.NextAttemptAt });
        // Messages: one mail per thread per hour.
        b.HasIndex(m => new { m.UserId, m.ThreadKey, m.CreatedAt });
        b.Property(m => m.MessageId).HasMaxLength(80);
        b.Property(m => m.ToAddress).HasMaxLength(256);
        b.Property(m => m.Culture).HasMaxLength(8);
        b.Property(m => m.Link).HasMaxLength(400);
        b.Property(m => m.Secret).HasMaxLength(100);
        b.Property(m => m.ThreadKey).HasMaxLength(60);
        b.Property(m => m.Detail).HasMaxLength(400);
        b.Property(m => m.LeaseOwner).HasMaxLength(60);
        b.Property(m => m.LastError).HasMaxLength(500);
    }
}

internal sealed class AccountTokenConfiguration : IEntityTypeConfiguration<AccountToken>
{
    public void Configure(EntityTypeBuilder<AccountToken> b)
    {
        b.HasIndex(t => t.Hash).IsUnique();
        b.HasIndex(t => new { t.UserId, t.Purpose });
        b.Property(t => t.Hash).HasMaxLength(64);
        b.Property(t => t.NewAddress).HasMaxLength(256);
    }
}

internal sealed class MailPreferenceConfiguration : IEntityTypeConfiguration<MailPreference>
{
    public void Configure(EntityTypeBuilder<MailPreference> b)
    {
        b.HasKey(p => p.UserId);
        b.HasIndex(p => p.UnsubscribeKey).IsUnique();
        b.Property(p => p.Culture).HasMaxLength(8);
        b.Property(p => p.UnsubscribeKey).HasMaxLength(60);
    }
}

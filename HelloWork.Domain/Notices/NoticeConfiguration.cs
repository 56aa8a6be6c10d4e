using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelloWork.Domain.Notices;

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> b)
    {
        b.HasIndex(n => new { n.Recipient, n.Seq }).IsUnique();
        b.HasIndex(n => new { n.Recipient, n.ReadAt });
        b.Property(n => n.Recipient).HasMaxLength(60);
    }
}

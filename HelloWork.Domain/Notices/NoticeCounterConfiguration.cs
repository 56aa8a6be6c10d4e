using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelloWork.Domain.Notices;

internal sealed class NoticeCounterConfiguration : IEntityTypeConfiguration<NoticeCounter>
{
    public void Configure(EntityTypeBuilder<NoticeCounter> b)
    {
        b.HasKey(c => c.Recipient);
        b.Property(c => c.Recipient).HasMaxLength(60);
        b.Property(c => c.LastSeq).IsConcurrencyToken();
    }
}

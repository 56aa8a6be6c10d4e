using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelloWork.Domain.Search;

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

using HelloWork.Domain.Accounts;
using HelloWork.Domain.JobOffers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelloWork.Domain.Referrals;

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> b)
    {
        b.HasIndex(r => new { r.OfficeId, r.SentAt });
        b.HasIndex(r => new { r.JobseekerId, r.Status });
        b.HasIndex(r => new { r.JobOfferId, r.JobseekerId });
        b.HasOne<JobOffer>().WithMany().HasForeignKey(r => r.JobOfferId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Jobseeker>().WithMany().HasForeignKey(r => r.JobseekerId).OnDelete(DeleteBehavior.Restrict);
    }
}

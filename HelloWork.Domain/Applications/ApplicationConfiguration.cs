using HelloWork.Domain.Accounts;
using HelloWork.Domain.JobOffers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelloWork.Domain.Applications;

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> b)
    {
        b.HasIndex(a => new { a.EstablishmentId, a.AppliedAt });
        b.HasIndex(a => new { a.EstablishmentId, a.Status, a.AppliedAt });
        // R-APP-2: the applicant list sorted by result registration date.
        b.HasIndex(a => new { a.EstablishmentId, a.ResultRegisteredAt });
        b.HasIndex(a => new { a.JobseekerId, a.AppliedAt });
        b.HasIndex(a => new { a.JobOfferId, a.AppliedAt });
        // R-APP-1: at most one live application per jobseeker and offer, enforced by the database as well.
        b.HasIndex(a => new { a.JobOfferId, a.JobseekerId }).IsUnique().HasFilter("\"Status\" = 0");
        b.HasOne<JobOffer>().WithMany().HasForeignKey(a => a.JobOfferId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Jobseeker>().WithMany().HasForeignKey(a => a.JobseekerId).OnDelete(DeleteBehavior.Restrict);
        b.Property(a => a.Motivation).HasMaxLength(Application.MaxMotivationLength);
    }
}

using HelloWork.Domain.Accounts;
using HelloWork.Domain.Applications;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Messaging;
using HelloWork.Domain.Referrals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelloWork.Domain.Data.Configurations;

internal sealed class JobOfferConfiguration : IEntityTypeConfiguration<JobOffer>
{
    public void Configure(EntityTypeBuilder<JobOffer> b)
    {
        b.Property(o => o.Sheet).AsJson();
        b.HasIndex(o => o.JobNumber).IsUnique();
        // The free-word search (Search/FreeWords.cs) looks every FTS match up by its rowid, the job number as an integer. On SQLite
        // that lookup goes through IX_JobOffers_SearchNumber, an index on that integer expression carrying every column the search
        // filters and sorts on (raw SQL in migration JobOfferSearchByNumber: EF cannot model an expression index), so the lookups
        // compare integers and never read the row with its large JSON sheet. PostgreSQL matches words by scanning and needs neither.
        b.HasIndex(o => new { o.Status, o.ValidUntil });
        b.HasIndex(o => new { o.EstablishmentId, o.Status });
        b.HasIndex(o => new { o.AcceptingOfficeId, o.AcceptedAt });
        b.HasIndex(o => new { o.Status, o.SubmittedAt });
        b.HasIndex(o => new { o.Prefecture, o.Municipality });
        b.HasIndex(o => o.OccupationCode);
        b.HasIndex(o => o.ReceivedDate);
        b.HasIndex(o => o.UpdatedAt);
        b.Property(o => o.JobNumber).HasMaxLength(14);
        b.Property(o => o.Title).HasMaxLength(100);
        b.Property(o => o.Prefecture).HasMaxLength(10);
        b.HasOne<Establishment>().WithMany().HasForeignKey(o => o.EstablishmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

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

internal sealed class ApplicationDocumentConfiguration : IEntityTypeConfiguration<ApplicationDocument>
{
    public void Configure(EntityTypeBuilder<ApplicationDocument> b)
    {
        b.HasIndex(d => d.ApplicationId);
        b.HasOne<Application>().WithMany().HasForeignKey(d => d.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> b)
    {
        b.HasIndex(m => new { m.ApplicationId, m.SentAt });
        b.Property(m => m.Body).HasMaxLength(Message.MaxLength);
        b.HasOne<Application>().WithMany().HasForeignKey(m => m.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }
}

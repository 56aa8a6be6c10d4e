using HelloWork.Domain.Accounts;
using HelloWork.Domain.Data.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelloWork.Domain.JobOffers;

internal sealed class JobOfferConfiguration : IEntityTypeConfiguration<JobOffer>
{
    public void Configure(EntityTypeBuilder<JobOffer> b)
    {
        b.Property(o => o.Sheet).AsJson();
        // A change of a published offer, edited and reviewed beside the published sheet (R-CHG-1).
        b.Property(o => o.PendingSheet).AsOptionalJson();
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

    /// <summary>SQLite only (HelloWorkDb): PostgreSQL reads the export with its own plans, and there a row of this width could pass the
    /// 2.7 KB limit of an index entry (the establishment's name and municipality have no length limit).</summary>
    internal static void ExportIndex(EntityTypeBuilder<JobOffer> b)
    {
        // The agencies' export of open offers (Agencies/Provision.cs OffersAsync, R-AGY-1): Status = published, in (UpdatedAt, Id)
        // order, every column of the file. With this covering index SQLite walks it in order and never reads an offer's row (its
        // 3–5 KB JSON sheet lies before these columns) nor sorts all open offers before the first line (docs/BENCHMARKS.md, issue 26).
        b.HasIndex(o => new
        {
            o.Status, o.UpdatedAt, o.Id, o.ValidUntil, o.JobNumber, o.Title, o.OccupationCode, o.Scope, o.EstablishmentId, o.EstablishmentName,
            o.Prefecture, o.Municipality, o.EmploymentType, o.WageForm, o.WageMin, o.WageMax, o.WorkStartMinutes, o.WorkEndMinutes,
            o.AnnualHolidays, o.WeeklyTwoDaysOff, o.NearStation, o.RemoteWork, o.UijTurn, o.SelfApplication, o.Openings, o.ReceivedDate,
        }).HasDatabaseName("IX_JobOffers_Export");
    }
}

using HelloWork.Domain.Accounts;
using HelloWork.Domain.JobOffers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelloWork.Domain.Bookings;

internal sealed class OfficeEventConfiguration : IEntityTypeConfiguration<OfficeEvent>
{
    public void Configure(EntityTypeBuilder<OfficeEvent> b)
    {
        b.HasIndex(e => e.StartsAt);
        b.HasIndex(e => new { e.OfficeId, e.StartsAt });
        b.Property(e => e.Title).HasMaxLength(OfficeEvent.MaxTitle);
        b.Property(e => e.Description).HasMaxLength(OfficeEvent.MaxText);
        b.Property(e => e.Place).HasMaxLength(200);
        b.Property(e => e.OnlineUrl).HasMaxLength(500);
        b.Property(e => e.CancelReason).HasMaxLength(OfficeEvent.MaxCancelReason);
        b.Ignore(e => e.SeatsLeft);
        // The seats counter's rule, in the database as well (R-EVT-1): never more bookings than seats.
        b.ToTable(t => t.HasCheckConstraint("CK_OfficeEvents_Booked", "\"Booked\" >= 0 AND \"Booked\" <= \"Capacity\""));
        b.HasOne<Office>().WithMany().HasForeignKey(e => e.OfficeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EventOfferConfiguration : IEntityTypeConfiguration<EventOffer>
{
    public void Configure(EntityTypeBuilder<EventOffer> b)
    {
        b.HasKey(o => new { o.EventId, o.JobOfferId });
        b.HasOne<OfficeEvent>().WithMany().HasForeignKey(o => o.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<JobOffer>().WithMany().HasForeignKey(o => o.JobOfferId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EventBookingConfiguration : IEntityTypeConfiguration<EventBooking>
{
    public void Configure(EntityTypeBuilder<EventBooking> b)
    {
        // At most one live booking (confirmed or waiting) per person and event, enforced by the database as well.
        b.HasIndex(x => new { x.EventId, x.JobseekerId }).IsUnique().HasFilter("\"Status\" <> 2");
        // The waiting list in order, and a person's bookings.
        b.HasIndex(x => new { x.EventId, x.Status, x.CreatedAt });
        b.HasIndex(x => x.JobseekerId);
        b.HasOne<OfficeEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Jobseeker>().WithMany().HasForeignKey(x => x.JobseekerId).OnDelete(DeleteBehavior.Restrict);
    }
}

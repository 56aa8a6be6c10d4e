using HelloWork.Domain.Common;
using HelloWork.Domain.JobOffers;
using static HelloWork.Tests.Domain.Samples;

namespace HelloWork.Tests.Domain.JobOffers;

/// <summary>
/// R-JOB-3: an accepted offer is valid until the last day of the month after next (受理日の翌々月末日) and becomes
/// invalid at that instant — 00:00 Japan time of the following day — while the server clock runs in UTC (R-TIME-1).
/// </summary>
public sealed class OfferValidityTests
{
    private static readonly HelloWork.Domain.Accounts.Office Office = Samples.Office();

    [Theory]
    [InlineData("2026-11-23", "2027-01-31")]
    [InlineData("2026-11-30", "2027-01-31")]
    [InlineData("2026-12-31", "2027-02-28")]
    [InlineData("2027-01-31", "2027-03-31")]
    [InlineData("2027-12-31", "2028-02-29")] // leap year
    [InlineData("2027-12-01", "2028-02-29")]
    [InlineData("2028-02-29", "2028-04-30")]
    [InlineData("2028-10-31", "2028-12-31")]
    public void Validity_runs_to_the_end_of_the_month_after_next(string received, string validUntil) =>
        Assert.Equal(DateOnly.Parse(validUntil), JobOffer.ValidityFor(DateOnly.Parse(received)));

    [Fact]
    public void Acceptance_late_on_December_31_in_Japan_counts_as_December_31()
    {
        var offer = AcceptedOffer(Office, Guid.NewGuid(), Jst(2026, 12, 31, 23, 59, 59)); // 2026-12-31T14:59:59Z

        Assert.Equal(new DateOnly(2026, 12, 31), offer.ReceivedDate);
        Assert.Equal(new DateOnly(2027, 2, 28), offer.ValidUntil);
    }

    [Fact]
    public void Acceptance_at_15_00_UTC_on_November_30_is_already_December_1_in_Japan()
    {
        var offer = AcceptedOffer(Office, Guid.NewGuid(), new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 12, 1), offer.ReceivedDate);
        Assert.Equal(new DateOnly(2027, 2, 28), offer.ValidUntil);
    }

    [Fact]
    public void Acceptance_at_14_59_UTC_on_November_30_is_still_November_30_in_Japan()
    {
        var offer = AcceptedOffer(Office, Guid.NewGuid(), new DateTimeOffset(2026, 11, 30, 14, 59, 59, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 11, 30), offer.ReceivedDate);
        Assert.Equal(new DateOnly(2027, 1, 31), offer.ValidUntil);
    }

    [Fact]
    public void Acceptance_on_January_31_is_valid_until_March_31()
    {
        var offer = AcceptedOffer(Office, Guid.NewGuid(), Jst(2027, 1, 31, 9));

        Assert.Equal(new DateOnly(2027, 3, 31), offer.ValidUntil);
    }

    [Fact]
    public void Acceptance_in_December_2027_is_valid_until_leap_day_February_29_2028()
    {
        var offer = AcceptedOffer(Office, Guid.NewGuid(), Jst(2027, 12, 31, 9));

        Assert.Equal(new DateOnly(2028, 2, 29), offer.ValidUntil);
        Assert.True(offer.IsOpen(Jst(2028, 2, 29, 23, 59, 59)));
        Assert.False(offer.IsOpen(Jst(2028, 3, 1)));
    }

    [Fact]
    public void The_offer_is_open_until_the_last_instant_of_its_last_day_in_Japan()
    {
        var offer = AcceptedOffer(Office, Guid.NewGuid(), Jst(2026, 11, 23, 10)); // valid until 2027-01-31
        var expiry = new DateTimeOffset(2027, 1, 31, 15, 0, 0, TimeSpan.Zero); // 2027-02-01 00:00 JST

        Assert.Equal(expiry, JapanTime.EndOf(offer.ValidUntil!.Value));
        Assert.True(offer.IsOpen(expiry.AddTicks(-1)));
        Assert.Equal(OfferStatus.Published, offer.StatusAt(expiry.AddTicks(-1)));
    }

    [Fact]
    public void The_offer_becomes_invalid_at_00_00_Japan_time_after_its_last_day_without_any_sweeper()
    {
        var offer = AcceptedOffer(Office, Guid.NewGuid(), Jst(2026, 11, 23, 10));
        var expiry = new DateTimeOffset(2027, 1, 31, 15, 0, 0, TimeSpan.Zero);

        Assert.False(offer.IsOpen(expiry));
        Assert.Equal(OfferStatus.Invalid, offer.StatusAt(expiry));
        Assert.Equal(InvalidReason.Expired, offer.InvalidReasonAt(expiry));
        Assert.False(offer.AcceptsSelfApplication(expiry));
        Assert.Equal(OfferStatus.Published, offer.Status); // the row still says published: expiry is computed on read
    }

    [Fact]
    public void The_sweeper_records_the_expiry_at_the_instant_the_offer_became_invalid()
    {
        var offer = AcceptedOffer(Office, Guid.NewGuid(), Jst(2026, 11, 23, 10));

        Assert.False(offer.ExpireIfDue(Jst(2027, 1, 31, 23, 59, 59)));
        Assert.True(offer.ExpireIfDue(Jst(2027, 2, 3, 12)));

        Assert.Equal(OfferStatus.Invalid, offer.Status);
        Assert.Equal(InvalidReason.Expired, offer.InvalidReason);
        Assert.Equal(Jst(2027, 2, 1), offer.InvalidatedAt);
    }
}

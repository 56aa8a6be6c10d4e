using HelloWork.Domain.Documents;
using HelloWork.Domain.JobOffers;
using static HelloWork.Tests.Domain.Samples;

namespace HelloWork.Tests.Trust;

/// <summary>
/// R-DOC-1's time trigger: application documents are gone once the end of the month three months after the offer became invalid has
/// passed — all in Japan time (R-TIME-1). The table fixes the formula: gone from 00:00 JST of the first day of the fourth month after
/// the month of invalidation.
/// </summary>
public sealed class RetentionDeadlineTests
{
    private static readonly HelloWork.Domain.Accounts.Office Office = Office();

    public static TheoryData<string, string> Table => new()
    {
        // invalid on (Japan date) → documents gone from (00:00 JST of)
        { "2026-01-15", "2026-05-01" }, // deleted after 2026-04-30 24:00 JST
        { "2026-01-01", "2026-05-01" },
        { "2026-01-31", "2026-05-01" },
        { "2026-02-28", "2026-06-01" },
        { "2026-03-31", "2026-07-01" }, // → June has 30 days: end of June
        { "2026-06-15", "2026-10-01" }, // SPEC R-RES-3's example: invalid in June → until 30 September
        { "2026-08-31", "2026-12-01" }, // → November has 30 days
        { "2026-09-10", "2027-01-01" }, // across the year
        { "2026-10-01", "2027-02-01" },
        { "2026-11-30", "2027-03-01" }, // → February 2027 (28 days)
        { "2027-11-30", "2028-03-01" }, // → February 2028 (leap year, 29 days)
        { "2026-12-31", "2027-04-01" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Documents_are_gone_from_the_first_instant_after_the_end_of_the_month_three_months_after_invalidation(string invalid, string goneFrom)
    {
        var deadline = DocumentRetention.DeadlineFor(DateOnly.Parse(invalid, System.Globalization.CultureInfo.InvariantCulture));

        var day = DateOnly.Parse(goneFrom, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Jst(day.Year, day.Month, day.Day), deadline);
        Assert.Equal(TimeSpan.Zero, deadline.ToUniversalTime().Offset);
        Assert.Equal(15, deadline.ToUniversalTime().Hour); // 00:00 JST is 15:00 UTC of the previous day
    }

    [Fact]
    public void An_offer_closed_on_January_15_keeps_its_documents_until_April_30_24_00_Japan_time_and_not_a_tick_longer()
    {
        var offer = AcceptedOffer(Office, Guid.NewGuid(), Jst(2025, 12, 1, 10));
        offer.Close(InvalidReason.Filled, Jst(2026, 1, 15, 11));

        Assert.False(DocumentRetention.IsGone(offer, Jst(2026, 4, 30, 23, 59, 59)));
        Assert.False(DocumentRetention.IsGone(offer, Jst(2026, 5, 1).AddTicks(-1)));
        Assert.True(DocumentRetention.IsGone(offer, Jst(2026, 5, 1)));
        Assert.True(DocumentRetention.IsGone(offer, Jst(2027, 1, 1)));
    }

    [Fact]
    public void Closed_on_January_31_at_23_59_Japan_time_is_invalid_in_January_although_it_is_still_14_59_UTC()
    {
        var offer = AcceptedOffer(Office, Guid.NewGuid(), Jst(2025, 12, 1, 10));
        offer.Close(InvalidReason.Withdrawn, new DateTimeOffset(2026, 1, 31, 14, 59, 0, TimeSpan.Zero));

        Assert.Equal(Jst(2026, 5, 1), DocumentRetention.DeadlineOf(offer, Jst(2026, 2, 1)));
    }

    [Fact]
    public void Closed_at_15_00_UTC_on_January_31_is_already_February_1_in_Japan_so_the_documents_stay_a_month_longer()
    {
        var offer = AcceptedOffer(Office, Guid.NewGuid(), Jst(2025, 12, 1, 10));
        offer.Close(InvalidReason.Withdrawn, new DateTimeOffset(2026, 1, 31, 15, 0, 0, TimeSpan.Zero));

        Assert.Equal(Jst(2026, 6, 1), DocumentRetention.DeadlineOf(offer, Jst(2026, 2, 1)));
        Assert.False(DocumentRetention.IsGone(offer, Jst(2026, 5, 15)));
    }

    [Fact]
    public void An_expired_offer_counts_from_its_last_valid_day_whether_or_not_the_expiry_was_recorded()
    {
        var offer = AcceptedOffer(Office, Guid.NewGuid(), Jst(2026, 1, 20, 10)); // valid until 2026-03-31
        Assert.Equal(new DateOnly(2026, 3, 31), offer.ValidUntil);
        var unrecorded = DocumentRetention.DeadlineOf(offer, Jst(2026, 4, 2));

        Assert.True(offer.ExpireIfDue(Jst(2026, 4, 2))); // the row now says invalid since 2026-04-01 00:00 JST
        var recorded = DocumentRetention.DeadlineOf(offer, Jst(2026, 4, 2));

        Assert.Equal(Jst(2026, 7, 1), unrecorded);
        Assert.Equal(unrecorded, recorded);
    }

    [Fact]
    public void A_published_offer_still_valid_has_no_deadline_and_keeps_its_documents()
    {
        var offer = AcceptedOffer(Office, Guid.NewGuid(), Jst(2026, 1, 20, 10));

        Assert.Null(DocumentRetention.DeadlineOf(offer, Jst(2026, 3, 31, 23, 59)));
        Assert.False(DocumentRetention.IsGone(offer, Jst(2026, 3, 31, 23, 59)));
    }

    [Fact]
    public void The_retention_deadline_is_the_same_instant_as_the_result_registration_deadline_one_rule_in_one_place()
    {
        var offer = AcceptedOffer(Office, Guid.NewGuid(), Jst(2026, 5, 10, 10));
        offer.Close(InvalidReason.Filled, Jst(2026, 6, 15, 9));

        Assert.Equal(offer.AfterInvalidDeadline(Jst(2026, 7, 1)), DocumentRetention.DeadlineOf(offer, Jst(2026, 7, 1)));
        Assert.Equal(!offer.WithinAfterInvalidWindow(Jst(2026, 10, 1)), DocumentRetention.IsGone(offer, Jst(2026, 10, 1)));
    }
}

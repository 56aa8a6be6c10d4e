using HelloWork.Domain.JobOffers;
using static HelloWork.Tests.Domain.Samples;

namespace HelloWork.Tests.Domain.JobOffers;

/// <summary>
/// 求人無効後3か月後の月末: results (R-RES-3), messages (R-MSG-1) and documents (R-DOC-1) are possible until the end of
/// the month three months after the month the offer became invalid — invalid in June, until 30 September.
/// </summary>
public sealed class AfterInvalidDeadlineTests
{
    private static readonly HelloWork.Domain.Accounts.Office Office = Samples.Office();

    [Fact]
    public void An_offer_withdrawn_in_June_keeps_its_window_until_the_end_of_September_30_in_Japan()
    {
        var offer = AcceptedOffer(Office, Guid.NewGuid(), Jst(2027, 5, 10, 10));
        offer.Close(InvalidReason.Withdrawn, Jst(2027, 6, 15, 11));
        var end = new DateTimeOffset(2027, 9, 30, 15, 0, 0, TimeSpan.Zero); // 2027-10-01 00:00 JST

        Assert.Equal(end, offer.AfterInvalidDeadline(Jst(2027, 7, 1)));
        Assert.True(offer.WithinAfterInvalidWindow(Jst(2027, 9, 30, 23, 59, 59)));
        Assert.False(offer.WithinAfterInvalidWindow(end));
    }

    [Fact]
    public void An_offer_that_expired_at_the_end_of_June_keeps_its_window_until_September_30()
    {
        var offer = AcceptedOffer(Office, Guid.NewGuid(), Jst(2027, 4, 20, 10)); // valid until 2027-06-30

        Assert.Equal(new DateOnly(2027, 6, 30), offer.InvalidDateAt(Jst(2027, 7, 1)));
        Assert.Equal(Jst(2027, 10, 1), offer.AfterInvalidDeadline(Jst(2027, 7, 1)));
    }

    [Fact]
    public void An_offer_invalid_on_June_30_at_23_59_Japan_time_counts_as_invalid_in_June_although_it_is_14_59_UTC()
    {
        var offer = AcceptedOffer(Office, Guid.NewGuid(), Jst(2027, 5, 10, 10));
        offer.Close(InvalidReason.Filled, new DateTimeOffset(2027, 6, 30, 14, 59, 0, TimeSpan.Zero));

        Assert.Equal(Jst(2027, 10, 1), offer.AfterInvalidDeadline(Jst(2027, 7, 1)));
    }

    [Fact]
    public void An_offer_invalid_at_15_00_UTC_on_June_30_is_invalid_in_July_in_Japan_and_keeps_its_window_until_October_31()
    {
        var offer = AcceptedOffer(Office, Guid.NewGuid(), Jst(2027, 5, 10, 10));
        offer.Close(InvalidReason.Filled, new DateTimeOffset(2027, 6, 30, 15, 0, 0, TimeSpan.Zero));

        Assert.Equal(Jst(2027, 11, 1), offer.AfterInvalidDeadline(Jst(2027, 7, 1)));
    }

    [Fact]
    public void An_offer_invalid_in_December_keeps_its_window_until_March_31_of_the_next_year()
    {
        var offer = AcceptedOffer(Office, Guid.NewGuid(), Jst(2026, 10, 5, 10)); // valid until 2026-12-31

        Assert.Equal(Jst(2027, 4, 1), offer.AfterInvalidDeadline(Jst(2027, 1, 1)));
    }

    [Fact]
    public void An_offer_invalid_in_November_2027_keeps_its_window_until_leap_day_February_29_2028()
    {
        var offer = AcceptedOffer(Office, Guid.NewGuid(), Jst(2027, 10, 1, 10));
        offer.Close(InvalidReason.Withdrawn, Jst(2027, 11, 30, 18));

        Assert.Equal(Jst(2028, 3, 1), offer.AfterInvalidDeadline(Jst(2027, 12, 1)));
    }

    [Fact]
    public void An_open_offer_has_no_after_invalidation_deadline_yet()
    {
        var offer = AcceptedOffer(Office, Guid.NewGuid(), Jst(2027, 5, 10, 10));

        Assert.Null(offer.AfterInvalidDeadline(Jst(2027, 6, 1)));
        Assert.True(offer.WithinAfterInvalidWindow(Jst(2027, 6, 1)));
    }
}

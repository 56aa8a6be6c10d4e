using HelloWork.Domain.Common;
using Microsoft.Extensions.Time.Testing;

namespace HelloWork.Tests.Domain.Common;

/// <summary>R-TIME-1 and R-UI-1: business dates are Japan dates whatever the server's zone, written as 2026年11月23日.</summary>
public sealed class JapanTimeTests
{
    [Fact]
    public void Format_writes_a_date_as_year_month_day_in_Japanese() =>
        Assert.Equal("2026年11月23日", JapanTime.Format(new DateOnly(2026, 11, 23)));

    [Fact]
    public void Format_writes_an_instant_as_the_Japan_date_and_time() =>
        Assert.Equal("2026年11月23日 00:00", JapanTime.Format(new DateTimeOffset(2026, 11, 22, 15, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void Format_does_not_pad_single_digit_months_and_days() =>
        Assert.Equal("2027年1月5日", JapanTime.Format(new DateOnly(2027, 1, 5)));

    [Fact]
    public void Today_is_the_Japan_date_on_a_server_whose_clock_and_zone_are_UTC()
    {
        var before = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 14, 59, 59, TimeSpan.Zero));
        before.SetLocalTimeZone(TimeZoneInfo.Utc);
        var after = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero));
        after.SetLocalTimeZone(TimeZoneInfo.Utc);

        Assert.Equal(new DateOnly(2026, 11, 30), before.Today());
        Assert.Equal(new DateOnly(2026, 12, 1), after.Today()); // still Nov 30 on the server's UTC calendar
    }

    [Fact]
    public void End_of_a_Japan_day_is_00_00_JST_of_the_next_day()
    {
        var end = JapanTime.EndOf(new DateOnly(2026, 12, 31));

        Assert.Equal(new DateTimeOffset(2026, 12, 31, 15, 0, 0, TimeSpan.Zero), end);
        Assert.Equal(new DateOnly(2027, 1, 1), JapanTime.DateOf(end));
        Assert.Equal(new DateOnly(2026, 12, 31), JapanTime.DateOf(end.AddTicks(-1)));
    }

    [Theory]
    [InlineData("2026-11-23", 2, "2027-01-31")]
    [InlineData("2026-06-15", 3, "2026-09-30")]
    [InlineData("2027-11-30", 3, "2028-02-29")]
    [InlineData("2028-01-31", 1, "2028-02-29")]
    [InlineData("2026-12-31", 0, "2026-12-31")]
    public void End_of_month_after_n_months_is_the_last_calendar_day(string date, int months, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), JapanTime.EndOfMonthAfter(DateOnly.Parse(date), months));
}

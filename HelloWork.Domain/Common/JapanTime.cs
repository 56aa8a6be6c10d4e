namespace HelloWork.Domain.Common;

/// <summary>
/// Business dates and deadlines in Japan time, whatever the server's zone (R-TIME-1).
/// Japan has no daylight saving time, but the zone is still read from the system database
/// so that the rules read naturally.
/// </summary>
public static class JapanTime
{
    public static readonly TimeZoneInfo Zone = FindZone();

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Tokyo", TimeSpan.FromHours(9), "Japan Standard Time", "JST");
        }
    }

    public static DateTimeOffset ToJapan(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The Japanese calendar date of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToJapan(instant).DateTime);

    public static DateOnly Today(this TimeProvider clock) => DateOf(clock.GetUtcNow());

    /// <summary>The instant a Japanese calendar day begins (00:00 JST).</summary>
    public static DateTimeOffset StartOf(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    /// <summary>The first instant after a Japanese calendar day has ended: a deadline "until the end of <paramref name="date"/>".</summary>
    public static DateTimeOffset EndOf(DateOnly date) => StartOf(date.AddDays(1));

    /// <summary>The last day of the month <paramref name="months"/> months after the month of <paramref name="date"/>.</summary>
    public static DateOnly EndOfMonthAfter(DateOnly date, int months)
    {
        var first = new DateOnly(date.Year, date.Month, 1).AddMonths(months);
        return first.AddDays(DateTime.DaysInMonth(first.Year, first.Month) - 1);
    }

    /// <summary>Japanese long date: 2026年11月23日.</summary>
    public static string Format(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    public static string Format(DateTimeOffset instant)
    {
        var jst = ToJapan(instant);
        return $"{jst.Year}年{jst.Month}月{jst.Day}日 {jst:HH:mm}";
    }
}

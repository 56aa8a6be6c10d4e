using System.Globalization;

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

    /// <summary>A date as its reader writes it (the one place the portal formats dates): 2026年11月23日 in Japanese, 23 Nov 2026 when
    /// the reader chose English (the current UI culture). Documents that are Japanese forms use <see cref="Japanese(DateOnly)"/>.</summary>
    public static string Format(DateOnly date) => Format(date, CultureInfo.CurrentUICulture);

    /// <summary>A date as a reader of <paramref name="culture"/> writes it: English for English, else Japanese.</summary>
    public static string Format(DateOnly date, CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "en" ? date.ToString("d MMM yyyy", English) : Japanese(date);

    /// <summary>An instant in Japan time (R-TIME-1) as its reader writes it: 2026年11月23日 14:05, or 23 Nov 2026 14:05.</summary>
    public static string Format(DateTimeOffset instant)
    {
        var jst = ToJapan(instant);
        return $"{Format(DateOnly.FromDateTime(jst.DateTime))} {jst.ToString("HH:mm", CultureInfo.InvariantCulture)}";
    }

    /// <summary>A month as its reader writes it: 2026年11月, or Nov 2026 in English (figures by month).</summary>
    public static string Month(DateOnly month) => Month(month, CultureInfo.CurrentUICulture);

    public static string Month(DateOnly month, CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "en" ? month.ToString("MMM yyyy", English) : $"{month.Year}年{month.Month}月";

    /// <summary>A month of a year's chart or table head, as its reader writes it: 11月, or Nov.</summary>
    public static string MonthOfYear(DateOnly month) => MonthOfYear(month, CultureInfo.CurrentUICulture);

    public static string MonthOfYear(DateOnly month, CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "en" ? month.ToString("MMM", English) : $"{month.Month}月";

    /// <summary>Japanese long date whatever the reader's language (the forms: 紹介状, 求人票, the scorecard): 2026年11月23日.</summary>
    public static string Japanese(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    /// <summary>An instant in Japan time, written in Japanese whatever the reader's language: 2026年11月23日 14:05.</summary>
    public static string Japanese(DateTimeOffset instant)
    {
        var jst = ToJapan(instant);
        return $"{Japanese(DateOnly.FromDateTime(jst.DateTime))} {jst.ToString("HH:mm", CultureInfo.InvariantCulture)}";
    }

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>The documents' language (求人票, the scorecard, the published indicators), whatever the reader chose.</summary>
    public static readonly CultureInfo JapaneseCulture = CultureInfo.GetCultureInfo("ja-JP");
}

using System.Globalization;
using HelloWork.Domain.Common;
using HelloWork.Domain.Documents.Pdf;

namespace HelloWork.Tests.Domain.Common;

/// <summary>R-UI-1, R-TIME-1: dates are written in the reader's language from one place (JapanTime.Format): 2026年11月23日 for a Japanese
/// reader, 23 Nov 2026 for one who chose English, always the Japan date; the forms (紹介状, 求人票 PDF) stay Japanese whoever prints them.</summary>
public sealed class DateLanguageTests
{
    private static T In<T>(string culture, Func<T> write)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return write();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }

    [Fact]
    public void A_Japanese_reader_reads_year_month_day_in_Japanese() =>
        Assert.Equal("2026年11月23日", In("ja-JP", () => JapanTime.Format(new DateOnly(2026, 11, 23))));

    [Fact]
    public void An_English_reader_reads_the_day_the_month_and_the_year_in_English() =>
        Assert.Equal("5 Jan 2027", In("en", () => JapanTime.Format(new DateOnly(2027, 1, 5))));

    [Fact]
    public void An_English_reader_reads_an_instant_as_its_Japan_date_and_time() =>
        Assert.Equal("23 Nov 2026 00:00", In("en-US", () => JapanTime.Format(new DateTimeOffset(2026, 11, 22, 15, 0, 0, TimeSpan.Zero))));

    [Fact]
    public void The_forms_write_Japanese_dates_even_for_an_English_reader()
    {
        Assert.Equal("2026年11月30日（月）", In("en", () => JapaneseFormat.DateWithWeekday(new DateOnly(2026, 11, 30))));
        Assert.Equal("2026年11月23日 00:00", In("en", () => JapanTime.Japanese(new DateTimeOffset(2026, 11, 22, 15, 0, 0, TimeSpan.Zero))));
    }
}

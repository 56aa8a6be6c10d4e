using System.Globalization;

namespace HelloWork.Domain.Documents.Pdf;

/// <summary>How the documents write dates, times and money: 2026年11月23日, 250,000円.</summary>
public static class JapaneseFormat
{
    private const string Weekdays = "日月火水木金土";

    public static string Date(DateOnly date) => Common.JapanTime.Japanese(date);

    /// <summary>月 for a Monday: the weekday as Japanese writes it beside a date.</summary>
    public static char Weekday(DateOnly date) => Weekdays[(int)date.DayOfWeek];

    /// <summary>2026年11月30日（月）</summary>
    public static string DateWithWeekday(DateOnly date) => $"{Date(date)}（{Weekday(date)}）";

    /// <summary>The instant in Japan time (R-TIME-1): 2026年11月30日（月）14:00</summary>
    public static string DateTime(DateTimeOffset instant)
    {
        var local = Common.JapanTime.ToJapan(instant);
        return $"{DateWithWeekday(DateOnly.FromDateTime(local.DateTime))} {local.Hour}:{local.Minute:00}";
    }

    /// <summary>08時30分</summary>
    public static string Time(TimeOnly time) => $"{time.Hour:00}時{time.Minute:00}分";

    public static string Yen(long amount) => amount.ToString("#,0", CultureInfo.InvariantCulture) + "円";

    /// <summary>200,000円〜250,000円, or one amount when both ends are equal or there is no upper end.</summary>
    public static string YenRange(long min, long? max) =>
        max is { } upper && upper != min ? $"{Yen(min)}〜{Yen(upper)}" : Yen(min);

    public static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    public static string YesNo(bool value) => value ? "あり" : "なし";
}

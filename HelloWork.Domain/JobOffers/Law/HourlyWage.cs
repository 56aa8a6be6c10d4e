namespace HelloWork.Domain.JobOffers.Law;

/// <summary>
/// The hourly equivalent of an offer's wage for the minimum-wage comparison (最低賃金法 第4条第3項, 同法施行規則 第1条, R-LAW-1):
/// 月給 over the month's scheduled hours, 日給 over the day's, 時給 as it is; the fixed allowances count except the part the law
/// leaves out (通勤手当, 家族手当, 精皆勤手当: <see cref="OfferWages.ExcludedAllowances"/>); 固定残業代 (割増賃金), 賞与 and other
/// payments not made every month are never in <see cref="OfferWages.FixedAllowances"/> and so never count.
/// The month's scheduled hours are the offer's own: (365 − annual holidays) days × the day's hours (end − start − break) ÷ 12.
/// </summary>
public static class HourlyWage
{
    /// <summary>Scheduled hours of one working day, or null when the start, end or break is not entered.</summary>
    public static decimal? DailyHours(OfferHours h)
    {
        if (h.Start is not { } start || h.End is not { } end || h.BreakMinutes is not { } pause)
        {
            return null;
        }
        var minutes = (end.ToTimeSpan() - start.ToTimeSpan()).TotalMinutes;
        if (minutes <= 0)
        {
            minutes += 24 * 60; // a night shift ending the next day
        }
        var worked = (decimal)minutes - pause;
        return worked > 0 ? worked / 60m : null;
    }

    /// <summary>Average scheduled hours of a month, or null when the day's hours or the annual holidays are not entered.</summary>
    public static decimal? MonthlyHours(OfferHours h) =>
        DailyHours(h) is { } day && h.AnnualHolidays is { } holidays and >= 0 and < 365 ? (365 - holidays) * day / 12m : null;

    /// <summary>The part of the fixed allowances that counts toward the minimum wage (never negative).</summary>
    public static int CountedAllowances(OfferWages w) => Math.Max(0, (w.FixedAllowances ?? 0) - (w.ExcludedAllowances ?? 0));

    /// <summary>The hourly equivalent of <paramref name="amount"/> (in the offer's wage form) plus the counted monthly allowances,
    /// or null when the hours it needs are not entered.</summary>
    public static decimal? Of(int amount, OfferWages w, OfferHours h)
    {
        var allowances = CountedAllowances(w);
        var month = MonthlyHours(h);
        if (allowances > 0 && month is null)
        {
            return null;
        }
        var extra = allowances > 0 ? allowances / month!.Value : 0m;
        return w.Form switch
        {
            WageForm.Hourly => amount + extra,
            WageForm.Daily => DailyHours(h) is { } day ? amount / day + extra : null,
            WageForm.Monthly => month is { } m ? (amount + allowances) / m : null,
            WageForm.Annual => month is { } m ? (amount / 12m + allowances) / m : null,
            _ => null,
        };
    }
}

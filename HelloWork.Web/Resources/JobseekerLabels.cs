using System.Globalization;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Search;
using Microsoft.Extensions.Localization;

namespace HelloWork.Web.Resources;

/// <summary>Labels of domain values in the jobseeker pages, from <see cref="JobseekerText"/>.</summary>
public static class JobseekerLabels
{
    public static string Label(this IStringLocalizer<JobseekerText> l, EmploymentType t) => l["EmploymentType." + t];

    public static string Label(this IStringLocalizer<JobseekerText> l, OfferCategory c) => l["Category." + c];

    public static string Label(this IStringLocalizer<JobseekerText> l, WageForm f) => l["WageForm." + f];

    public static string Label(this IStringLocalizer<JobseekerText> l, JobBadge b) => l["Badge." + b];

    public static string Yen(int amount) => amount.ToString("N0", CultureInfo.InvariantCulture) + "円";

    public static string Wage(this IStringLocalizer<JobseekerText> l, WageForm form, int min, int max) =>
        $"{l.Label(form)} {Yen(min)}" + (max > min ? $"〜{Yen(max)}" : "");

    public static string Time(TimeOnly t) => t.ToString("H:mm", CultureInfo.InvariantCulture);

    /// <summary>A remaining time as 23時間59分 / 59分30秒 (countdowns, R-CAN-1, R-REF-3).</summary>
    public static string Remaining(this IStringLocalizer<JobseekerText> l, TimeSpan left) =>
        left.TotalDays >= 1 ? l["RemainingDays", (int)left.TotalDays, left.Hours]
        : left.TotalHours >= 1 ? l["RemainingHours", (int)left.TotalHours, left.Minutes]
        : l["RemainingMinutes", left.Minutes, left.Seconds];
}

namespace HelloWork.Domain.JobOffers.Law;

/// <summary>
/// R-LAW-1 最低賃金: the hourly equivalent (<see cref="HourlyWage"/>) of the lower wage, and of the 試用期間 wage, is at least the
/// 地域別最低賃金 of the workplace's prefecture. Below the figure in force on the publication day is red (最低賃金法 第4条第1項);
/// below a figure that takes effect after it but on or before the 紹介期限 is orange, naming that date and figure.
/// (A 試用期間 wage below the minimum needs the 都道府県労働局長's permission, 最低賃金法 第7条: the portal does not accept it.)
/// </summary>
public sealed class MinimumWageRule : IOfferRule
{
    public string Rule => "R-LAW-1";

    public void Check(JobSheet sheet, LawContext context, List<Finding> findings)
    {
        var w = sheet.Wages;
        var prefecture = sheet.Work.WorkplacePrefecture;
        if (w.BaseMin is { } lower and > 0)
        {
            CheckOne(HourlyWage.Of(lower, w, sheet.Hours), "Wages.BaseMin", "", prefecture, context, findings);
        }
        if (sheet.Work.TrialPeriod && w.TrialBaseMin is { } trial and > 0)
        {
            CheckOne(HourlyWage.Of(trial, w, sheet.Hours), "Wages.TrialBaseMin", "Trial", prefecture, context, findings);
        }
    }

    private static void CheckOne(decimal? hourly, string field, string suffix, string prefecture, LawContext context, List<Finding> findings)
    {
        if (hourly is not { } h || context.MinimumWages.InForce(prefecture, context.Publication) is not { } now)
        {
            return;
        }
        var shown = Math.Floor(h).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
        if (h < now.Yen)
        {
            findings.Add(LawChecker.Red(field, "BelowMinimumWage" + suffix, Citations.MinimumWage,
                shown, prefecture, LawChecker.Yen(now.Yen)));
            return;
        }
        foreach (var next in context.MinimumWages.Upcoming(prefecture, context.Publication, context.ReferralDeadline))
        {
            if (h < next.Yen)
            {
                findings.Add(LawChecker.Orange(field, "BelowUpcomingMinimumWage" + suffix, Citations.MinimumWageUpcoming,
                    shown, prefecture, LawChecker.Yen(next.Yen), LawChecker.Date(next.EffectiveFrom)));
                return;
            }
        }
    }
}

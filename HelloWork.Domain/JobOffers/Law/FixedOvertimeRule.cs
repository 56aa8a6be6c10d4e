namespace HelloWork.Domain.JobOffers.Law;

/// <summary>
/// R-LAW-2 固定残業代: the hours, the amount and the statement that work beyond them is paid extra must all be on the sheet
/// (職業安定法 第5条の3 and its 指針); the amount must cover the hours at 1.25 times the hourly base (労働基準法 第37条第1項);
/// more than 45 hours a month is warned (the 36協定's limit, 労働基準法 第36条第4項).
/// </summary>
public sealed class FixedOvertimeRule : IOfferRule
{
    /// <summary>Words that say the excess is paid on top (「…を超える時間外労働分は追加で支給」).</summary>
    private static readonly string[] ExtraPayWords = ["追加", "別途支給", "別途支払"];

    public string Rule => "R-LAW-2";

    public void Check(JobSheet sheet, LawContext context, List<Finding> findings)
    {
        var w = sheet.Wages;
        if (!w.FixedOvertime)
        {
            return;
        }
        if (w.FixedOvertimeAmount is null)
        {
            findings.Add(LawChecker.Missing("Wages.FixedOvertimeAmount", "FixedOvertimeNeedsAmount", Citations.FixedOvertimeStatement));
        }
        if (w.FixedOvertimeHours is null)
        {
            findings.Add(LawChecker.Missing("Wages.FixedOvertimeHours", "FixedOvertimeNeedsHours", Citations.FixedOvertimeStatement));
        }
        if (string.IsNullOrWhiteSpace(w.FixedOvertimeNote) || !ExtraPayWords.Any(word => w.FixedOvertimeNote.Contains(word, StringComparison.Ordinal)))
        {
            findings.Add(LawChecker.Missing("Wages.FixedOvertimeNote", "FixedOvertimeNeedsExtraPaySentence", Citations.FixedOvertimeStatement));
        }
        if (w.FixedOvertimeAmount is { } amount and > 0 && w.FixedOvertimeHours is { } hours and > 0 and <= 100 && w.BaseMin is { } lower and > 0
            && HourlyWage.Of(lower, w, sheet.Hours) is { } hourly)
        {
            var needed = hourly * 1.25m * hours;
            if (amount < Math.Ceiling(needed))
            {
                findings.Add(LawChecker.Red("Wages.FixedOvertimeAmount", "FixedOvertimeBelowPremium", Citations.Premium,
                    hours.ToString(System.Globalization.CultureInfo.InvariantCulture), LawChecker.Yen(needed)));
            }
        }
        if (w.FixedOvertimeHours is > 45 and <= 100)
        {
            findings.Add(LawChecker.Orange("Wages.FixedOvertimeHours", "FixedOvertimeOver45",
                Citations.OvertimeLimit, w.FixedOvertimeHours.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }
}

/// <summary>R-LAW-2: an average of more than 45 hours' overtime a month needs the 36協定's special clause (労働基準法 第36条第4項・第5項).</summary>
public sealed class OvertimeLimitRule : IOfferRule
{
    public string Rule => "R-LAW-2";

    public void Check(JobSheet sheet, LawContext context, List<Finding> findings)
    {
        if (sheet.Hours.OvertimeMonthlyAverage is > 45 and <= 200 && !sheet.Hours.SpecialClause36)
        {
            findings.Add(LawChecker.Orange("Hours.SpecialClause36", "OvertimeOver45NeedsSpecialClause", Citations.OvertimeLimit));
        }
    }
}

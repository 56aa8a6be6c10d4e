using HelloWork.Domain.Accounts;
using HelloWork.Domain.Common;
using HelloWork.Domain.Evaluation;
using HelloWork.Domain.Figures;

namespace HelloWork.Domain.Data.Demo;

/// <summary>
/// Demo ハローワーク総合評価 data (R-EVAL-1, R-EVAL-4): every demo office has last year's approved targets and this year's targets (飯田橋's
/// waiting for the 東京労働局's approval, the others approved), records of what each did for its 所重点項目, and anonymous questionnaire answers in the months before the demo's today, so a
/// newcomer signed in as a bureau, a supervisor or nobody sees filled pages. A stream of its own keeps the rest of the demo data as it was.
/// </summary>
internal static class DemoEvaluation
{
    public static void Seed(HelloWorkDb db, Office[] offices, Guid staffUserId, DateTimeOffset now)
    {
        var rnd = new Random(2027);
        var today = JapanTime.DateOf(now);
        var fiscalYear = OfficeFigures.FiscalYearOf(today);
        foreach (var (office, i) in offices.Select((o, i) => (o, i)))
        {
            var scale = 1 + (offices.Length - i) % 3;
            foreach (var year in new[] { fiscalYear - 1, fiscalYear })
            {
                var target = new OfficeTarget(office.Id, year);
                target.Set(12 * scale, 10 * scale, 3 * scale, 35m + 5 * (i % 3), [Indicators.RegularPlacements, Indicators.SeniorPlacements],
                    [PriorityItem.EstablishmentVisits, PriorityItem.CaseManagers, PriorityItem.LocalGovernmentCooperation], now.AddDays(-30));
                if (year < fiscalYear || i > 0)
                {
                    target.Approve(now.AddDays(-20));
                }
                db.OfficeTargets.Add(target);
            }
            // What the office did this year for two of its 所重点項目 (none yet for the third).
            var fiscalStart = new DateOnly(fiscalYear, 4, 1);
            DateOnly Day(int back) => today.AddDays(-back) < fiscalStart ? fiscalStart : today.AddDays(-back);
            db.PriorityItemRecords.AddRange(
                new PriorityItemRecord(office.Id, PriorityItem.EstablishmentVisits, Day(40), 8 + i, "求人事業所を訪問し、求人条件の見直しを助言", staffUserId, today, now),
                new PriorityItemRecord(office.Id, PriorityItem.EstablishmentVisits, Day(12), 5 + i, "新規求人事業所の開拓訪問", staffUserId, today, now),
                new PriorityItemRecord(office.Id, PriorityItem.CaseManagers, Day(20), 30 + 3 * i, "担当者制の対象者（長期求職者）を担当職員に割り当て", staffUserId, today, now));
            // Answers from the last six months, mostly satisfied (seed 003 cites 95.6 %); none in the current month.
            for (var back = 1; back <= 6; back++)
            {
                var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-back);
                for (var n = 0; n < 3 + rnd.Next(4); n++)
                {
                    var answer = rnd.Next(100) switch { < 55 => 5, < 90 => 4, < 96 => 3, < 99 => 2, _ => 1 };
                    db.SurveyAnswers.Add(new SurveyAnswer(office.Id, (SurveyOccasion)rnd.Next(4), answer, month));
                }
            }
        }
    }
}

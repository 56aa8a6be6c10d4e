using HelloWork.Domain.Common;
using HelloWork.Domain.Figures;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Evaluation;

/// <summary>Satisfaction of one office over a period: answers, and the share who answered 満足 or まあ満足 (null under the minimum).</summary>
public sealed record Satisfaction(int Answers, decimal? SatisfiedPercent, IReadOnlyList<int> ByLevel);

/// <summary>
/// The user questionnaire (利用者アンケート, R-EVAL-4): offered after a result, an appointment or an event, and on the site; anyone may answer and
/// nothing of who answered is kept (<see cref="SurveyAnswer"/>). Satisfaction is shown only from <see cref="MinimumAnswers"/> answers on, so
/// that a handful of answers cannot be traced back to the few people served in a month.
/// </summary>
public sealed class Survey(Operations ops)
{
    public const int MinimumAnswers = 5;

    public Task AnswerAsync(string officeCode, SurveyOccasion occasion, int satisfaction, CancellationToken ct = default) =>
        ops.RunAsync(Actor.System, async w =>
        {
            var officeId = await w.Db.Offices.Where(o => o.Code == officeCode).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct)
                ?? throw new DomainException(ErrorCodes.InvalidChoice, "Office");
            w.Db.SurveyAnswers.Add(new SurveyAnswer(officeId, occasion, satisfaction, JapanTime.DateOf(w.Now)));
            return 0;
        }, ct);

    /// <summary>The office's satisfaction in a fiscal year; staff of the office see their own (R-ACC-4).</summary>
    public Task<Satisfaction> OfOwnOfficeAsync(Actor actor, int fiscalYear, CancellationToken ct = default) => OfOfficeAsync(actor.RequireOffice(), fiscalYear, ct);

    internal Task<Satisfaction> OfOfficeAsync(Guid officeId, int fiscalYear, CancellationToken ct = default) => ops.ReadAsync(async db =>
    {
        var (from, to) = (new DateOnly(fiscalYear, 4, 1), new DateOnly(fiscalYear + 1, 4, 1));
        var counts = await db.SurveyAnswers.Where(a => a.OfficeId == officeId && a.Month >= from && a.Month < to)
            .GroupBy(a => a.Satisfaction).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return Of(counts.ToDictionary(c => c.Key, c => c.Count));
    }, ct);

    internal Task<Dictionary<Guid, Satisfaction>> AllOfficesAsync(int fiscalYear, CancellationToken ct = default) => ops.ReadAsync(async db =>
    {
        var (from, to) = (new DateOnly(fiscalYear, 4, 1), new DateOnly(fiscalYear + 1, 4, 1));
        var counts = await db.SurveyAnswers.Where(a => a.Month >= from && a.Month < to)
            .GroupBy(a => new { a.OfficeId, a.Satisfaction }).Select(g => new { g.Key.OfficeId, g.Key.Satisfaction, Count = g.Count() }).ToListAsync(ct);
        return counts.GroupBy(c => c.OfficeId).ToDictionary(g => g.Key, g => Of(g.ToDictionary(c => c.Satisfaction, c => c.Count)));
    }, ct);

    private static Satisfaction Of(Dictionary<int, int> byLevel)
    {
        var levels = Enumerable.Range(1, 5).Select(l => byLevel.GetValueOrDefault(l)).ToList();
        var total = levels.Sum();
        return new Satisfaction(total, total < MinimumAnswers ? null : OfficeFigures.Rate(levels[3] + levels[4], total), total < MinimumAnswers ? [] : levels);
    }
}

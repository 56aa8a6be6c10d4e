using System.Globalization;
using System.Text;
using System.Text.Json;
using HelloWork.Domain.Common;
using HelloWork.Domain.Figures;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Evaluation;

/// <summary>One indicator of an office's publication: each fiscal month (null = missing: not yet published or no data, never zero), the
/// latest published month, the year to that month, the yearly target and the achievement rate (year to date ÷ target, %).</summary>
public sealed record PublishedIndicator(Indicator Indicator, IReadOnlyList<decimal?> Months, decimal? LatestMonth, decimal? YearToDate, decimal? Target,
    decimal? Achievement);

/// <summary>The yearly evaluation as published (R-EVAL-3).</summary>
public sealed record PublishedEvaluation(int FiscalYear, int Group, int GroupSize, int RankInGroup, decimal Score, EvaluationLevel Level, bool NeedsPlan,
    decimal? Satisfaction, string? ImprovementPlan, DateTimeOffset? PlanWrittenAt)
{
    public string LevelLabel => OfficeEvaluation.LevelLabel(Level);
}

/// <summary>An office's monthly publication (R-EVAL-2): public, aggregate counts only.</summary>
public sealed record OfficePublication(string OfficeCode, string OfficeName, string Prefecture, int FiscalYear, int? LatestMonthIndex,
    IReadOnlyList<string> MonthLabels, IReadOnlyList<PublishedIndicator> Indicators, Satisfaction Satisfaction, PublishedEvaluation? Evaluation)
{
    public string? LatestMonthLabel => LatestMonthIndex is { } i ? $"{OfficeFigures.MonthStart(FiscalYear, i):yyyy年M月}" : null;
}

/// <summary>One office's line on its prefecture's page.</summary>
public sealed record PrefectureLine(string OfficeCode, string OfficeName, IReadOnlyList<PublishedIndicator> Main);

public sealed record PrefecturePublication(string Prefecture, int FiscalYear, int? LatestMonthIndex, IReadOnlyList<PrefectureLine> Offices);

/// <summary>
/// The monthly publication of the 主要指標 (seed 003 「各労働局が所管ハローワークの主要指標の実績を毎月公表」, R-EVAL-2): per office and per
/// prefecture, open to everyone without sign-in, and the same as CSV and JSON open data with the definitions. A month is published once it has
/// ended (Japan time); a published month without any data is missing, never zero.
/// </summary>
public sealed class Publication(OfficeFigures figures, Survey survey, Operations ops)
{
    /// <summary>The fiscal year's last published month index (0 = April), null when none has ended yet.</summary>
    public static int? LatestPublished(int fiscalYear, DateOnly today)
    {
        var currentMonth = new DateOnly(today.Year, today.Month, 1);
        var ended = Enumerable.Range(0, 12).Where(i => OfficeFigures.MonthStart(fiscalYear, i).AddMonths(1) <= currentMonth).ToList();
        return ended.Count == 0 ? null : ended[^1];
    }

    /// <summary>Every office (code, name, prefecture), for the questionnaire's office choice.</summary>
    public Task<IReadOnlyList<(string Code, string Name, string Prefecture)>> OfficesAsync(CancellationToken ct = default) => ops.ReadAsync(async db =>
        (IReadOnlyList<(string, string, string)>)(await db.Offices.OrderBy(o => o.Code).Select(o => new { o.Code, o.Name, o.Prefecture }).ToListAsync(ct))
            .Select(o => (o.Code, o.Name, o.Prefecture)).ToList(), ct);

    public Task<IReadOnlyList<string>> PrefecturesAsync(CancellationToken ct = default) => ops.ReadAsync(async db =>
        (IReadOnlyList<string>)await db.Offices.Select(o => o.Prefecture).Distinct().OrderBy(p => p).ToListAsync(ct), ct);

    public async Task<OfficePublication?> OfficeAsync(string officeCode, int fiscalYear, CancellationToken ct = default)
    {
        var office = await ops.ReadAsync(db => db.Offices.AsNoTracking().FirstOrDefaultAsync(o => o.Code == officeCode, ct), ct);
        if (office is null)
        {
            return null;
        }
        var year = await figures.ForOfficeAsync(office.Id, fiscalYear, ct);
        var (target, evaluation) = await ops.ReadAsync(async db => (
            await db.OfficeTargets.AsNoTracking().FirstOrDefaultAsync(t => t.OfficeId == office.Id && t.FiscalYear == fiscalYear, ct),
            await db.OfficeEvaluations.AsNoTracking().FirstOrDefaultAsync(e => e.OfficeId == office.Id && e.FiscalYear == fiscalYear, ct)), ct);
        var latest = LatestPublished(fiscalYear, ops.Clock.Today());
        var shown = Indicators.All.Where(i => i.Kind is IndicatorKind.Main or IndicatorKind.Auxiliary or IndicatorKind.Portal
            || target?.PriorityIndicatorCodes.Contains(i.Code) == true).ToList();
        return new OfficePublication(office.Code, office.Name, office.Prefecture, fiscalYear, latest,
            [.. year.Months.Select(m => $"{m.From.Month}月")], [.. shown.Select(i => Publish(i, year, latest, target))],
            await survey.OfOfficeAsync(office.Id, fiscalYear, ct), evaluation is null ? null : Published(evaluation));
    }

    public async Task<PrefecturePublication?> PrefectureAsync(string prefecture, int fiscalYear, CancellationToken ct = default)
    {
        var offices = await ops.ReadAsync(db => db.Offices.AsNoTracking().Where(o => o.Prefecture == prefecture).OrderBy(o => o.Code).ToListAsync(ct), ct);
        if (offices.Count == 0)
        {
            return null;
        }
        var ids = offices.Select(o => o.Id).ToList();
        var targets = await ops.ReadAsync(db => db.OfficeTargets.AsNoTracking().Where(t => ids.Contains(t.OfficeId) && t.FiscalYear == fiscalYear)
            .ToDictionaryAsync(t => t.OfficeId, ct), ct);
        var latest = LatestPublished(fiscalYear, ops.Clock.Today());
        var lines = new List<PrefectureLine>();
        foreach (var office in offices)
        {
            var year = await figures.ForOfficeAsync(office.Id, fiscalYear, ct);
            lines.Add(new PrefectureLine(office.Code, office.Name, [.. Indicators.Main.Select(i => Publish(i, year, latest, targets.GetValueOrDefault(office.Id)))]));
        }
        return new PrefecturePublication(prefecture, fiscalYear, latest, lines);
    }

    internal static PublishedIndicator Publish(Indicator indicator, OfficeYear year, int? latest, OfficeTarget? target)
    {
        var months = year.Months.Select((m, i) => latest is { } l && i <= l && m.HasData ? indicator.Value(m) : null).ToList();
        var toDate = latest is { } last && year.ToDate[last].HasData ? indicator.Value(year.ToDate[last]) : null;
        var goal = target?.TargetOf(indicator.Code);
        var achievement = toDate is { } v && goal is > 0 ? Math.Round(100m * v / goal.Value, 1, MidpointRounding.AwayFromZero) : (decimal?)null;
        return new PublishedIndicator(indicator, months, latest is { } m ? months[m] : null, toDate, goal, achievement);
    }

    private static PublishedEvaluation Published(OfficeEvaluation e) => new(e.FiscalYear, e.Group, e.GroupSize, e.RankInGroup, e.Score, e.Level, e.NeedsPlan,
        e.Satisfaction, e.ImprovementPlan, e.PlanWrittenAt);

    private static string V(decimal? v, bool rate) => v is not { } x ? "" : rate ? x.ToString("0.0", CultureInfo.InvariantCulture) : x.ToString("0", CultureInfo.InvariantCulture);

    /// <summary>The office's open data as CSV (UTF-8 with BOM): one row per indicator with its kind, definition, the months (empty = missing),
    /// the latest month, year to date, target and achievement.</summary>
    public static byte[] Csv(OfficePublication p)
    {
        var sb = new StringBuilder();
        void Row(IEnumerable<string> cells) => HelloWork.Domain.Common.Csv.Row(sb, cells);
        Row(["安定所番号", p.OfficeCode, "安定所", p.OfficeName, "都道府県", p.Prefecture, "年度", p.FiscalYear.ToString(CultureInfo.InvariantCulture), "公表月", p.LatestMonthLabel ?? ""]);
        Row(["指標コード", "指標", "区分", "単位", .. p.MonthLabels, "当月", "年度累計", "年度目標", "達成率(%)", "定義"]);
        foreach (var i in p.Indicators)
        {
            var rate = i.Indicator.IsRate;
            Row([i.Indicator.Code, i.Indicator.Name, Indicators.KindLabel(i.Indicator.Kind), rate ? "%" : "件", .. i.Months.Select(m => V(m, rate)),
                V(i.LatestMonth, rate), V(i.YearToDate, rate), V(i.Target, rate), V(i.Achievement, true), i.Indicator.Definition]);
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    /// <summary>The same open data as JSON; missing months are null.</summary>
    public static byte[] Json(OfficePublication p) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        office_code = p.OfficeCode,
        office = p.OfficeName,
        prefecture = p.Prefecture,
        fiscal_year = p.FiscalYear,
        latest_month = p.LatestMonthIndex is { } i ? OfficeFigures.MonthStart(p.FiscalYear, i).ToString("yyyy-MM", CultureInfo.InvariantCulture) : null,
        indicators = p.Indicators.Select(i => new
        {
            code = i.Indicator.Code,
            name = i.Indicator.Name,
            kind = Indicators.KindLabel(i.Indicator.Kind),
            unit = i.Indicator.IsRate ? "%" : "件",
            definition = i.Indicator.Definition,
            months = i.Months.Select((v, m) => new { month = OfficeFigures.MonthStart(p.FiscalYear, m).ToString("yyyy-MM", CultureInfo.InvariantCulture), value = v }),
            latest_month = i.LatestMonth,
            year_to_date = i.YearToDate,
            target = i.Target,
            achievement_percent = i.Achievement,
        }),
        satisfaction = new { answers = p.Satisfaction.Answers, satisfied_percent = p.Satisfaction.SatisfiedPercent },
        evaluation = p.Evaluation is { } e ? new
        {
            group = e.Group, group_size = e.GroupSize, rank_in_group = e.RankInGroup, score = e.Score, level = e.LevelLabel,
            needs_improvement_plan = e.NeedsPlan, improvement_plan = e.ImprovementPlan,
        } : null,
    }, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

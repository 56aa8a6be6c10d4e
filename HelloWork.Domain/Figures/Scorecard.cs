using System.Globalization;
using System.Text;
using HelloWork.Domain.Common;
using HelloWork.Domain.Documents;
using HelloWork.Domain.Documents.Pdf;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace HelloWork.Domain.Figures;

/// <summary>One line of the scorecard: the figure's Japanese label, its three months, the quarter and the fiscal year to the quarter's end.</summary>
public sealed record ScorecardLine(string Label, IReadOnlyList<string> Months, string Quarter, string YearToDate);

public sealed record IntegratedFacilityView(Guid Id, string FacilityName, int FiscalYear, int PlacementsTarget, int PlacementsActual, decimal PlacementRateTarget,
    decimal PlacementRateActual, int UsersTarget, int UsersActual, int ConsultationsTarget, int ConsultationsActual, Achievement Result);

public sealed record ScorecardData(OfficeYear Year, int Quarter, IReadOnlyList<string> MonthLabels, IReadOnlyList<ScorecardLine> Lines,
    IReadOnlyList<IntegratedFacilityView> Facilities, DateTimeOffset CreatedAt)
{
    public string Title => $"スコアカード {Year.OfficeName} {OfficeFigures.QuarterLabel(Year.FiscalYear, Quarter)}";

    public string FileStem => $"スコアカード_{Year.OfficeCode}_{Year.FiscalYear}Q{Quarter}";
}

/// <summary>
/// The quarterly scorecard (スコアカード, seed 000 §5; R-KPI-3) of an office as CSV and as PDF, with the integrated facilities' yearly targets
/// and actuals (R-KPI-4). Staff of the office only (R-ACC-4).
/// </summary>
public sealed class Scorecard(OfficeFigures figures, Operations ops)
{
    public static readonly string[] AchievementLabels = ["未達成", "一部達成", "達成"];

    public async Task<ScorecardData> QuarterAsync(Actor actor, int fiscalYear, int quarter, CancellationToken ct = default)
    {
        if (quarter is < 1 or > 4)
        {
            throw new DomainException(ErrorCodes.OutOfRange, "Quarter");
        }
        var year = await figures.YearAsync(actor, fiscalYear, ct);
        var facilities = await FacilitiesAsync(actor, fiscalYear, ct);
        var months = year.Months.Skip((quarter - 1) * 3).Take(3).ToList();
        var q = year.Quarters[quarter - 1];
        var lines = Lines.Select(l => new ScorecardLine(l.Label, months.Select(l.Value).ToList(), l.Value(q), l.Value(year.ToDate[quarter * 3 - 1])))
            .ToList();
        return new ScorecardData(year, quarter, months.Select(m => m.Label).ToList(), lines, facilities, ops.Clock.GetUtcNow());
    }

    public Task<IReadOnlyList<IntegratedFacilityView>> FacilitiesAsync(Actor actor, int fiscalYear, CancellationToken ct = default) => ops.ReadAsync(async db =>
    {
        var officeId = actor.RequireOffice();
        var rows = await db.IntegratedFacilityTargets.Where(t => t.OfficeId == officeId && t.FiscalYear == fiscalYear).OrderBy(t => t.FacilityName).ToListAsync(ct);
        return (IReadOnlyList<IntegratedFacilityView>)rows.Select(t => new IntegratedFacilityView(t.Id, t.FacilityName, t.FiscalYear, t.PlacementsTarget,
            t.PlacementsActual, t.PlacementRateTarget, t.PlacementRateActual, t.UsersTarget, t.UsersActual, t.ConsultationsTarget, t.ConsultationsActual, t.Result)).ToList();
    }, ct);

    private sealed record Line(string Label, Func<FigureSet, string> Value);

    private static string N(int v) => v.ToString("N0", CultureInfo.InvariantCulture);

    private static string P(decimal? v) => v is { } r ? r.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    private static readonly Line[] Lines =
    [
        new("オンライン利用率（求人者マイページからの求人／全求人受理件数）", s => P(s.OnlineUsageRate)),
        new("求人受理件数", s => N(s.OffersAccepted)),
        new("うち求人者マイページから", s => N(s.OffersAcceptedOnline)),
        new("求人者マイページ開設数", s => N(s.EmployerMypagesOpened)),
        new("求職者マイページ開設数", s => N(s.JobseekerMypagesOpened)),
        new("オンラインハローワーク紹介（送信）", s => N(s.ReferralsProposed)),
        new("紹介件数", s => N(s.Referrals)),
        new("うちオンライン紹介", s => N(s.OnlineReferrals)),
        new("オンライン自主応募", s => N(s.SelfApplications)),
        new("就職件数", s => N(s.Placements)),
        new("求人充足数（受理地ベース）", s => N(s.FilledOffers)),
        new("紹介率（紹介を受けた求職者／期間中の有効求職者）", s => P(s.ReferralRate)),
        new("雇用保険受給者の早期再就職件数", s => N(s.EarlyReemployments)),
        new("採否結果の通知：オンライン（採用）", s => N(s.ResultsOnlineHired)),
        new("採否結果の通知：オンライン（不採用）", s => N(s.ResultsOnlineNotHired)),
        new("採否結果の通知：職員入力（採用）", s => N(s.ResultsStaffHired)),
        new("採否結果の通知：職員入力（不採用）", s => N(s.ResultsStaffNotHired)),
    ];

    /// <summary>UTF-8 with a byte-order mark so that spreadsheet software opens the Japanese correctly.</summary>
    public static byte[] Csv(ScorecardData d)
    {
        var sb = new StringBuilder();
        void Row(IEnumerable<string> cells) => HelloWork.Domain.Common.Csv.Row(sb, cells);
        Row(["事業所", d.Year.OfficeName, "安定所番号", d.Year.OfficeCode, "期間", OfficeFigures.QuarterLabel(d.Year.FiscalYear, d.Quarter)]);
        Row(["指標", .. d.MonthLabels, "四半期計", "年度累計"]);
        foreach (var l in d.Lines)
        {
            Row([l.Label, .. l.Months, l.Quarter, l.YearToDate]);
        }
        Row(["一体的実施施設", "年度", "就職件数 目標", "就職件数 実績", "就職率 目標", "就職率 実績", "利用者数 目標", "利用者数 実績", "相談件数 目標", "相談件数 実績", "達成状況"]);
        foreach (var f in d.Facilities)
        {
            Row([f.FacilityName, $"{f.FiscalYear}年度", N(f.PlacementsTarget), N(f.PlacementsActual), $"{f.PlacementRateTarget:0.0}%", $"{f.PlacementRateActual:0.0}%",
                N(f.UsersTarget), N(f.UsersActual), N(f.ConsultationsTarget), N(f.ConsultationsActual), AchievementLabels[(int)f.Result]]);
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    public static PdfFile Pdf(ScorecardData d)
    {
        var shade = new SKColor(0xEE, 0xEE, 0xEE);
        var small = TextStyle.Body with { Size = 8 };
        var pdf = new PdfComposer(null, new PageDecoration { HeaderLeft = d.Year.OfficeName, HeaderRight = $"作成 {JapanTime.Japanese(d.CreatedAt)}" });
        pdf.Paragraph("スコアカード", TextStyle.Body with { Size = 18, Align = TextAlign.Center, LineSpacing = 1.6f });
        pdf.Paragraph($"{d.Year.OfficeName}（{d.Year.OfficeCode}）　{OfficeFigures.QuarterLabel(d.Year.FiscalYear, d.Quarter)}", TextStyle.Body with { Size = 11, Align = TextAlign.Center });
        pdf.Spacer(8);
        var table = new PdfTable(4.2f, 1, 1, 1, 1.1f, 1.1f) { HeaderRows = 1, Style = small };
        table.AddRow([.. new[] { "指標" }.Concat(d.MonthLabels).Concat(["四半期計", "年度累計"]).Select(t => new PdfCell(t) { Background = shade })]);
        foreach (var l in d.Lines)
        {
            table.AddRow([new PdfCell(l.Label), .. l.Months.Concat([l.Quarter, l.YearToDate]).Select(v => new PdfCell(v) { Style = small with { Align = TextAlign.Right } })]);
        }
        pdf.Table(table);
        pdf.Spacer(10);
        pdf.Paragraph("オンライン利用率の目標：50%（令和5年9月まで）。紹介率＝期間中に紹介を受けた求職者の実人数÷期間中の有効求職者数。", small);
        pdf.Spacer(10);
        pdf.Paragraph("一体的実施施設の年度目標と実績", TextStyle.Body with { Size = 11 });
        var f = new PdfTable(2.4f, 1.2f, 1.2f, 1.2f, 1.2f, 1) { HeaderRows = 1, Style = small };
        f.AddRow([.. new[] { "施設", "就職件数", "就職率", "利用者数", "相談件数", "達成状況" }.Select(t => new PdfCell(t) { Background = shade })]);
        foreach (var x in d.Facilities)
        {
            f.AddRow($"{x.FacilityName}（{x.FiscalYear}年度）", $"{N(x.PlacementsActual)} / {N(x.PlacementsTarget)}", $"{x.PlacementRateActual:0.0}% / {x.PlacementRateTarget:0.0}%",
                $"{N(x.UsersActual)} / {N(x.UsersTarget)}", $"{N(x.ConsultationsActual)} / {N(x.ConsultationsTarget)}", AchievementLabels[(int)x.Result]);
        }
        if (d.Facilities.Count == 0)
        {
            f.AddRow(new PdfCell("（登録なし）") { ColumnSpan = 6 });
        }
        pdf.Table(f);
        pdf.Paragraph("実績／目標。", small);
        return new PdfFile(pdf.ToPdf(new PdfDocumentInfo(d.Title, d.Year.OfficeName, "HelloWork", d.CreatedAt)), d.FileStem + ".pdf");
    }
}

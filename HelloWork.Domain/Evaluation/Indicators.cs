using HelloWork.Domain.Figures;

namespace HelloWork.Domain.Evaluation;

/// <summary>The four kinds of indicator of the ハローワーク総合評価 (seed 003 「ハローワーク総合評価の評価指標の構成」).</summary>
public enum IndicatorKind
{
    /// <summary>主要指標: common to every office, published monthly.</summary>
    Main = 0,

    /// <summary>補助指標: the quality of the work.</summary>
    Auxiliary = 1,

    /// <summary>所重点指標: chosen by each office from the list.</summary>
    Priority = 2,

    /// <summary>Counted by the portal beside the evaluation (R-KPI-5).</summary>
    Portal = 3,
}

/// <summary>One indicator with its written definition (R-EVAL-1; docs/evaluation-indicators.md has the same text and the seed's words).
/// <see cref="Value"/> reads it from a period's figures; <see cref="IsRate"/> tells a percentage from a count.</summary>
public sealed record Indicator(string Code, string Name, IndicatorKind Kind, bool IsRate, string Definition, Func<FigureSet, decimal?> Value);

/// <summary>The catalogue of indicators the portal counts, one definition each (R-EVAL-1, R-KPI-3, R-KPI-5).</summary>
public static class Indicators
{
    public const string Placements = "placements";
    public const string FilledOffers = "filled_offers";
    public const string EarlyReemployments = "early_reemployments";
    public const string ReferralRate = "referral_rate";
    public const string OnlineResultRate = "online_result_rate";
    public const string RegularOffers = "regular_offers";
    public const string RegularPlacements = "regular_placements";
    public const string DisabledPlacements = "disabled_placements";
    public const string SeniorPlacements = "senior_placements";

    public static IReadOnlyList<Indicator> All { get; } =
    [
        new(Placements, "就職者数", IndicatorKind.Main, false,
            "当所の紹介（オンライン・窓口）による就職と、当所が受理した求人への自主応募による就職の件数。採否結果が登録された日（日本時間）の月に数える。",
            s => s.Placements),
        new(FilledOffers, "求人充足数（受理地ベース）", IndicatorKind.Main, false,
            "当所が受理した求人に採用が決まった件数。応募の経路（他所の紹介・自主応募を含む）を問わない。採否結果の登録日の月に数える。",
            s => s.FilledOffers),
        new(EarlyReemployments, "雇用保険受給者の早期再就職件数", IndicatorKind.Main, false,
            "当所で求職登録し雇用保険の受給資格を持つ人の就職のうち、所定給付日数の3分の2以上を残して就職したもの。残日数＝所定給付日数−（受給資格決定日から就職日の前日までの日数−待期7日）。",
            s => s.EarlyReemployments),
        new(ReferralRate, "紹介率", IndicatorKind.Auxiliary, true,
            "期間中に当所の紹介を受けた当所登録の求職者の実人数÷期間中に求職登録が有効だった当所の求職者数（紹介を受けた人を含む）。100%を超えない。",
            s => s.ReferralRate),
        new(OnlineResultRate, "採否結果の通知のオンライン率（不採用を含む）", IndicatorKind.Portal, true,
            "当所受理求人の採否結果のうち、求人者がマイページから登録したものの割合。採用・不採用（辞退を含む）の両方を数える。",
            s => OfficeFigures.Rate(s.ResultsOnlineHired + s.ResultsOnlineNotHired,
                s.ResultsOnlineHired + s.ResultsOnlineNotHired + s.ResultsStaffHired + s.ResultsStaffNotHired)),
        new(RegularOffers, "正社員求人数", IndicatorKind.Priority, false,
            "当所が受理した求人のうち雇用形態が正社員のものの件数。受理日の月に数える。",
            s => s.RegularOffers),
        new(RegularPlacements, "正社員就職件数", IndicatorKind.Priority, false,
            "就職者数のうち、雇用形態が正社員の求人への就職の件数。",
            s => s.RegularPlacements),
        new(DisabledPlacements, "障害者の就職件数", IndicatorKind.Priority, false,
            "就職者数のうち、求職申込みで障害ありと登録された人の就職の件数。",
            s => s.DisabledPlacements),
        new(SeniorPlacements, "65歳以上の就職件数", IndicatorKind.Priority, false,
            "就職者数のうち、就職日（未登録なら採否結果の登録日）に65歳以上だった人の就職の件数。",
            s => s.SeniorPlacements),
    ];

    /// <summary>The three 主要指標, in the seed's order.</summary>
    public static IReadOnlyList<Indicator> Main { get; } = [.. All.Where(i => i.Kind == IndicatorKind.Main)];

    public static IReadOnlyList<Indicator> Priority { get; } = [.. All.Where(i => i.Kind == IndicatorKind.Priority)];

    public static Indicator Get(string code) => All.First(i => i.Code == code);

    public static string KindLabel(IndicatorKind kind) => kind switch
    {
        IndicatorKind.Main => "主要指標",
        IndicatorKind.Auxiliary => "補助指標",
        IndicatorKind.Priority => "所重点指標",
        _ => "参考指標",
    };
}

/// <summary>The 所重点項目 of seed 003: an office chooses some and records what it did for them (R-EVAL-1).</summary>
public enum PriorityItem
{
    EstablishmentVisits = 0,
    CareerConsultingTraining = 1,
    CaseManagers = 2,
    SharedImprovements = 3,
    WideAreaMobility = 4,
    LocalGovernmentCooperation = 5,
    WorkTraining = 6,
}

public static class PriorityItems
{
    public static string Label(PriorityItem item) => item switch
    {
        PriorityItem.EstablishmentVisits => "職員による事業所訪問の実施",
        PriorityItem.CareerConsultingTraining => "職員による計画的なキャリアコンサルティング研修の受講",
        PriorityItem.CaseManagers => "求人・求職者担当制の実施",
        PriorityItem.SharedImprovements => "業務改善を図った取組の共有及び実施",
        PriorityItem.WideAreaMobility => "他所と連携した広域労働移動の取組",
        PriorityItem.LocalGovernmentCooperation => "地方公共団体との連携の推進",
        _ => "各種業務研修の実施",
    };
}

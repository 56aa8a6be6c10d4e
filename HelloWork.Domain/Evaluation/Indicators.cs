using System.Globalization;
using System.Resources;
using HelloWork.Domain.Common;
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
/// <see cref="Value"/> reads it from a period's figures; <see cref="IsRate"/> tells a percentage from a count. Names and definitions are in
/// IndicatorText.resx (Japanese: the published documents) and IndicatorText.en.resx (English, for a reader who chose it).</summary>
public sealed record Indicator(string Code, IndicatorKind Kind, bool IsRate, Func<FigureSet, decimal?> Value)
{
    /// <summary>The name as the published documents write it (Japanese).</summary>
    public string Name => NameIn(JapanTime.JapaneseCulture);

    public string Definition => DefinitionIn(JapanTime.JapaneseCulture);

    /// <summary>The name in the reader's language (pages).</summary>
    public string NameIn(CultureInfo culture) => Indicators.Text($"Indicator.{Code}", culture);

    public string DefinitionIn(CultureInfo culture) => Indicators.Text($"Definition.{Code}", culture);
}

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
        new(Placements, IndicatorKind.Main, false,
            s => s.Placements),
        new(FilledOffers, IndicatorKind.Main, false,
            s => s.FilledOffers),
        new(EarlyReemployments, IndicatorKind.Main, false,
            s => s.EarlyReemployments),
        new(ReferralRate, IndicatorKind.Auxiliary, true,
            s => s.ReferralRate),
        new(OnlineResultRate, IndicatorKind.Portal, true,
            s => OfficeFigures.Rate(s.ResultsOnlineHired + s.ResultsOnlineNotHired,
                s.ResultsOnlineHired + s.ResultsOnlineNotHired + s.ResultsStaffHired + s.ResultsStaffNotHired)),
        new(RegularOffers, IndicatorKind.Priority, false,
            s => s.RegularOffers),
        new(RegularPlacements, IndicatorKind.Priority, false,
            s => s.RegularPlacements),
        new(DisabledPlacements, IndicatorKind.Priority, false,
            s => s.DisabledPlacements),
        new(SeniorPlacements, IndicatorKind.Priority, false,
            s => s.SeniorPlacements),
    ];

    /// <summary>The three 主要指標, in the seed's order.</summary>
    public static IReadOnlyList<Indicator> Main { get; } = [.. All.Where(i => i.Kind == IndicatorKind.Main)];

    public static IReadOnlyList<Indicator> Priority { get; } = [.. All.Where(i => i.Kind == IndicatorKind.Priority)];

    public static Indicator Get(string code) => All.First(i => i.Code == code);

    /// <summary>The kind as the documents write it: 主要指標, 補助指標, 所重点指標, 参考指標.</summary>
    public static string KindLabel(IndicatorKind kind) => KindLabel(kind, JapanTime.JapaneseCulture);

    public static string KindLabel(IndicatorKind kind, CultureInfo culture) => Text($"Kind.{kind}", culture);

    private static readonly ResourceManager Names = new("HelloWork.Domain.Evaluation.IndicatorText", typeof(Indicators).Assembly);

    internal static string Text(string key, CultureInfo culture) =>
        Names.GetString(key, culture) ?? throw new InvalidOperationException($"IndicatorText has no '{key}'.");
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
    /// <summary>The item as the documents write it (seed 003's words).</summary>
    public static string Label(PriorityItem item) => Label(item, JapanTime.JapaneseCulture);

    public static string Label(PriorityItem item, CultureInfo culture) => Indicators.Text($"PriorityItem.{item}", culture);
}

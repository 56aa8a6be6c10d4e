using HelloWork.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelloWork.Domain.Evaluation;

/// <summary>The four levels of the relative rating within a group (R-EVAL-3).</summary>
public enum EvaluationLevel
{
    Excellent = 0,
    Good = 1,
    Standard = 2,
    NeedsEffort = 3,
}

/// <summary>
/// An office's yearly 総合評価 (R-EVAL-3), kept as the run computed it so that the published result does not move when late results come in:
/// its group of 11, the achievements it was scored on, the score, the four-level rating within the group, whether it falls under the
/// threshold, and the improvement plan (改善計画) the office wrote.
/// </summary>
public sealed class OfficeEvaluation
{
    private OfficeEvaluation() { }

    public OfficeEvaluation(Guid officeId, int fiscalYear, int group, int workload, decimal? placements, decimal? filledOffers, decimal? earlyReemployments,
        decimal? referralRate, decimal? satisfaction, decimal score, int rankInGroup, int groupSize, EvaluationLevel level, bool needsPlan, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        OfficeId = officeId;
        FiscalYear = fiscalYear;
        Group = group;
        Workload = workload;
        (PlacementsAchievement, FilledOffersAchievement, EarlyReemploymentsAchievement, ReferralRateAchievement) = (placements, filledOffers, earlyReemployments, referralRate);
        Satisfaction = satisfaction;
        Score = score;
        RankInGroup = rankInGroup;
        GroupSize = groupSize;
        Level = level;
        NeedsPlan = needsPlan;
        EvaluatedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid OfficeId { get; private set; }
    public int FiscalYear { get; private set; }

    /// <summary>1 (the largest labour market and workload) to 11.</summary>
    public int Group { get; private set; }

    /// <summary>What the grouping ranks by: the year's accepted offers plus the office's registered jobseekers in the year.</summary>
    public int Workload { get; private set; }

    public decimal? PlacementsAchievement { get; private set; }
    public decimal? FilledOffersAchievement { get; private set; }
    public decimal? EarlyReemploymentsAchievement { get; private set; }
    public decimal? ReferralRateAchievement { get; private set; }

    /// <summary>利用者満足度 (満足＋まあ満足, %), null with fewer than <see cref="YearlyEvaluation.MinimumAnswers"/> answers.</summary>
    public decimal? Satisfaction { get; private set; }

    public decimal Score { get; private set; }
    public int RankInGroup { get; private set; }
    public int GroupSize { get; private set; }
    public EvaluationLevel Level { get; private set; }
    public bool NeedsPlan { get; private set; }
    public DateTimeOffset EvaluatedAt { get; private set; }
    public string? ImprovementPlan { get; private set; }

    /// <summary>所重点項目 the office chose for the year, and how many of them it recorded work for (seed 003: the evaluation takes their
    /// carrying out into account; shown beside the score, not part of it).</summary>
    public int PriorityItemsChosen { get; private set; }

    public int PriorityItemsCarriedOut { get; private set; }

    internal void CountItems(int chosen, int carriedOut) => (PriorityItemsChosen, PriorityItemsCarriedOut) = (chosen, carriedOut);
    public DateTimeOffset? PlanWrittenAt { get; private set; }

    /// <summary>The labour bureau's comment on the plan (R-EVAL-3: the bureau follows it).</summary>
    public string? BureauComment { get; private set; }

    public DateTimeOffset? CommentedAt { get; private set; }

    /// <summary>When the bureau marked the plan followed (フォローアップ済み); a rewritten plan is followed again.</summary>
    public DateTimeOffset? PlanFollowedAt { get; private set; }

    /// <summary>The bureau comments on the written plan (R-EVAL-3).</summary>
    public void Comment(string? comment, DateTimeOffset now)
    {
        if (ImprovementPlan is null)
        {
            throw new DomainException(ErrorCodes.InvalidChoice, nameof(ImprovementPlan));
        }
        BureauComment = Text.Require(comment, nameof(BureauComment), 2000);
        CommentedAt = now;
    }

    /// <summary>The bureau marks the written plan followed (R-EVAL-3).</summary>
    public void MarkFollowed(DateTimeOffset now)
    {
        if (ImprovementPlan is null)
        {
            throw new DomainException(ErrorCodes.InvalidChoice, nameof(ImprovementPlan));
        }
        PlanFollowedAt = now;
    }

    /// <summary>A later run keeps what the office and the bureau wrote for an office still under the threshold.</summary>
    internal void KeepFollowUp(OfficeEvaluation old)
    {
        (ImprovementPlan, PlanWrittenAt, BureauComment, CommentedAt, PlanFollowedAt) =
            (old.ImprovementPlan, old.PlanWrittenAt, old.BureauComment, old.CommentedAt, old.PlanFollowedAt);
    }

    /// <summary>The office writes (or rewrites) its 改善計画; only an office under the threshold has one (R-EVAL-3).</summary>
    public void WritePlan(string? plan, DateTimeOffset now)
    {
        if (!NeedsPlan)
        {
            throw new DomainException(ErrorCodes.InvalidChoice, nameof(ImprovementPlan));
        }
        ImprovementPlan = Text.Require(plan, nameof(ImprovementPlan), 2000);
        PlanWrittenAt = now;
        PlanFollowedAt = null;
    }

    /// <summary>The level as the published documents write it (seed 003's four levels).</summary>
    public static string LevelLabel(EvaluationLevel level) => LevelLabel(level, JapanTime.JapaneseCulture);

    public static string LevelLabel(EvaluationLevel level, System.Globalization.CultureInfo culture) => Indicators.Text($"Level.{level}", culture);
}

internal sealed class OfficeEvaluationConfiguration : IEntityTypeConfiguration<OfficeEvaluation>
{
    public void Configure(EntityTypeBuilder<OfficeEvaluation> b)
    {
        b.HasIndex(e => new { e.FiscalYear, e.OfficeId }).IsUnique();
        foreach (var p in new[] { nameof(OfficeEvaluation.PlacementsAchievement), nameof(OfficeEvaluation.FilledOffersAchievement),
            nameof(OfficeEvaluation.EarlyReemploymentsAchievement), nameof(OfficeEvaluation.ReferralRateAchievement), nameof(OfficeEvaluation.Satisfaction) })
        {
            b.Property<decimal?>(p).HasPrecision(7, 1);
        }
        b.Property(e => e.Score).HasPrecision(7, 1);
        b.Property(e => e.ImprovementPlan).HasMaxLength(2000);
        b.Property(e => e.BureauComment).HasMaxLength(2000);
    }
}

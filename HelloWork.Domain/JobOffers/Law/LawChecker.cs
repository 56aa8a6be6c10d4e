namespace HelloWork.Domain.JobOffers.Law;

/// <summary>The dates and table an offer is checked against (R-LAW-1): the day it is (or will be) published, its 紹介期限, and the
/// regional minimum wages known to the portal.</summary>
public sealed record LawContext(MinimumWageTable MinimumWages, DateOnly Publication, DateOnly ReferralDeadline)
{
    /// <summary>An offer published on <paramref name="publication"/>: its 紹介期限 is the end of the month after next (R-JOB-3).</summary>
    public static LawContext On(DateOnly publication, MinimumWageTable? table = null) =>
        new(table ?? MinimumWageTable.Shipped, publication, JobOffer.ValidityFor(publication));

    /// <summary>A published offer on its own dates; one not yet published as if it were published <paramref name="today"/>.</summary>
    public static LawContext For(JobOffer offer, DateOnly today, MinimumWageTable? table = null) => offer.ReceivedDate is { } received
        ? new(table ?? MinimumWageTable.Shipped, received, offer.ValidUntil ?? JobOffer.ValidityFor(received))
        : On(today, table);
}

/// <summary>One legal rule over the 求人票: a small class naming its SPEC rule; each finding it adds cites its law and article.</summary>
public interface IOfferRule
{
    /// <summary>The SPEC rule id (R-LAW-1 … R-LAW-5).</summary>
    string Rule { get; }

    void Check(JobSheet sheet, LawContext context, List<Finding> findings);
}

/// <summary>
/// The one legal checker over the offer (R-LAW-1..6): run while the employer enters the offer (red blocks submission, orange must be
/// acknowledged) and shown to staff beside the fields at review. <see cref="JobSheetChecks"/> adds it to the entry checks.
/// </summary>
public static class LawChecker
{
    public static readonly IReadOnlyList<IOfferRule> Rules =
    [
        new MinimumWageRule(),
        new FixedOvertimeRule(),
        new OvertimeLimitRule(),
        new AgeRule(),
        new RetirementAgeRule(),
        new SexWordingRule(),
        new RequiredStatementsRule(),
    ];

    public static List<Finding> Check(JobSheet sheet, LawContext context)
    {
        var findings = new List<Finding>();
        Check(sheet, context, findings);
        return findings;
    }

    public static void Check(JobSheet sheet, LawContext context, List<Finding> findings)
    {
        foreach (var rule in Rules)
        {
            rule.Check(sheet, context, findings);
        }
    }

    internal static Finding Red(string field, string code, LawCitation cite, params string[] args) =>
        new(FindingLevel.Error, field, code) { Cite = cite, Args = args };

    /// <summary>Red because a statement the law requires is still empty (一時保存 keeps the draft, 申込み refuses).</summary>
    internal static Finding Missing(string field, string code, LawCitation cite) =>
        new(FindingLevel.Error, field, code) { Cite = cite, Missing = true };

    internal static Finding Orange(string field, string code, LawCitation cite, params string[] args) =>
        new(FindingLevel.Warning, field, code) { Cite = cite, Args = args };

    internal static string Yen(decimal yen) => Math.Ceiling(yen).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    internal static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

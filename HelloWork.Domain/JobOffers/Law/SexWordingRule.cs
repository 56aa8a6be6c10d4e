namespace HelloWork.Domain.JobOffers.Law;

/// <summary>
/// R-LAW-4 性別: wording that restricts a post to one sex or prefers one (男性のみ, 女性歓迎 …) or names it by one sex (営業マン,
/// ウェイトレス …) in the title and the free texts is red (男女雇用機会均等法 第5条, 指針 平成18年厚生労働省告示第614号), each with a
/// neutral word suggested. A job name followed by 「（男女）」 or 「男女不問」 within a few characters is the neutral form the
/// 指針 allows and is not reported.
/// </summary>
public sealed class SexWordingRule : IOfferRule
{
    /// <summary>The word found and its neutral replacement; longer words first so 「女性のみ」 is not also reported as something shorter.</summary>
    public static readonly IReadOnlyList<(string Word, string Neutral, bool JobName)> Words =
    [
        ("男性のみ", "性別を問わない表現（例：「男女不問」）", false),
        ("女性のみ", "性別を問わない表現（例：「男女不問」）", false),
        ("男性限定", "性別を問わない表現（例：「男女不問」）", false),
        ("女性限定", "性別を問わない表現（例：「男女不問」）", false),
        ("男性歓迎", "性別を問わない表現（例：「未経験者歓迎」）", false),
        ("女性歓迎", "性別を問わない表現（例：「未経験者歓迎」）", false),
        ("男性優遇", "性別を問わない表現", false),
        ("女性優遇", "性別を問わない表現", false),
        ("男性希望", "性別を問わない表現", false),
        ("女性希望", "性別を問わない表現", false),
        ("男性向き", "性別を問わない表現", false),
        ("女性向き", "性別を問わない表現", false),
        ("男性活躍中", "「幅広い年代が活躍中」など性別を問わない表現", false),
        ("女性活躍中", "「幅広い年代が活躍中」など性別を問わない表現", false),
        ("主婦歓迎", "「主婦・主夫歓迎」", false),
        ("営業マン", "営業職・営業スタッフ", true),
        ("セールスマン", "販売員・セールススタッフ", true),
        ("ビジネスマン", "ビジネスパーソン", true),
        ("ガードマン", "警備員", true),
        ("カメラマン", "撮影スタッフ・フォトグラファー", true),
        ("ウェイトレス", "ホールスタッフ", true),
        ("ウエイトレス", "ホールスタッフ", true),
        ("ウェイター", "ホールスタッフ", true),
        ("ウエイター", "ホールスタッフ", true),
        ("スチュワーデス", "客室乗務員", true),
        ("看護婦", "看護師", true),
        ("保母", "保育士", true),
        ("家政婦", "家事代行スタッフ", true),
        ("受付嬢", "受付スタッフ", true),
        ("キャンペーンガール", "キャンペーンスタッフ", true),
    ];

    public string Rule => "R-LAW-4";

    public void Check(JobSheet sheet, LawContext context, List<Finding> findings)
    {
        Scan("Work.JobTitle", sheet.Work.JobTitle, findings);
        Scan("Work.Description", sheet.Work.Description, findings);
        Scan("Work.RequiredExperience", sheet.Work.RequiredExperience, findings);
        Scan("Company.PrText", sheet.Company.PrText, findings);
        Scan("Company.Features", sheet.Company.Features, findings);
        Scan("Company.Notes", sheet.Company.Notes, findings);
        Scan("Selection.ReasonForHiring", sheet.Selection.ReasonForHiring, findings);
    }

    private static void Scan(string field, string? text, List<Finding> findings)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }
        var covered = new List<(int Start, int End)>();
        foreach (var (word, neutral, jobName) in Words)
        {
            for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
            {
                if (covered.Any(c => at < c.End && at + word.Length > c.Start) || jobName && NeutralisedAfter(text, at + word.Length))
                {
                    continue;
                }
                covered.Add((at, at + word.Length));
                findings.Add(LawChecker.Red(field, jobName ? "SexSpecificJobName" : "SexRestriction", Citations.Sex, word, neutral));
                break;
            }
        }
    }

    /// <summary>「営業マン（男女）」「ウェイター・ウェイトレス（男女不問）」: the 指針's neutral form.</summary>
    private static bool NeutralisedAfter(string text, int end)
    {
        var window = text.AsSpan(end, Math.Min(12, text.Length - end));
        return window.Contains("男女", StringComparison.Ordinal);
    }
}

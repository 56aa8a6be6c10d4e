namespace HelloWork.Domain.JobOffers.Law;

/// <summary>
/// R-LAW-3 年齢: no age limit unless an exception of 労働施策総合推進法施行規則 第1条の3第1項 applies (労働施策総合推進法 第9条), with its
/// reason shown (高年齢者雇用安定法 第20条), and the exception must fit the rest of the sheet:
/// 1号 needs a 定年, an upper limit just below it (定年未満), no lower limit and no fixed term;
/// 3号イ (長期勤続によるキャリア形成) needs an upper limit only, no fixed term and no experience required;
/// 3号ロ (技能・ノウハウの継承) needs no fixed term and a band within 30–49 of 5 to 10 years;
/// 3号ニ (高年齢者の雇用促進) needs a lower limit of 60 or more.
/// </summary>
public sealed class AgeRule : IOfferRule
{
    public string Rule => "R-LAW-3";

    public void Check(JobSheet sheet, LawContext context, List<Finding> findings)
    {
        var w = sheet.Work;
        if (!w.AgeLimited)
        {
            return;
        }
        if (w.AgeException == AgeLimitException.None)
        {
            findings.Add(LawChecker.Missing("Work.AgeException", "AgeLimitNeedsException", Citations.Age));
        }
        if (string.IsNullOrWhiteSpace(w.AgeReason))
        {
            findings.Add(LawChecker.Missing("Work.AgeReason", "AgeLimitNeedsReason", Citations.AgeReason));
        }
        switch (w.AgeException)
        {
            case AgeLimitException.RetirementAge:
                if (sheet.Conditions.RetirementAge is not { } retirement)
                {
                    findings.Add(LawChecker.Red("Work.AgeException", "AgeException1NeedsRetirementAge", Citations.AgeException1));
                }
                else if (w.AgeMax != retirement - 1 || w.AgeMin is not null)
                {
                    findings.Add(LawChecker.Red("Work.AgeMax", "AgeException1LimitMustMatchRetirement", Citations.AgeException1,
                        Num(retirement), Num(retirement - 1)));
                }
                if (w.FixedTerm)
                {
                    findings.Add(LawChecker.Red("Work.FixedTerm", "AgeExceptionNeedsNoFixedTerm", Citations.AgeException1));
                }
                break;
            case AgeLimitException.CareerFormation:
                if (w.FixedTerm)
                {
                    findings.Add(LawChecker.Red("Work.FixedTerm", "AgeExceptionNeedsNoFixedTerm", Citations.AgeException3a));
                }
                if (RequiresExperience(w.RequiredExperience))
                {
                    findings.Add(LawChecker.Red("Work.RequiredExperience", "AgeException3aNeedsNoExperience", Citations.AgeException3a));
                }
                if (w.AgeMin is not null || w.AgeMax is null)
                {
                    findings.Add(LawChecker.Red("Work.AgeMax", "AgeException3aUpperLimitOnly", Citations.AgeException3a));
                }
                break;
            case AgeLimitException.SkillSuccession:
                if (w.FixedTerm)
                {
                    findings.Add(LawChecker.Red("Work.FixedTerm", "AgeExceptionNeedsNoFixedTerm", Citations.AgeException3b));
                }
                if (w.AgeMin is not { } lo || w.AgeMax is not { } hi || lo < 30 || hi > 49 || hi - lo + 1 is < 5 or > 10)
                {
                    findings.Add(LawChecker.Red("Work.AgeMax", "AgeException3bBand", Citations.AgeException3b));
                }
                break;
            case AgeLimitException.EmploymentPromotion:
                if (w.AgeMin is not >= 60)
                {
                    findings.Add(LawChecker.Orange("Work.AgeMax", "AgeException3dNeeds60", Citations.AgeException3d));
                }
                break;
        }
    }

    /// <summary>Experience is required unless the field is empty or says none is needed (不問・未経験可).</summary>
    internal static bool RequiresExperience(string? text) =>
        !string.IsNullOrWhiteSpace(text) && !new[] { "不問", "未経験", "不要", "なし" }.Any(w => text.Contains(w, StringComparison.Ordinal));

    private static string Num(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>R-LAW-3: a 定年 below 60 is unlawful (高年齢者雇用安定法 第8条).</summary>
public sealed class RetirementAgeRule : IOfferRule
{
    public string Rule => "R-LAW-3";

    public void Check(JobSheet sheet, LawContext context, List<Finding> findings)
    {
        if (sheet.Conditions.RetirementAge is < 60)
        {
            findings.Add(LawChecker.Red("Conditions.RetirementAge", "RetirementAgeAtLeast60", Citations.RetirementAge));
        }
    }
}

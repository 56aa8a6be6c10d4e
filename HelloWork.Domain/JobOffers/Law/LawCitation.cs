namespace HelloWork.Domain.JobOffers.Law;

/// <summary>The law and article a legal finding rests on, by the law's CURRENT name (R-LAW-6). <see cref="Key"/> is the resource key
/// of the citation's text in the interface languages (Cite.{Key}); <see cref="Law"/> and <see cref="Article"/> are the Japanese
/// original, used in documents and as the fallback.</summary>
public sealed record LawCitation(string Key, string Law, string Article)
{
    public override string ToString() => $"{Law} {Article}";
}

/// <summary>The citations the rules use, in one place so a renamed law or renumbered article is changed once.</summary>
public static class Citations
{
    public static readonly LawCitation MinimumWage = new("MinimumWage4", "最低賃金法", "第4条第1項");
    public static readonly LawCitation MinimumWageUpcoming = new("MinimumWage4Upcoming", "最低賃金法", "第4条第1項・第9条");
    public static readonly LawCitation Premium = new("LaborStandards37", "労働基準法", "第37条第1項");
    public static readonly LawCitation OvertimeLimit = new("LaborStandards36", "労働基準法", "第36条第4項・第5項");
    public static readonly LawCitation FixedOvertimeStatement = new("EmploymentSecurity53Guideline", "職業安定法", "第5条の3（指針 平成11年労働省告示第141号 第三の一）");
    public static readonly LawCitation Age = new("LaborPolicy9", "労働施策総合推進法", "第9条");
    public static readonly LawCitation AgeException1 = new("LaborPolicyRule13_1", "労働施策総合推進法施行規則", "第1条の3第1項第1号");
    public static readonly LawCitation AgeException2 = new("LaborPolicyRule13_2", "労働施策総合推進法施行規則", "第1条の3第1項第2号");
    public static readonly LawCitation AgeException3a = new("LaborPolicyRule13_3a", "労働施策総合推進法施行規則", "第1条の3第1項第3号イ");
    public static readonly LawCitation AgeException3b = new("LaborPolicyRule13_3b", "労働施策総合推進法施行規則", "第1条の3第1項第3号ロ");
    public static readonly LawCitation AgeException3d = new("LaborPolicyRule13_3d", "労働施策総合推進法施行規則", "第1条の3第1項第3号ニ");
    public static readonly LawCitation AgeReason = new("ElderlyEmployment20", "高年齢者雇用安定法", "第20条第1項");
    public static readonly LawCitation RetirementAge = new("ElderlyEmployment8", "高年齢者雇用安定法", "第8条");
    public static readonly LawCitation Sex = new("EqualOpportunity5", "男女雇用機会均等法", "第5条");
    public static readonly LawCitation StatementDuties = new("EmploymentSecurityRule1", "職業安定法施行規則", "第4条の2第3項第1号・第3号（職業安定法 第5条の3）");
    public static readonly LawCitation StatementTerm = new("EmploymentSecurityRule2", "職業安定法施行規則", "第4条の2第3項第2号・第2号の3（職業安定法 第5条の3）");
    public static readonly LawCitation StatementTrial = new("EmploymentSecurityRule2_2", "職業安定法施行規則", "第4条の2第3項第2号の2（職業安定法 第5条の3）");
    public static readonly LawCitation StatementInsurance = new("EmploymentSecurityRule6", "職業安定法施行規則", "第4条の2第3項第6号（職業安定法 第5条の3）");
    public static readonly LawCitation StatementSmoking = new("EmploymentSecurityRule9", "職業安定法施行規則", "第4条の2第3項第9号（職業安定法 第5条の3）");
}

namespace HelloWork.Domain.JobOffers.Law;

/// <summary>
/// R-LAW-5 明示事項 (職業安定法 第5条の3, 同法施行規則 第4条の2第3項): 受動喫煙対策 (第9号), 従事すべき業務と就業場所の変更の範囲
/// (第1号・第3号, since 2024-04), the 試用期間's length and terms (第2号の2), a fixed term's length and its renewal rule (第2号・第2号の3)
/// and the 社会保険 that apply (第6号). A missing statement is red.
/// </summary>
public sealed class RequiredStatementsRule : IOfferRule
{
    public string Rule => "R-LAW-5";

    public void Check(JobSheet sheet, LawContext context, List<Finding> findings)
    {
        var w = sheet.Work;
        if (w.Smoking == PassiveSmokingMeasure.Unstated)
        {
            findings.Add(LawChecker.Missing("Work.Smoking", "SmokingMeasureRequired", Citations.StatementSmoking));
        }
        if (string.IsNullOrWhiteSpace(w.DutiesChangeScope))
        {
            findings.Add(LawChecker.Missing("Work.DutiesChangeScope", "DutiesChangeScopeRequired", Citations.StatementDuties));
        }
        if (string.IsNullOrWhiteSpace(w.WorkplaceChangeScope))
        {
            findings.Add(LawChecker.Missing("Work.WorkplaceChangeScope", "WorkplaceChangeScopeRequired", Citations.StatementDuties));
        }
        if (w.TrialPeriod && string.IsNullOrWhiteSpace(w.TrialPeriodDetail))
        {
            findings.Add(LawChecker.Missing("Work.TrialPeriodDetail", "TrialPeriodDetailRequired", Citations.StatementTrial));
        }
        if (w.FixedTerm && string.IsNullOrWhiteSpace(w.ContractTerm))
        {
            findings.Add(LawChecker.Missing("Work.ContractTerm", "ContractTermRequired", Citations.StatementTerm));
        }
        if (w.FixedTerm && string.IsNullOrWhiteSpace(w.RenewalConditions))
        {
            findings.Add(LawChecker.Missing("Work.RenewalConditions", "RenewalRuleRequired", Citations.StatementTerm));
        }
        var c = sheet.Conditions;
        if (!c.EmploymentInsurance && !c.WorkersCompensation && !c.HealthInsurance && !c.PensionInsurance && !c.PublicServiceCompensation)
        {
            findings.Add(LawChecker.Missing("Conditions.EmploymentInsurance", "InsuranceStatementRequired", Citations.StatementInsurance));
        }
    }
}

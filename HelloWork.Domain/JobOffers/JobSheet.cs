namespace HelloWork.Domain.JobOffers;

// The 求人票 (job sheet) contents, section by section as REFERENCE.md lays them out (R-JOB-8).
// The 8 entry screens edit these records; JobOffer copies the searchable values into indexed columns.

public enum EmploymentType
{
    /// <summary>正社員</summary>
    Regular = 0,

    /// <summary>正社員以外</summary>
    NonRegular = 1,

    /// <summary>有期雇用派遣労働者</summary>
    FixedTermDispatch = 2,

    /// <summary>無期雇用派遣労働者</summary>
    IndefiniteDispatch = 3,
}

public enum DispatchKind
{
    /// <summary>派遣・請負ではない</summary>
    None = 0,

    /// <summary>派遣</summary>
    Dispatch = 1,

    /// <summary>紹介予定派遣</summary>
    TemporaryToPermanent = 2,

    /// <summary>請負</summary>
    Contracting = 3,
}

public enum OfferCategory
{
    /// <summary>一般（フルタイム）</summary>
    FullTime = 0,

    /// <summary>一般（パート）</summary>
    PartTime = 1,

    /// <summary>新卒・既卒</summary>
    NewGraduate = 2,

    /// <summary>季節</summary>
    Seasonal = 3,

    /// <summary>障害のある方のための求人</summary>
    Disability = 4,
}

/// <summary>公開範囲 (REFERENCE.md): 1 with the employer's name; 2 name only to registered jobseekers; 3 without the name.</summary>
public enum PublicationScope
{
    PublicWithName = 1,
    NameToRegisteredOnly = 2,
    WithoutName = 3,
}

public enum WageForm
{
    /// <summary>月給</summary>
    Monthly = 0,

    /// <summary>日給</summary>
    Daily = 1,

    /// <summary>時給</summary>
    Hourly = 2,

    /// <summary>年俸制</summary>
    Annual = 3,
}

public enum AgeLimitException
{
    None = 0,

    /// <summary>1号: 定年年齢を上限</summary>
    RetirementAge = 1,

    /// <summary>2号: 法令の規定により年齢制限</summary>
    ByLaw = 2,

    /// <summary>3号イ: 長期勤続によるキャリア形成</summary>
    CareerFormation = 3,

    /// <summary>3号ロ: 技能・ノウハウの継承</summary>
    SkillSuccession = 4,

    /// <summary>3号ハ: 芸術・芸能</summary>
    Arts = 5,

    /// <summary>3号ニ: 60歳以上の高年齢者又は特定年齢層の雇用促進</summary>
    EmploymentPromotion = 6,
}

public enum PassiveSmokingMeasure
{
    Unstated = 0,

    /// <summary>屋内禁煙</summary>
    IndoorNoSmoking = 1,

    /// <summary>敷地内禁煙</summary>
    PremisesNoSmoking = 2,

    /// <summary>喫煙室設置</summary>
    SmokingRoom = 3,

    /// <summary>対策なし</summary>
    NoMeasure = 4,
}

/// <summary>1 求人区分等 / 基本情報</summary>
public sealed record OfferBasics
{
    public OfferCategory Category { get; init; }
    public bool OnlineSelfApplication { get; init; }
    public string IndustryCode { get; init; } = "";
    public string Industry { get; init; } = "";
    public bool TrialEmployment { get; init; }
    public PublicationScope Scope { get; init; } = PublicationScope.PublicWithName;
}

/// <summary>2 事業所情報 (as stated on this offer)</summary>
public sealed record OfferEstablishment
{
    public string Name { get; init; } = "";
    public string Kana { get; init; } = "";
    public string PostalCode { get; init; } = "";
    public string Address { get; init; } = "";
    public string? Website { get; init; }
}

/// <summary>3 仕事内容</summary>
public sealed record OfferWork
{
    public string JobTitle { get; init; } = "";
    public string OccupationCode { get; init; } = "";
    public string Description { get; init; } = "";
    public EmploymentType EmploymentType { get; init; }
    public DispatchKind Dispatch { get; init; }
    public bool WorkplaceDisclosed { get; init; } = true;
    public bool FixedTerm { get; init; }
    public string? ContractTerm { get; init; }
    public string? RenewalConditions { get; init; }
    public bool RegularConversion { get; init; }
    public string WorkplacePostalCode { get; init; } = "";
    public string WorkplacePrefecture { get; init; } = "";
    public string WorkplaceMunicipality { get; init; } = "";
    public string WorkplaceAddress { get; init; } = "";
    public string? NearestStation { get; init; }
    public string? Access { get; init; }
    public int? MinutesFromStation { get; init; }
    public bool RemoteWork { get; init; }
    public PassiveSmokingMeasure Smoking { get; init; }
    public bool CarCommuteAllowed { get; init; }
    public bool TransferPossible { get; init; }
    public bool UijTurnWelcome { get; init; }
    public bool AgeLimited { get; init; }
    public int? AgeMin { get; init; }
    public int? AgeMax { get; init; }
    public AgeLimitException AgeException { get; init; }
    public string? AgeReason { get; init; }
    public string Education { get; init; } = "不問";
    public string? RequiredExperience { get; init; }
    public string? PcSkills { get; init; }
    public string? Licenses { get; init; }
    public bool TrialPeriod { get; init; }
    public string? TrialPeriodDetail { get; init; }

    /// <summary>従事すべき業務の変更の範囲 (職業安定法施行規則 第4条の2第3項第1号, required since 2024-04, R-LAW-5).</summary>
    public string? DutiesChangeScope { get; init; }

    /// <summary>就業場所の変更の範囲 (同 第3号, required since 2024-04, R-LAW-5).</summary>
    public string? WorkplaceChangeScope { get; init; }
}

/// <summary>4 賃金・手当</summary>
public sealed record OfferWages
{
    public WageForm Form { get; init; }
    // Numbers are null while the employer has not entered them (a draft keeps them empty, not 0).
    public int? BaseMin { get; init; }
    public int? BaseMax { get; init; }
    public int? FixedAllowances { get; init; }
    public string? FixedAllowancesDetail { get; init; }

    /// <summary>The part of <see cref="FixedAllowances"/> that is 通勤手当, 家族手当 or 精皆勤手当: left out of the minimum-wage
    /// comparison (最低賃金法 第4条第3項, 同法施行規則 第1条, R-LAW-1).</summary>
    public int? ExcludedAllowances { get; init; }

    /// <summary>試用期間中の基本給（下限）, in the same wage form, when it differs from <see cref="BaseMin"/> (R-LAW-1).</summary>
    public int? TrialBaseMin { get; init; }
    public bool FixedOvertime { get; init; }
    public int? FixedOvertimeAmount { get; init; }
    public int? FixedOvertimeHours { get; init; }
    public string? FixedOvertimeNote { get; init; }
    public string? OtherAllowances { get; init; }
    public string? Commuting { get; init; }
    public string? ClosingDay { get; init; }
    public string? PayDay { get; init; }
    public string? Raise { get; init; }
    public string? Bonus { get; init; }
    public string? AnnualIncomeExample { get; init; }

    public int TotalMin => (BaseMin ?? 0) + (FixedAllowances ?? 0) + (FixedOvertime ? FixedOvertimeAmount ?? 0 : 0);
    public int TotalMax => (BaseMax ?? 0) + (FixedAllowances ?? 0) + (FixedOvertime ? FixedOvertimeAmount ?? 0 : 0);
}

/// <summary>5 労働時間</summary>
public sealed record OfferHours
{
    public TimeOnly? Start { get; init; } = new TimeOnly(9, 0);
    public TimeOnly? End { get; init; } = new TimeOnly(18, 0);
    public string? OtherShifts { get; init; }
    public bool ShiftWork { get; init; }
    public int? DaysPerWeek { get; init; } = 5;
    public bool Overtime { get; init; }
    public int? OvertimeMonthlyAverage { get; init; }
    public bool SpecialClause36 { get; init; }
    public int? BreakMinutes { get; init; } = 60;
    public int? AnnualHolidays { get; init; } = 120;
    public string Holidays { get; init; } = "土日祝";
    public bool WeeklyTwoDaysOff { get; init; } = true;
    public int? PaidLeaveAfterSixMonths { get; init; } = 10;
}

/// <summary>6 保険・年金・定年等 / その他の労働条件等</summary>
public sealed record OfferConditions
{
    public bool EmploymentInsurance { get; init; } = true;
    public bool WorkersCompensation { get; init; } = true;
    public bool HealthInsurance { get; init; } = true;
    public bool PensionInsurance { get; init; } = true;
    public bool PublicServiceCompensation { get; init; }
    public bool Zaikei { get; init; }
    public string? CorporatePension { get; init; }
    public bool RetirementAllowance { get; init; }
    public int? RetirementAge { get; init; }
    public bool Reemployment { get; init; }
    public bool ExtendedEmployment { get; init; }
    public bool Housing { get; init; }
    public bool Childcare { get; init; }
    public string? LeaveRecords { get; init; }
    public string? Training { get; init; }
    public string? Welfare { get; init; }
}

/// <summary>7 求人PR / 会社の情報</summary>
public sealed record OfferCompany
{
    public int? EmployeesTotal { get; init; }
    public int? EmployeesAtWorkplace { get; init; }
    public int? EmployeesWomen { get; init; }
    public int? EmployeesPartTime { get; init; }
    public int? Founded { get; init; }
    public long? Capital { get; init; }
    public bool LaborUnion { get; init; }
    public string BusinessDescription { get; init; } = "";
    public string? Features { get; init; }
    public string? Representative { get; init; }
    public string? CorporateNumber { get; init; }
    public string? Notes { get; init; }
    public string? PrText { get; init; }
}

/// <summary>8 選考方法 / 選考等</summary>
public sealed record OfferSelection
{
    public int? Openings { get; init; } = 1;
    public string? ReasonForHiring { get; init; }
    public bool DocumentScreening { get; init; } = true;
    public bool Interview { get; init; } = true;
    public bool WrittenTest { get; init; }
    public int? ResultWithinDays { get; init; } = 7;
    public string? SelectionSchedule { get; init; }
    public string? SelectionPlace { get; init; }
    public bool RequiresReferralSlip { get; init; } = true;
    public bool RequiresResume { get; init; } = true;
    public bool RequiresCareerSheet { get; init; }
    public string? OtherDocuments { get; init; }

    /// <summary>求職者マイページからの応募書類の登録 (R-JOB-6).</summary>
    public bool AcceptsMypageDocuments { get; init; }

    public string ContactDepartment { get; init; } = "";
    public string ContactName { get; init; } = "";
    public string ContactKana { get; init; } = "";
    public string ContactPhone { get; init; } = "";
    public string? ContactFax { get; init; }
    public string? ContactEmail { get; init; }
}

/// <summary>The whole 求人票: the sections in entry-screen order.</summary>
public sealed record JobSheet
{
    public OfferBasics Basics { get; init; } = new();
    public OfferEstablishment Establishment { get; init; } = new();
    public OfferWork Work { get; init; } = new();
    public OfferWages Wages { get; init; } = new();
    public OfferHours Hours { get; init; } = new();
    public OfferConditions Conditions { get; init; } = new();
    public OfferCompany Company { get; init; } = new();
    public OfferSelection Selection { get; init; } = new();
}

namespace HelloWork.Domain.Documents.JobSheets;

/// <summary>
/// Everything the job sheet (求人票, R-JOB-8) prints, in the nine sections of the real form.
/// Display strings are taken as given; amounts are yen integers and dates are dates, formatted by the sheet.
/// Optional items are null (or empty lists) and print as blank.
/// </summary>
public sealed record JobSheetData
{
    public required JobSheetBasics Basics { get; init; }

    public required JobSheetEstablishment Establishment { get; init; }

    public required JobSheetWork Work { get; init; }

    public required JobSheetWages Wages { get; init; }

    public required JobSheetHours Hours { get; init; }

    public required JobSheetConditions Conditions { get; init; }

    public required JobSheetCompany Company { get; init; }

    public required JobSheetSelection Selection { get; init; }

    public JobSheetNotes Notes { get; init; } = new();
}

/// <summary>1 基本情報.</summary>
public sealed record JobSheetBasics
{
    /// <summary>求人番号: 5-digit office code + 8 digits, 13010-12345678.</summary>
    public required string JobNumber { get; init; }

    public required DateOnly AcceptedOn { get; init; }

    /// <summary>紹介期限日.</summary>
    public required DateOnly ValidUntil { get; init; }

    /// <summary>受理安定所.</summary>
    public required string ReceivingOffice { get; init; }

    /// <summary>求人区分: 一般（フルタイム）, 一般（パート）, 新卒・既卒, 季節, 出稼ぎ, 障害のある方のための求人.</summary>
    public required string Category { get; init; }

    /// <summary>オンライン自主応募の受付.</summary>
    public bool AcceptsOnlineSelfApplication { get; init; }

    /// <summary>産業分類.</summary>
    public required string Industry { get; init; }

    /// <summary>トライアル雇用併用の希望.</summary>
    public bool TrialEmployment { get; init; }

    /// <summary>公開範囲, e.g. 1 事業所名等を含む求人情報を公開する.</summary>
    public required string PublicationScope { get; init; }
}

/// <summary>2 求人事業所.</summary>
public sealed record JobSheetEstablishment
{
    /// <summary>事業所番号, 1301-123456-7.</summary>
    public required string EstablishmentNumber { get; init; }

    public required string Name { get; init; }

    public required string NameKana { get; init; }

    public required string PostalCode { get; init; }

    public required string Address { get; init; }

    public string? Website { get; init; }
}

/// <summary>3 仕事内容.</summary>
public sealed record JobSheetWork
{
    public required string Occupation { get; init; }

    public required string Description { get; init; }

    /// <summary>正社員 / 正社員以外 / 有期雇用派遣労働者 / 無期雇用派遣労働者.</summary>
    public required string EmploymentType { get; init; }

    /// <summary>派遣・請負ではない / 派遣 / 紹介予定派遣 / 請負.</summary>
    public string DispatchOrContract { get; init; } = "派遣・請負ではない";

    /// <summary>雇用期間: null means 定めなし; otherwise the period, e.g. 1年.</summary>
    public string? EmploymentPeriod { get; init; }

    /// <summary>契約更新の可能性と条件, when there is a period.</summary>
    public string? ContractRenewal { get; init; }

    /// <summary>正社員登用の有無・実績, e.g. あり（過去3年間 5人）.</summary>
    public string? RegularEmployeeConversion { get; init; }

    public required JobSheetWorkplace Workplace { get; init; }

    /// <summary>在宅勤務・リモートワーク, e.g. なし / あり（週2日まで）.</summary>
    public string? RemoteWork { get; init; }

    /// <summary>受動喫煙対策, e.g. あり（屋内禁煙）.</summary>
    public required string PassiveSmokingMeasure { get; init; }

    /// <summary>マイカー通勤, e.g. 可（駐車場あり）.</summary>
    public string? CommuteByCar { get; init; }

    /// <summary>転勤の可能性, e.g. なし / あり（関東圏）.</summary>
    public string? Transfer { get; init; }

    public bool UijTurnWelcome { get; init; }

    /// <summary>年齢: 不問, or 制限あり with the limit.</summary>
    public string Age { get; init; } = "不問";

    /// <summary>The statutory exception and its reason (年齢制限の理由), when age is limited.</summary>
    public string? AgeLimitReason { get; init; }

    /// <summary>学歴, e.g. 不問 / 高卒以上.</summary>
    public string Education { get; init; } = "不問";

    /// <summary>必要な経験・知識・技能等.</summary>
    public string? Experience { get; init; }

    /// <summary>必要なPCスキル.</summary>
    public string? PcSkills { get; init; }

    /// <summary>普通自動車運転免許: 必須 / 尚可 / 不要, and AT限定可.</summary>
    public string? DrivingLicence { get; init; }

    /// <summary>必要な免許・資格.</summary>
    public string? Licenses { get; init; }

    /// <summary>試用期間, e.g. あり（3か月）労働条件 同条件.</summary>
    public string? TrialPeriod { get; init; }
}

/// <summary>就業場所.</summary>
public sealed record JobSheetWorkplace(string PostalCode, string Address)
{
    public string? NearestStation { get; init; }

    /// <summary>交通手段, e.g. 徒歩.</summary>
    public string? Access { get; init; }

    /// <summary>最寄り駅からの所要時間（分）.</summary>
    public int? AccessMinutes { get; init; }
}

/// <summary>4 賃金・手当. Amounts are monthly yen unless <see cref="WageForm"/> says otherwise.</summary>
public sealed record JobSheetWages
{
    /// <summary>賃金形態: 月給 / 日給 / 時給 / 年俸 ….</summary>
    public required string WageForm { get; init; }

    /// <summary>a 基本給.</summary>
    public required JobSheetYenRange BasePay { get; init; }

    /// <summary>b 定額的に支払われる手当.</summary>
    public IReadOnlyList<JobSheetAllowance> FixedAllowances { get; init; } = [];

    /// <summary>c 固定残業代; null means なし.</summary>
    public JobSheetFixedOvertime? FixedOvertime { get; init; }

    /// <summary>d その他の手当等付記事項.</summary>
    public string? OtherAllowances { get; init; }

    /// <summary>通勤手当, e.g. 実費支給（上限あり）.</summary>
    public required string CommutingAllowance { get; init; }

    /// <summary>通勤手当の月額上限.</summary>
    public long? CommutingAllowanceCap { get; init; }

    /// <summary>賃金締切日, e.g. 毎月 末日.</summary>
    public required string ClosingDay { get; init; }

    /// <summary>賃金支払日, e.g. 翌月 25日.</summary>
    public required string PayDay { get; init; }

    /// <summary>昇給（前年度実績）: null means なし.</summary>
    public JobSheetYenRange? Raise { get; init; }

    public JobSheetBonus? Bonus { get; init; }

    /// <summary>年収例 with its note, e.g. 入社3年目 主任.</summary>
    public long? AnnualIncomeExample { get; init; }

    public string? AnnualIncomeNote { get; init; }

    /// <summary>a + b + c.</summary>
    public JobSheetYenRange Total
    {
        get
        {
            var parts = FixedAllowances.Select(a => a.Amount).Append(BasePay);
            if (FixedOvertime is { } overtime)
            {
                parts = parts.Append(overtime.Amount);
            }

            var list = parts.ToList();
            return new JobSheetYenRange(list.Sum(p => p.Min), list.Sum(p => p.Max ?? p.Min));
        }
    }
}

/// <summary>An amount or a range of yen, e.g. 200,000円〜250,000円.</summary>
public sealed record JobSheetYenRange(long Min, long? Max = null);

public sealed record JobSheetAllowance(string Name, JobSheetYenRange Amount);

/// <summary>固定残業代: the amount and the hours it covers are both stated (R-JOB-8).</summary>
public sealed record JobSheetFixedOvertime(JobSheetYenRange Amount, decimal Hours)
{
    public string? Note { get; init; }
}

/// <summary>賞与（前年度実績）.</summary>
public sealed record JobSheetBonus
{
    public decimal? TimesPerYear { get; init; }

    /// <summary>賞与金額 in yen per year, when stated as an amount.</summary>
    public JobSheetYenRange? Amount { get; init; }

    /// <summary>賞与金額 in months of base pay per year, when stated that way.</summary>
    public decimal? Months { get; init; }
}

/// <summary>5 労働時間.</summary>
public sealed record JobSheetHours
{
    /// <summary>就業時間 (1)–(3).</summary>
    public IReadOnlyList<JobSheetShift> Shifts { get; init; } = [];

    /// <summary>交替制（シフト制）.</summary>
    public bool ShiftSystem { get; init; }

    /// <summary>変形労働時間制, e.g. 1年単位.</summary>
    public string? VariableWorkingHours { get; init; }

    /// <summary>就業時間に関する特記事項.</summary>
    public string? HoursNote { get; init; }

    /// <summary>週所定労働日数.</summary>
    public string? DaysPerWeek { get; init; }

    /// <summary>時間外労働: null means なし.</summary>
    public decimal? OvertimeMonthlyAverageHours { get; init; }

    /// <summary>36協定における特別条項.</summary>
    public string? SpecialClause36 { get; init; }

    /// <summary>休憩時間（分）.</summary>
    public required int BreakMinutes { get; init; }

    public required int AnnualHolidays { get; init; }

    /// <summary>休日, e.g. 土 日 祝.</summary>
    public required string Holidays { get; init; }

    /// <summary>週休二日制: 毎週 / その他 / なし.</summary>
    public required string FiveDayWeek { get; init; }

    public string? HolidayNote { get; init; }

    /// <summary>6か月経過後の年次有給休暇日数.</summary>
    public int PaidLeaveDaysAfterSixMonths { get; init; } = 10;
}

public sealed record JobSheetShift(TimeOnly Start, TimeOnly End);

/// <summary>6 その他の労働条件等.</summary>
public sealed record JobSheetConditions
{
    public required JobSheetInsurance Insurance { get; init; }

    public string? CorporatePension { get; init; }

    /// <summary>退職金制度, e.g. あり（勤続3年以上）.</summary>
    public string? RetirementAllowance { get; init; }

    /// <summary>定年制, e.g. あり（一律 65歳）.</summary>
    public string? RetirementAge { get; init; }

    /// <summary>再雇用制度, e.g. あり（上限 70歳まで）.</summary>
    public string? Reemployment { get; init; }

    public string? ExtendedEmployment { get; init; }

    /// <summary>入居可能住宅.</summary>
    public string? Housing { get; init; }

    /// <summary>利用可能託児施設.</summary>
    public string? Childcare { get; init; }

    /// <summary>育児休業取得実績.</summary>
    public string? ChildcareLeave { get; init; }

    /// <summary>介護休業取得実績.</summary>
    public string? FamilyCareLeave { get; init; }

    /// <summary>看護休暇取得実績.</summary>
    public string? NursingLeave { get; init; }

    /// <summary>教育訓練制度.</summary>
    public string? Training { get; init; }

    /// <summary>福利厚生.</summary>
    public string? Benefits { get; init; }
}

/// <summary>加入保険等.</summary>
public sealed record JobSheetInsurance(bool Employment, bool WorkersAccident, bool PublicServiceAccident, bool Health, bool WelfarePension, bool PropertySavings);

/// <summary>7 会社の情報.</summary>
public sealed record JobSheetCompany
{
    /// <summary>従業員数 企業全体.</summary>
    public int? EmployeesTotal { get; init; }

    /// <summary>従業員数 就業場所.</summary>
    public int? EmployeesAtWorkplace { get; init; }

    public int? EmployeesWomen { get; init; }

    public int? EmployeesPartTime { get; init; }

    /// <summary>設立年 (西暦).</summary>
    public int? FoundedYear { get; init; }

    /// <summary>資本金 in yen.</summary>
    public long? Capital { get; init; }

    /// <summary>労働組合.</summary>
    public bool? LaborUnion { get; init; }

    /// <summary>事業内容.</summary>
    public required string Business { get; init; }

    /// <summary>会社の特長.</summary>
    public string? Features { get; init; }

    /// <summary>代表者 (役職 氏名).</summary>
    public string? Representative { get; init; }

    /// <summary>法人番号 (13 digits).</summary>
    public string? CorporateNumber { get; init; }

    /// <summary>就業規則, e.g. フルタイム あり／パートタイム あり.</summary>
    public string? WorkRules { get; init; }
}

/// <summary>8 選考等.</summary>
public sealed record JobSheetSelection
{
    /// <summary>採用人数.</summary>
    public required int Openings { get; init; }

    /// <summary>募集理由, e.g. 増員 / 欠員補充.</summary>
    public string? Reason { get; init; }

    /// <summary>選考方法: 書類選考, 面接（予定1回）, 筆記試験 ….</summary>
    public required IReadOnlyList<string> Methods { get; init; }

    /// <summary>選考結果通知: days after the selection.</summary>
    public int? ResultNoticeDays { get; init; }

    /// <summary>通知方法, e.g. 郵送 / 電話 / Eメール.</summary>
    public string? ResultNoticeMethod { get; init; }

    /// <summary>選考日時, e.g. 随時.</summary>
    public string? Schedule { get; init; }

    /// <summary>選考場所.</summary>
    public string? Place { get; init; }

    /// <summary>応募書類等: ハローワーク紹介状, 履歴書（写真貼付）, 職務経歴書 ….</summary>
    public required IReadOnlyList<string> Documents { get; init; }

    /// <summary>求職者マイページからの応募書類の登録.</summary>
    public bool AcceptsMypageDocuments { get; init; }

    public required JobSheetContact Contact { get; init; }
}

/// <summary>担当者.</summary>
public sealed record JobSheetContact(string Name, string NameKana, string Phone)
{
    /// <summary>課係名・役職名.</summary>
    public string? Title { get; init; }

    public string? Fax { get; init; }

    public string? Email { get; init; }
}

/// <summary>9 特記事項・PR.</summary>
public sealed record JobSheetNotes
{
    /// <summary>求人に関する特記事項.</summary>
    public string? SpecialNotes { get; init; }

    /// <summary>求人・事業所PR情報.</summary>
    public string? PrText { get; init; }

    /// <summary>Captions of the published company images (at most 10); the images themselves are shown online.</summary>
    public IReadOnlyList<string> ImageCaptions { get; init; } = [];
}

using HelloWork.Domain.JobOffers;
using HelloWork.Domain.JobOffers.Law;

namespace HelloWork.Testing;

/// <summary>One expected legal finding: the field (sheet property path), the code and the level.</summary>
public sealed record Expected(string Field, string Code, FindingLevel Level)
{
    public override string ToString() => $"{Field} {Code} {Level}";
}

/// <summary>A labelled offer: the sheet, the day it is published (its 紹介期限 follows, R-JOB-3) and exactly the legal findings it must
/// produce, no more and no fewer.</summary>
public sealed record LawCase(string Name, string Rule, JobSheet Sheet, DateOnly Publication, IReadOnlyList<Expected> Findings);

/// <summary>
/// The labelled set of offers for the legal checker (R-LAW-1..6): lawful ones and unlawful ones, each with the findings it must produce.
/// Used by HelloWork.Tests/Law/LawCheckerTests and by the benchmark scenario <c>lint</c> (linked into HelloWork.Bench), which reports
/// the checker's precision and recall over it. Figures are worked out by hand in the comments (a month of the base offer is
/// (365 − 120) × 8 h ÷ 12 = 163.33 h).
/// </summary>
public static class LawCases
{
    /// <summary>After the 令和7年度 figures took effect in 東京都 (1,226 yen from 2025-10-03).</summary>
    public static readonly DateOnly Dec2025 = new(2025, 12, 1);

    /// <summary>A lawful full-time offer in 東京都: 月給 260,000 (1,591.8 yen an hour), 9:00–18:00 with 60 minutes' break, 120 holidays.</summary>
    public static JobSheet Lawful() => new()
    {
        Basics = new OfferBasics { Category = OfferCategory.FullTime, Industry = "情報通信業", Scope = PublicationScope.PublicWithName },
        Establishment = new OfferEstablishment { Name = "株式会社ローテスト", Address = "東京都千代田区丸の内1-1-1", PostalCode = "100-0005" },
        Work = new OfferWork
        {
            JobTitle = "一般事務",
            Description = "受発注データの入力、電話応対、来客対応などの一般事務です。",
            EmploymentType = EmploymentType.Regular,
            WorkplacePrefecture = "東京都",
            WorkplaceMunicipality = "千代田区",
            WorkplaceAddress = "丸の内1-1-1",
            Smoking = PassiveSmokingMeasure.IndoorNoSmoking,
            RequiredExperience = "不問",
            TrialPeriod = true,
            TrialPeriodDetail = "3か月（労働条件の変更なし）",
            DutiesChangeScope = "雇入れ直後：一般事務　変更の範囲：会社の定める業務",
            WorkplaceChangeScope = "雇入れ直後：本社　変更の範囲：会社の定める事業所",
        },
        Wages = new OfferWages { Form = WageForm.Monthly, BaseMin = 260_000, BaseMax = 300_000, FixedAllowances = 0 },
        Hours = new OfferHours { Start = new TimeOnly(9, 0), End = new TimeOnly(18, 0), BreakMinutes = 60, DaysPerWeek = 5, AnnualHolidays = 120 },
        Conditions = new OfferConditions { RetirementAge = 60 },
        Company = new OfferCompany { EmployeesTotal = 30, BusinessDescription = "ソフトウェアの開発と販売。", PrText = "働きやすい職場です。" },
        Selection = new OfferSelection { ContactName = "採用担当", ContactPhone = "03-1234-5678" },
    };

    private static JobSheet Hourly(int yen, string prefecture = "東京都") => Lawful() with
    {
        Work = Lawful().Work with { WorkplacePrefecture = prefecture },
        Wages = new OfferWages { Form = WageForm.Hourly, BaseMin = yen, BaseMax = yen, FixedAllowances = 0 },
    };

    private static JobSheet With(Func<OfferWork, OfferWork> work) => Lawful() with { Work = work(Lawful().Work) };

    private static JobSheet Wages(Func<OfferWages, OfferWages> wages) => Lawful() with { Wages = wages(Lawful().Wages) };

    private static JobSheet Age(AgeLimitException exception, int? min, int? max, int? retirement = 60, Func<OfferWork, OfferWork>? more = null)
    {
        var s = Lawful();
        var work = s.Work with { AgeLimited = true, AgeException = exception, AgeMin = min, AgeMax = max, AgeReason = "例外事由に該当するため" };
        return s with { Work = more is null ? work : more(work), Conditions = s.Conditions with { RetirementAge = retirement } };
    }

    private static JobSheet Text(string? title = null, string? description = null, string? pr = null, string? features = null, string? reason = null)
    {
        var s = Lawful();
        return s with
        {
            Work = s.Work with { JobTitle = title ?? s.Work.JobTitle, Description = description ?? s.Work.Description },
            Company = s.Company with { PrText = pr ?? s.Company.PrText, Features = features ?? s.Company.Features },
            Selection = s.Selection with { ReasonForHiring = reason ?? s.Selection.ReasonForHiring },
        };
    }

    private static Expected Red(string field, string code) => new(field, code, FindingLevel.Error);

    private static Expected Orange(string field, string code) => new(field, code, FindingLevel.Warning);

    private static LawCase C(string name, string rule, JobSheet sheet, params Expected[] findings) => new(name, rule, sheet, Dec2025, findings);

    private static LawCase On(DateOnly day, string name, string rule, JobSheet sheet, params Expected[] findings) => new(name, rule, sheet, day, findings);

    private const string Extra = "固定残業時間を超える時間外労働分についての割増賃金は追加で支給";

    public static IReadOnlyList<LawCase> All { get; } = Build();

    /// <summary>Three offers that a review without the law checker passed with 問題なし.</summary>
    public static JobSheet IssueHourly900() => Hourly(900);

    public static JobSheet IssueFixedOvertime() => Hourly(900) with
    {
        Wages = Hourly(900).Wages with { FixedOvertime = true, FixedOvertimeAmount = 20_000, FixedOvertimeHours = 20, FixedOvertimeNote = Extra },
    };

    public static JobSheet IssueAgeWithoutRetirement() => Age(AgeLimitException.RetirementAge, null, 59, retirement: null);

    private static List<LawCase> Build()
    {
        var d = new DateOnly(2025, 8, 1);
        return
        [
            // R-LAW-1 最低賃金 (東京都 1,163 → 1,226 from 2025-10-03; 神奈川県 1,162 → 1,225 from 2025-10-04; 秋田県 951 → 1,031 from 2026-03-31)
            C("lawful base offer", "R-LAW-1", Lawful()),
            C("issue: 時給900円 in 東京都", "R-LAW-1", IssueHourly900(), Red("Wages.BaseMin", "BelowMinimumWage")),
            C("時給 exactly the minimum", "R-LAW-1", Hourly(1226)),
            C("時給 one yen below", "R-LAW-1", Hourly(1225), Red("Wages.BaseMin", "BelowMinimumWage")),
            On(d, "lawful today, below the figure from 2025-10-03 before the 紹介期限 (2025-10-31)", "R-LAW-1", Hourly(1200),
                Orange("Wages.BaseMin", "BelowUpcomingMinimumWage")),
            On(new DateOnly(2025, 7, 1), "紹介期限 2025-09-30 ends before the new figure", "R-LAW-1", Hourly(1200)),
            On(d, "below the 令和6 figure in force", "R-LAW-1", Hourly(1150), Red("Wages.BaseMin", "BelowMinimumWage")),
            On(d, "at the new figure already", "R-LAW-1", Hourly(1226)),
            C("月給 190,000 = 1,163.3 an hour", "R-LAW-1", Wages(w => w with { BaseMin = 190_000 }), Red("Wages.BaseMin", "BelowMinimumWage")),
            C("月給 200,000 = 1,224.5 an hour", "R-LAW-1", Wages(w => w with { BaseMin = 200_000 }), Red("Wages.BaseMin", "BelowMinimumWage")),
            C("月給 200,000 + 10,000 counted allowances = 1,285.7", "R-LAW-1", Wages(w => w with { BaseMin = 200_000, FixedAllowances = 10_000 })),
            C("月給 195,000 + 10,000 of 通勤手当 left out = 1,193.9", "R-LAW-1",
                Wages(w => w with { BaseMin = 195_000, FixedAllowances = 10_000, ExcludedAllowances = 10_000 }), Red("Wages.BaseMin", "BelowMinimumWage")),
            C("月給 195,000 + 10,000 of 資格手当 = 1,255.1", "R-LAW-1", Wages(w => w with { BaseMin = 195_000, FixedAllowances = 10_000, ExcludedAllowances = 0 })),
            C("月給 195,000 + 15,000 of which 家族手当 10,000 = 1,224.5", "R-LAW-1",
                Wages(w => w with { BaseMin = 195_000, FixedAllowances = 15_000, ExcludedAllowances = 10_000 }), Red("Wages.BaseMin", "BelowMinimumWage")),
            C("固定残業代 never counts toward the minimum", "R-LAW-1",
                Wages(w => w with { BaseMin = 180_000, FixedOvertime = true, FixedOvertimeAmount = 60_000, FixedOvertimeHours = 30, FixedOvertimeNote = Extra }),
                Red("Wages.BaseMin", "BelowMinimumWage")),
            C("日給 9,000 for 8 hours = 1,125", "R-LAW-1", Wages(w => w with { Form = WageForm.Daily, BaseMin = 9_000, BaseMax = 9_000 }),
                Red("Wages.BaseMin", "BelowMinimumWage")),
            C("日給 10,000 for 8 hours = 1,250", "R-LAW-1", Wages(w => w with { Form = WageForm.Daily, BaseMin = 10_000, BaseMax = 10_000 })),
            C("年俸 2,400,000 = 1,224.5", "R-LAW-1", Wages(w => w with { Form = WageForm.Annual, BaseMin = 2_400_000, BaseMax = 2_400_000 }),
                Red("Wages.BaseMin", "BelowMinimumWage")),
            C("年俸 2,600,000 = 1,326.5", "R-LAW-1", Wages(w => w with { Form = WageForm.Annual, BaseMin = 2_600_000, BaseMax = 2_600_000 })),
            C("longer days: 月給 220,000 for 9 h × 260 days = 1,128.2", "R-LAW-1",
                Wages(w => w with { BaseMin = 220_000 }) with { Hours = Lawful().Hours with { End = new TimeOnly(19, 0), AnnualHolidays = 105 } },
                Red("Wages.BaseMin", "BelowMinimumWage")),
            C("月給 220,000 on the base hours = 1,346.9", "R-LAW-1", Wages(w => w with { BaseMin = 220_000 })),
            C("時給 1,200 + 10,000 a month counted = 1,261.2", "R-LAW-1", Hourly(1200) with { Wages = Hourly(1200).Wages with { FixedAllowances = 10_000 } }),
            C("時給 1,200 + 10,000 of 精皆勤手当 left out", "R-LAW-1",
                Hourly(1200) with { Wages = Hourly(1200).Wages with { FixedAllowances = 10_000, ExcludedAllowances = 10_000 } },
                Red("Wages.BaseMin", "BelowMinimumWage")),
            C("night shift 22:00–7:00 at 1,230", "R-LAW-1",
                Hourly(1230) with { Hours = Lawful().Hours with { Start = new TimeOnly(22, 0), End = new TimeOnly(7, 0) } }),
            C("試用期間 月給 180,000 = 1,102", "R-LAW-1", Wages(w => w with { TrialBaseMin = 180_000 }), Red("Wages.TrialBaseMin", "BelowMinimumWageTrial")),
            C("試用期間 月給 210,000 = 1,285.7", "R-LAW-1", Wages(w => w with { TrialBaseMin = 210_000 })),
            C("a trial wage without a 試用期間 is not checked", "R-LAW-1",
                Wages(w => w with { TrialBaseMin = 100_000 }) with { Work = Lawful().Work with { TrialPeriod = false, TrialPeriodDetail = null } }),
            On(d, "試用期間 wage below the coming figure", "R-LAW-1", Wages(w => w with { TrialBaseMin = 195_000 }),
                Orange("Wages.TrialBaseMin", "BelowUpcomingMinimumWageTrial")),
            On(new DateOnly(2025, 10, 3), "神奈川県 1,200 the day before its new figure", "R-LAW-1", Hourly(1200, "神奈川県"),
                Orange("Wages.BaseMin", "BelowUpcomingMinimumWage")),
            On(new DateOnly(2025, 10, 4), "神奈川県 1,225 from its date", "R-LAW-1", Hourly(1225, "神奈川県")),
            On(new DateOnly(2026, 1, 15), "秋田県 1,000: 1,031 from 2026-03-31, the 紹介期限", "R-LAW-1", Hourly(1000, "秋田県"),
                Orange("Wages.BaseMin", "BelowUpcomingMinimumWage")),
            On(new DateOnly(2025, 12, 15), "秋田県 1,000: 紹介期限 2026-02-28 ends before", "R-LAW-1", Hourly(1000, "秋田県")),
            On(new DateOnly(2026, 1, 15), "秋田県 940 below 951", "R-LAW-1", Hourly(940, "秋田県"), Red("Wages.BaseMin", "BelowMinimumWage")),
            C("大阪府 1,177", "R-LAW-1", Hourly(1177, "大阪府")),
            C("大阪府 1,150", "R-LAW-1", Hourly(1150, "大阪府"), Red("Wages.BaseMin", "BelowMinimumWage")),

            // R-LAW-2 固定残業代 (base hourly 1,591.8: 15 h need 29,847 yen)
            C("issue: 固定残業代 20,000 for 20 h at 時給900", "R-LAW-2", IssueFixedOvertime(),
                Red("Wages.BaseMin", "BelowMinimumWage"), Red("Wages.FixedOvertimeAmount", "FixedOvertimeBelowPremium")),
            C("30,000 covers 15 h", "R-LAW-2", Wages(w => w with { FixedOvertime = true, FixedOvertimeAmount = 30_000, FixedOvertimeHours = 15, FixedOvertimeNote = Extra })),
            C("29,000 does not cover 15 h", "R-LAW-2", Wages(w => w with { FixedOvertime = true, FixedOvertimeAmount = 29_000, FixedOvertimeHours = 15, FixedOvertimeNote = Extra }),
                Red("Wages.FixedOvertimeAmount", "FixedOvertimeBelowPremium")),
            C("no sentence on extra pay", "R-LAW-2", Wages(w => w with { FixedOvertime = true, FixedOvertimeAmount = 30_000, FixedOvertimeHours = 15 }),
                Red("Wages.FixedOvertimeNote", "FixedOvertimeNeedsExtraPaySentence")),
            C("a sentence that does not say extra pay", "R-LAW-2",
                Wages(w => w with { FixedOvertime = true, FixedOvertimeAmount = 30_000, FixedOvertimeHours = 15, FixedOvertimeNote = "固定残業代を含む" }),
                Red("Wages.FixedOvertimeNote", "FixedOvertimeNeedsExtraPaySentence")),
            C("別途支給 says it", "R-LAW-2",
                Wages(w => w with { FixedOvertime = true, FixedOvertimeAmount = 30_000, FixedOvertimeHours = 15, FixedOvertimeNote = "15時間を超える時間外労働分は別途支給" })),
            C("no amount", "R-LAW-2", Wages(w => w with { FixedOvertime = true, FixedOvertimeHours = 15, FixedOvertimeNote = Extra }),
                Red("Wages.FixedOvertimeAmount", "FixedOvertimeNeedsAmount")),
            C("no hours", "R-LAW-2", Wages(w => w with { FixedOvertime = true, FixedOvertimeAmount = 30_000, FixedOvertimeNote = Extra }),
                Red("Wages.FixedOvertimeHours", "FixedOvertimeNeedsHours")),
            C("50 h covered but over 45", "R-LAW-2", Wages(w => w with { FixedOvertime = true, FixedOvertimeAmount = 100_000, FixedOvertimeHours = 50, FixedOvertimeNote = Extra }),
                Orange("Wages.FixedOvertimeHours", "FixedOvertimeOver45")),
            C("46 h not covered and over 45", "R-LAW-2", Wages(w => w with { FixedOvertime = true, FixedOvertimeAmount = 80_000, FixedOvertimeHours = 46, FixedOvertimeNote = Extra }),
                Red("Wages.FixedOvertimeAmount", "FixedOvertimeBelowPremium"), Orange("Wages.FixedOvertimeHours", "FixedOvertimeOver45")),
            C("45 h covered", "R-LAW-2", Wages(w => w with { FixedOvertime = true, FixedOvertimeAmount = 90_000, FixedOvertimeHours = 45, FixedOvertimeNote = Extra })),
            C("values left behind with 固定残業代 なし", "R-LAW-2", Wages(w => w with { FixedOvertime = false, FixedOvertimeAmount = 1, FixedOvertimeHours = 80 })),
            C("allowances raise the base: 固定手当 20,000 counted, 30,000 short of 15 h (32,143)", "R-LAW-2",
                Wages(w => w with { FixedAllowances = 20_000, FixedOvertime = true, FixedOvertimeAmount = 30_000, FixedOvertimeHours = 15, FixedOvertimeNote = Extra }),
                Red("Wages.FixedOvertimeAmount", "FixedOvertimeBelowPremium")),
            C("overtime 60 h a month without the special clause", "R-LAW-2",
                Lawful() with { Hours = Lawful().Hours with { Overtime = true, OvertimeMonthlyAverage = 60 } },
                Orange("Hours.SpecialClause36", "OvertimeOver45NeedsSpecialClause")),
            C("overtime 60 h with the special clause", "R-LAW-2",
                Lawful() with { Hours = Lawful().Hours with { Overtime = true, OvertimeMonthlyAverage = 60, SpecialClause36 = true } }),
            C("overtime 45 h", "R-LAW-2", Lawful() with { Hours = Lawful().Hours with { Overtime = true, OvertimeMonthlyAverage = 45 } }),

            // R-LAW-3 年齢
            C("issue: 1号 with 定年 なし", "R-LAW-3", IssueAgeWithoutRetirement(), Red("Work.AgeException", "AgeException1NeedsRetirementAge")),
            C("1号 定年60, 59歳以下", "R-LAW-3", Age(AgeLimitException.RetirementAge, null, 59)),
            C("1号 定年65, 64歳以下", "R-LAW-3", Age(AgeLimitException.RetirementAge, null, 64, retirement: 65)),
            C("1号 limit 45 under 定年60", "R-LAW-3", Age(AgeLimitException.RetirementAge, null, 45), Red("Work.AgeMax", "AgeException1LimitMustMatchRetirement")),
            C("1号 limit 60 = 定年", "R-LAW-3", Age(AgeLimitException.RetirementAge, null, 60), Red("Work.AgeMax", "AgeException1LimitMustMatchRetirement")),
            C("1号 with a lower limit", "R-LAW-3", Age(AgeLimitException.RetirementAge, 20, 59), Red("Work.AgeMax", "AgeException1LimitMustMatchRetirement")),
            C("1号 on a fixed term", "R-LAW-3",
                Age(AgeLimitException.RetirementAge, null, 64, retirement: 65, w => w with { FixedTerm = true, ContractTerm = "1年", RenewalConditions = "更新あり（勤務成績により判断）" }),
                Red("Work.FixedTerm", "AgeExceptionNeedsNoFixedTerm")),
            C("age limit without an exception", "R-LAW-3", Age(AgeLimitException.None, null, 40), Red("Work.AgeException", "AgeLimitNeedsException")),
            C("age limit without a reason", "R-LAW-3", Age(AgeLimitException.RetirementAge, null, 59, more: w => w with { AgeReason = null }),
                Red("Work.AgeReason", "AgeLimitNeedsReason")),
            C("3号イ 35歳以下, 経験不問", "R-LAW-3", Age(AgeLimitException.CareerFormation, null, 35)),
            C("3号イ asking for experience", "R-LAW-3", Age(AgeLimitException.CareerFormation, null, 35, more: w => w with { RequiredExperience = "営業経験3年以上" }),
                Red("Work.RequiredExperience", "AgeException3aNeedsNoExperience")),
            C("3号イ on a fixed term", "R-LAW-3",
                Age(AgeLimitException.CareerFormation, null, 35, more: w => w with { FixedTerm = true, ContractTerm = "1年", RenewalConditions = "更新あり" }),
                Red("Work.FixedTerm", "AgeExceptionNeedsNoFixedTerm")),
            C("3号イ with a lower limit", "R-LAW-3", Age(AgeLimitException.CareerFormation, 20, 35), Red("Work.AgeMax", "AgeException3aUpperLimitOnly")),
            C("3号ロ 30〜39歳", "R-LAW-3", Age(AgeLimitException.SkillSuccession, 30, 39)),
            C("3号ロ 25〜39歳", "R-LAW-3", Age(AgeLimitException.SkillSuccession, 25, 39), Red("Work.AgeMax", "AgeException3bBand")),
            C("3号ロ 30〜49歳, 20 years wide", "R-LAW-3", Age(AgeLimitException.SkillSuccession, 30, 49), Red("Work.AgeMax", "AgeException3bBand")),
            C("3号ニ 60歳以上", "R-LAW-3", Age(AgeLimitException.EmploymentPromotion, 60, null)),
            C("3号ニ 45歳以上", "R-LAW-3", Age(AgeLimitException.EmploymentPromotion, 45, null), Orange("Work.AgeMax", "AgeException3dNeeds60")),
            C("2号 18歳以上 (警備業法)", "R-LAW-3", Age(AgeLimitException.ByLaw, 18, null)),
            C("3号ハ 20〜30歳 (芸術)", "R-LAW-3", Age(AgeLimitException.Arts, 20, 30)),
            C("定年55", "R-LAW-3", Lawful() with { Conditions = Lawful().Conditions with { RetirementAge = 55 } },
                Red("Conditions.RetirementAge", "RetirementAgeAtLeast60")),
            C("定年なし, no age limit", "R-LAW-3", Lawful() with { Conditions = Lawful().Conditions with { RetirementAge = null } }),

            // R-LAW-4 性別
            C("営業マン in the title", "R-LAW-4", Text(title: "営業マン"), Red("Work.JobTitle", "SexSpecificJobName")),
            C("営業マン（男女）", "R-LAW-4", Text(title: "営業マン（男女）")),
            C("女性歓迎", "R-LAW-4", Text(description: "女性歓迎の職場です。"), Red("Work.Description", "SexRestriction")),
            C("男性のみ", "R-LAW-4", Text(description: "男性のみ募集します。"), Red("Work.Description", "SexRestriction")),
            C("ウェイトレス in the PR", "R-LAW-4", Text(pr: "ウェイトレス募集中！"), Red("Company.PrText", "SexSpecificJobName")),
            C("主婦歓迎", "R-LAW-4", Text(title: "ホールスタッフ", description: "主婦歓迎。扶養内勤務OK。"), Red("Work.Description", "SexRestriction")),
            C("主婦・主夫歓迎", "R-LAW-4", Text(description: "主婦・主夫歓迎。扶養内勤務OK。")),
            C("看護婦", "R-LAW-4", Text(title: "看護婦"), Red("Work.JobTitle", "SexSpecificJobName")),
            C("男女不問、経験者歓迎", "R-LAW-4", Text(description: "男女不問、経験者歓迎。")),
            C("two words in one text", "R-LAW-4", Text(description: "営業マン募集。女性のみの職場です。"),
                Red("Work.Description", "SexRestriction"), Red("Work.Description", "SexSpecificJobName")),
            C("女性活躍中 in the features", "R-LAW-4", Text(features: "女性活躍中の職場です。"), Red("Company.Features", "SexRestriction")),
            C("カメラマン（男女不問）", "R-LAW-4", Text(reason: "カメラマン（男女不問）の増員")),
            C("保母 in the reason for hiring", "R-LAW-4", Text(reason: "保母の欠員補充"), Red("Selection.ReasonForHiring", "SexSpecificJobName")),

            // R-LAW-5 明示事項
            C("受動喫煙対策 not stated", "R-LAW-5", With(w => w with { Smoking = PassiveSmokingMeasure.Unstated }), Red("Work.Smoking", "SmokingMeasureRequired")),
            C("対策なし is a statement", "R-LAW-5", With(w => w with { Smoking = PassiveSmokingMeasure.NoMeasure })),
            C("業務の変更の範囲 missing", "R-LAW-5", With(w => w with { DutiesChangeScope = null }), Red("Work.DutiesChangeScope", "DutiesChangeScopeRequired")),
            C("就業場所の変更の範囲 blank", "R-LAW-5", With(w => w with { WorkplaceChangeScope = "  " }), Red("Work.WorkplaceChangeScope", "WorkplaceChangeScopeRequired")),
            C("試用期間 あり without its terms", "R-LAW-5", With(w => w with { TrialPeriodDetail = null }), Red("Work.TrialPeriodDetail", "TrialPeriodDetailRequired")),
            C("試用期間 なし", "R-LAW-5", With(w => w with { TrialPeriod = false, TrialPeriodDetail = null })),
            C("fixed term without term or renewal rule", "R-LAW-5", With(w => w with { FixedTerm = true }),
                Red("Work.ContractTerm", "ContractTermRequired"), Red("Work.RenewalConditions", "RenewalRuleRequired")),
            C("fixed term without renewal rule", "R-LAW-5", With(w => w with { FixedTerm = true, ContractTerm = "1年" }),
                Red("Work.RenewalConditions", "RenewalRuleRequired")),
            C("fixed term fully stated", "R-LAW-5", With(w => w with { FixedTerm = true, ContractTerm = "1年", RenewalConditions = "更新あり（上限5年、業務量により判断）" })),
            C("no insurance stated", "R-LAW-5", Lawful() with
            {
                Conditions = Lawful().Conditions with { EmploymentInsurance = false, WorkersCompensation = false, HealthInsurance = false, PensionInsurance = false },
            }, Red("Conditions.EmploymentInsurance", "InsuranceStatementRequired")),
            C("労災 only (short part-time)", "R-LAW-5", Lawful() with
            {
                Conditions = Lawful().Conditions with { EmploymentInsurance = false, HealthInsurance = false, PensionInsurance = false },
            }),

            // All three of the issue at once, and a sheet with a finding of every rule.
            C("issue: the three at once", "R-LAW-1..3",
                IssueFixedOvertime() with { Work = IssueAgeWithoutRetirement().Work, Conditions = IssueAgeWithoutRetirement().Conditions },
                Red("Wages.BaseMin", "BelowMinimumWage"), Red("Wages.FixedOvertimeAmount", "FixedOvertimeBelowPremium"),
                Red("Work.AgeException", "AgeException1NeedsRetirementAge")),
        ];
    }
}

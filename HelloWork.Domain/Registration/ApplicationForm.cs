using HelloWork.Domain.Accounts;

namespace HelloWork.Domain.Registration;

/// <summary>最終学歴などの学校の区分 (求職申込書 学歴欄).</summary>
public enum SchoolKind
{
    JuniorHigh = 1,
    HighSchool = 2,
    Vocational = 3,
    JuniorCollege = 4,
    TechnicalCollege = 5,
    University = 6,
    GraduateSchool = 7,
}

/// <summary>卒業・中退・在学中・卒業見込み.</summary>
public enum SchoolStatus
{
    Graduated = 1,
    Left = 2,
    Enrolled = 3,
    ExpectedToGraduate = 4,
}

/// <summary>職歴の雇用形態 (求人票と同じ区分 + パート・アルバイト, 派遣).</summary>
public enum CareerEmploymentType
{
    Regular = 1,
    Contract = 2,
    PartTime = 3,
    Dispatched = 4,
    SelfEmployed = 5,
    Other = 9,
}

/// <summary>離職理由 (求職申込書 経歴欄).</summary>
public enum LeavingReason
{
    /// <summary>在職中 (the entry has no end).</summary>
    StillEmployed = 0,
    PersonalReasons = 1,
    CompanyReasons = 2,
    ContractEnded = 3,
    Retirement = 4,
    Other = 9,
}

/// <summary>PCスキル (求職申込書: ワープロ・表計算・プレゼンテーション・データベース・プログラミング等).</summary>
public enum PcSkill
{
    WordProcessing = 1,
    Spreadsheet = 2,
    Presentation = 3,
    Database = 4,
    Programming = 5,
    Design = 6,
}

/// <summary>ハローワークに希望する支援.</summary>
public enum HelpWanted
{
    JobCounselling = 1,
    JobReferral = 2,
    ApplicationDocuments = 3,
    InterviewPractice = 4,
    VocationalTraining = 5,
    BenefitProcedure = 6,
}

/// <summary>学歴の一行: 学校の区分, 学校名, 学部・学科, 入学年月, 卒業（予定）年月 and whether graduated. Months are the first day of the month.</summary>
public sealed record EducationEntry(SchoolKind Kind, string SchoolName, string? Department, DateOnly? From, DateOnly? To, SchoolStatus Status);

/// <summary>職歴の一行: 期間 (from, to; no end while still employed), 事業所名, 仕事の内容, 雇用形態, 離職理由.</summary>
public sealed record CareerEntry(DateOnly From, DateOnly? To, string EmployerName, string Work, CareerEmploymentType EmploymentType, LeavingReason Reason);

/// <summary>免許・資格の一行: 名称 and 取得年月 (optional).</summary>
public sealed record LicenceEntry(string Name, DateOnly? AcquiredOn);

/// <summary>語学の一行: 言語 and レベル・資格 (e.g. TOEIC 750点).</summary>
public sealed record LanguageEntry(string Language, string? Level);

/// <summary>The 8 screens of the 求職申込書 online, in the real registration's order (REFERENCE.md): 基本情報, 希望職種・時間等,
/// 希望勤務地・賃金, 学歴・資格, 経歴, 雇用保険, 障害情報, 自己PR・希望する支援.</summary>
public static class ApplicationSteps
{
    public const int Count = 8;
    public const int Basic = 1;
    public const int Occupation = 2;
    public const int PlaceAndWage = 3;
    public const int EducationAndLicences = 4;
    public const int Career = 5;
    public const int Benefit = 6;
    public const int Disability = 7;
    public const int PrAndHelp = 8;

    public static int AllDone => (1 << Count) - 1;

    public static bool IsStep(int step) => step is >= 1 and <= Count;
}

/// <summary>
/// The whole 求職申込書 (R-REG-1): contact details, <see cref="JobseekerWishes"/> (wishes, 学歴, 職歴, 免許・資格, PCスキル, 語学, 自己PR and
/// the help wanted), 雇用保険 受給資格 and 障害情報. One shape for the jobseeker's steps, the staff's counter view and later changes (R-ACC-2);
/// it lives on the <see cref="Jobseeker"/> itself, so completing a pre-registration retypes nothing (R-REG-2).
/// </summary>
public sealed record ApplicationForm(string? Phone, string? PostalCode, string? Address, JobseekerWishes Wishes, BenefitEligibility Benefit, DisabilityInfo Disability)
{
    public static ApplicationForm Of(Jobseeker j) => new(j.Phone, j.PostalCode, j.Address, j.Wishes, j.GetBenefit(), j.GetDisability());

    /// <summary>This form with <paramref name="step"/>'s part taken from <paramref name="incoming"/>: a step changes only its own fields.</summary>
    public ApplicationForm WithStep(int step, ApplicationForm incoming)
    {
        var w = Wishes;
        var n = incoming.Wishes;
        return step switch
        {
            ApplicationSteps.Basic => this with { Phone = incoming.Phone, PostalCode = incoming.PostalCode, Address = incoming.Address },
            ApplicationSteps.Occupation => this with
            {
                Wishes = w with
                {
                    DesiredOccupation = n.DesiredOccupation, DesiredOccupationCode = n.DesiredOccupationCode, MoreOccupations = n.MoreOccupations,
                    DesiredEmploymentType = n.DesiredEmploymentType, DesiredDaysPerWeek = n.DesiredDaysPerWeek, DesiredHours = n.DesiredHours,
                },
            },
            ApplicationSteps.PlaceAndWage => this with
            {
                Wishes = w with
                {
                    DesiredPrefecture = n.DesiredPrefecture, DesiredMunicipality = n.DesiredMunicipality, MoreAreas = n.MoreAreas,
                    DesiredMonthlyWage = n.DesiredMonthlyWage,
                },
            },
            ApplicationSteps.EducationAndLicences => this with
            {
                Wishes = w with { Education = n.Education, Licences = n.Licences, Qualifications = n.Qualifications, PcSkills = n.PcSkills, Languages = n.Languages },
            },
            ApplicationSteps.Career => this with { Wishes = w with { Career = n.Career, Experience = n.Experience, WorkHistory = n.WorkHistory } },
            ApplicationSteps.Benefit => this with { Benefit = incoming.Benefit },
            ApplicationSteps.Disability => this with { Disability = incoming.Disability },
            ApplicationSteps.PrAndHelp => this with { Wishes = w with { SelfPr = n.SelfPr, HelpWanted = n.HelpWanted, HelpNote = n.HelpNote } },
            _ => throw new Common.DomainException(Common.ErrorCodes.InvalidChoice, "Step"),
        };
    }
}

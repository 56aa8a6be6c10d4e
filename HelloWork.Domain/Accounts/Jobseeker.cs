using HelloWork.Domain.Common;

namespace HelloWork.Domain.Accounts;

public enum JobseekerTier
{
    /// <summary>オンライン登録者: registered only online; search, save and self-apply (R-ACC-1).</summary>
    HwisOnly = 0,

    /// <summary>利用登録者: registered at an office, has a jobseeker number; receives online referrals (R-ACC-1).</summary>
    Full = 1,
}

/// <summary>Consent to provide jobseeker information to agencies (R-AGY-2). The default is <see cref="None"/>.</summary>
public enum ProvisionConsent
{
    None = 0,
    LocalGovernmentsAndPrivate = 1,
    LocalGovernmentsOnly = 2,
    PrivateOnly = 3,
}

/// <summary>障害者手帳の種類 (障害情報). <see cref="Unstated"/> only while 障害の有無 is "no".</summary>
public enum DisabilityCertificate
{
    Unstated = 0,

    /// <summary>身体障害者手帳</summary>
    Physical = 1,

    /// <summary>療育手帳</summary>
    Intellectual = 2,

    /// <summary>精神障害者保健福祉手帳</summary>
    MentalHealth = 3,

    /// <summary>なし・申請中</summary>
    NoneOrApplying = 4,
}

/// <summary>
/// 障害情報, the registration screen asked only when applicable (REFERENCE.md). Sensitive personal data (要配慮個人情報): seen by the
/// person and, only when <see cref="DiscloseToEmployers"/> is chosen, by the employers they apply to; never provided to agencies, never in
/// the public profile, never in an audit entry. Not applicable means no other field is kept.
/// </summary>
public sealed record DisabilityInfo(bool Applicable, DisabilityCertificate Certificate = DisabilityCertificate.Unstated, string? Grade = null,
    string? Accommodation = null, bool DiscloseToEmployers = false)
{
    public const int MaxGrade = 20;
    public const int MaxAccommodation = 1000;

    public static DisabilityInfo NotApplicable { get; } = new(false);
}

/// <summary>
/// The 求職申込書 as the person fills it in (R-REG-1): 希望職種・時間等, 希望勤務地・賃金, 学歴・資格 (with PCスキル and 語学), 経歴 and
/// 自己PR / the help wanted from the office. 雇用保険 受給資格 (<see cref="BenefitEligibility"/>) and 障害情報 (<see cref="DisabilityInfo"/>)
/// are the jobseeker's own columns, and the contact details too; together they are the whole form (Registration/ApplicationForm).
/// The first choice of occupation and area is <see cref="DesiredOccupation"/> / <see cref="DesiredPrefecture"/>, the second and third
/// are <see cref="MoreOccupations"/> / <see cref="MoreAreas"/>. Shown to agencies and employers only without anything identifying.
/// </summary>
public sealed record JobseekerWishes
{
    public string DesiredOccupation { get; init; } = "";
    public string? DesiredOccupationCode { get; init; }
    public string DesiredPrefecture { get; init; } = "";
    public string? DesiredMunicipality { get; init; }
    public int? DesiredMonthlyWage { get; init; }
    public string? DesiredEmploymentType { get; init; }
    public string? DesiredHours { get; init; }
    public string Qualifications { get; init; } = "";
    public string Experience { get; init; } = "";
    public string WorkHistory { get; init; } = "";
    public string? SelfPr { get; init; }

    /// <summary>第2・第3希望職種 (the first is <see cref="DesiredOccupation"/>): at most two.</summary>
    public IReadOnlyList<string> MoreOccupations { get; init; } = [];

    /// <summary>第2・第3希望勤務地, prefectures (the first is <see cref="DesiredPrefecture"/>): at most two.</summary>
    public IReadOnlyList<string> MoreAreas { get; init; } = [];

    /// <summary>希望する週の就業日数 (1–7).</summary>
    public int? DesiredDaysPerWeek { get; init; }

    /// <summary>学歴, oldest first.</summary>
    public IReadOnlyList<Registration.EducationEntry> Education { get; init; } = [];

    /// <summary>職歴 (経歴), any number of entries, oldest first.</summary>
    public IReadOnlyList<Registration.CareerEntry> Career { get; init; } = [];

    /// <summary>免許・資格.</summary>
    public IReadOnlyList<Registration.LicenceEntry> Licences { get; init; } = [];

    /// <summary>PCスキル.</summary>
    public IReadOnlyList<Registration.PcSkill> PcSkills { get; init; } = [];

    /// <summary>語学.</summary>
    public IReadOnlyList<Registration.LanguageEntry> Languages { get; init; } = [];

    /// <summary>ハローワークに希望する支援.</summary>
    public IReadOnlyList<Registration.HelpWanted> HelpWanted { get; init; } = [];

    /// <summary>その他、ハローワークへの相談・希望事項.</summary>
    public string? HelpNote { get; init; }

    /// <summary>Equal when every field is, the lists by their entries: a form read back from the database equals the one saved.</summary>
    public bool Equals(JobseekerWishes? other) => other is not null
        && (DesiredOccupation, DesiredOccupationCode, DesiredPrefecture, DesiredMunicipality, DesiredMonthlyWage, DesiredEmploymentType, DesiredHours)
            == (other.DesiredOccupation, other.DesiredOccupationCode, other.DesiredPrefecture, other.DesiredMunicipality, other.DesiredMonthlyWage,
                other.DesiredEmploymentType, other.DesiredHours)
        && (Qualifications, Experience, WorkHistory, SelfPr, DesiredDaysPerWeek, HelpNote)
            == (other.Qualifications, other.Experience, other.WorkHistory, other.SelfPr, other.DesiredDaysPerWeek, other.HelpNote)
        && MoreOccupations.SequenceEqual(other.MoreOccupations) && MoreAreas.SequenceEqual(other.MoreAreas)
        && Education.SequenceEqual(other.Education) && Career.SequenceEqual(other.Career) && Licences.SequenceEqual(other.Licences)
        && PcSkills.SequenceEqual(other.PcSkills) && Languages.SequenceEqual(other.Languages) && HelpWanted.SequenceEqual(other.HelpWanted);

    public override int GetHashCode() => HashCode.Combine(DesiredOccupation, DesiredPrefecture, DesiredMonthlyWage, Career.Count, Education.Count);
}

/// <summary>雇用保険の受給資格 as the 求職申込書 records it: whether the person holds an entitlement to the basic allowance (基本手当),
/// its 所定給付日数 and the day the entitlement was decided (受給資格決定日). The office figures count an early re-employment
/// (早期再就職) from these (R-EVAL-1); nothing else is kept when the person holds none.</summary>
public sealed record BenefitEligibility(bool Holds, int? PrescribedDays = null, DateOnly? DecidedOn = null)
{
    /// <summary>The 所定給付日数 the 雇用保険法 (第22条, 第23条) can give: 90 to 360 days, in steps of 30.</summary>
    public static IReadOnlyList<int> LawfulDays { get; } = [90, 120, 150, 180, 210, 240, 270, 300, 330, 360];

    public static BenefitEligibility None { get; } = new(false);
}

/// <summary>A person looking for work (求職者). Personal data lives here and never leaves the person's scope (R-ACC-4).</summary>
public sealed class Jobseeker
{
    private Jobseeker() { }

    public Jobseeker(string name, string kana, DateOnly birthDate, string? phone, string? postalCode, string? address, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        Name = Text.RequireName(name, nameof(Name), 50);
        Kana = Text.RequireKatakana(kana, nameof(Kana), 50);
        var today = JapanTime.DateOf(now);
        if (birthDate > today.AddYears(-15) || birthDate < today.AddYears(-100))
        {
            throw new DomainException(ErrorCodes.BirthDateOutOfRange, nameof(BirthDate));
        }
        BirthDate = birthDate;
        Phone = Text.Optional(phone, nameof(Phone), 20);
        PostalCode = Text.Optional(postalCode, nameof(PostalCode), 8);
        Address = Text.Optional(address, nameof(Address), 200);
        CreatedAt = now;
        RegistrationActive = true;
        RegistrationValidUntil = JapanTime.EndOfMonthAfter(today, 2);
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Kana { get; private set; } = "";
    public DateOnly BirthDate { get; private set; }
    public string? Phone { get; private set; }
    public string? PostalCode { get; private set; }
    public string? Address { get; private set; }
    public JobseekerTier Tier { get; private set; }

    /// <summary>求職番号, set when staff register the person at an office (R-ACC-1).</summary>
    public string? JobseekerNumber { get; private set; }

    public Guid? HomeOfficeId { get; private set; }

    /// <summary>The person's own valid/invalid switch (R-ACC-2).</summary>
    public bool RegistrationActive { get; private set; }

    /// <summary>Registration validity: end of the month after next, extended by referrals and applications (REFERENCE.md).</summary>
    public DateOnly RegistrationValidUntil { get; private set; }

    public ProvisionConsent Consent { get; private set; }

    /// <summary>求職情報の公開を希望する: employers may search the anonymised profile (R-SRC-3).</summary>
    public bool ProfilePublic { get; private set; }

    public JobseekerWishes Wishes { get; private set; } = new();

    /// <summary>障害の有無 (障害情報). The four fields below are empty unless it is true.</summary>
    public bool HasDisability { get; private set; }

    public DisabilityCertificate DisabilityCertificate { get; private set; }

    /// <summary>等級 as written on the certificate (e.g. 2級, A, B1); optional.</summary>
    public string? DisabilityGrade { get; private set; }

    /// <summary>配慮してほしい事項.</summary>
    public string? DisabilityAccommodation { get; private set; }

    /// <summary>Whether employers the person applies to may see the 障害情報; off unless the person turns it on.</summary>
    public bool DisabilityDisclosed { get; private set; }

    /// <summary>雇用保険 受給資格の有無; <see cref="BenefitPrescribedDays"/> and <see cref="BenefitDecidedOn"/> are empty unless it is true.</summary>
    public bool HoldsBenefit { get; private set; }

    /// <summary>所定給付日数.</summary>
    public int? BenefitPrescribedDays { get; private set; }

    /// <summary>受給資格決定日.</summary>
    public DateOnly? BenefitDecidedOn { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public int AgeOn(DateOnly date)
    {
        var age = date.Year - BirthDate.Year;
        return BirthDate.AddYears(age) > date ? age - 1 : age;
    }

    /// <summary>Valid registration: switched on and not past its validity date (R-ACC-2).</summary>
    public bool IsRegistrationValid(DateTimeOffset now) => RegistrationActive && JapanTime.DateOf(now) <= RegistrationValidUntil;

    /// <summary>Whether Hello Work may send this person an online referral (R-ACC-1, R-ACC-2).</summary>
    public bool CanReceiveReferrals(DateTimeOffset now) => Tier == JobseekerTier.Full && IsRegistrationValid(now);

    /// <summary>Staff register the person at an office (R-ACC-1).</summary>
    public void RegisterAtOffice(Office office, DateTimeOffset now)
    {
        if (Tier == JobseekerTier.Full)
        {
            throw new DomainException(ErrorCodes.AlreadyRegisteredAtOffice);
        }
        Tier = JobseekerTier.Full;
        HomeOfficeId = office.Id;
        JobseekerNumber = office.NextJobseekerNumber();
        RegistrationActive = true;
        RegistrationValidUntil = JapanTime.EndOfMonthAfter(JapanTime.DateOf(now), 2);
        UpdatedAt = now;
    }

    /// <summary>A referral or application in the last month of validity extends it by one month (REFERENCE.md).</summary>
    public void ExtendOnActivity(DateTimeOffset now)
    {
        if (ExtendsOnActivity(RegistrationValidUntil, now))
        {
            RegistrationValidUntil = JapanTime.EndOfMonthAfter(RegistrationValidUntil, 1);
        }
    }

    /// <summary>Whether activity at <paramref name="now"/> extends a registration valid until <paramref name="validUntil"/>: in its
    /// last month. An operation that read the date alone loads the jobseeker only when it does.</summary>
    public static bool ExtendsOnActivity(DateOnly validUntil, DateTimeOffset now)
    {
        var today = JapanTime.DateOf(now);
        return today <= validUntil && today > validUntil.AddMonths(-1);
    }

    public void SetRegistrationActive(bool active, DateTimeOffset now)
    {
        RegistrationActive = active;
        if (active && JapanTime.DateOf(now) > RegistrationValidUntil)
        {
            RegistrationValidUntil = JapanTime.EndOfMonthAfter(JapanTime.DateOf(now), 2);
        }
        UpdatedAt = now;
    }

    public void SetConsent(ProvisionConsent consent, DateTimeOffset now)
    {
        if (!Enum.IsDefined(consent))
        {
            throw new DomainException(ErrorCodes.InvalidChoice, nameof(Consent));
        }
        Consent = consent;
        UpdatedAt = now;
    }

    public void SetProfilePublic(bool value, DateTimeOffset now)
    {
        ProfilePublic = value;
        UpdatedAt = now;
    }

    /// <summary>希望職種・希望条件, 資格, 経験, 職歴, 自己PR. Every field is checked before anything changes, so a refusal leaves the
    /// profile as it was (R-ERR-1).</summary>
    public void UpdateWishes(JobseekerWishes wishes, DateTimeOffset now)
    {
        var prefecture = Text.Require(wishes.DesiredPrefecture, nameof(wishes.DesiredPrefecture), 10, required: false);
        if (prefecture.Length > 0 && !Search.Prefectures.All.Contains(prefecture))
        {
            throw new DomainException(ErrorCodes.InvalidChoice, nameof(wishes.DesiredPrefecture));
        }
        if (wishes.DesiredMonthlyWage is < 0 or > 10_000_000)
        {
            throw new DomainException(ErrorCodes.OutOfRange, nameof(wishes.DesiredMonthlyWage));
        }
        var checkedWishes = wishes with
        {
            DesiredOccupation = Text.Require(wishes.DesiredOccupation, nameof(wishes.DesiredOccupation), 100, required: false),
            DesiredOccupationCode = Text.Optional(wishes.DesiredOccupationCode, nameof(wishes.DesiredOccupationCode), 10),
            DesiredPrefecture = prefecture,
            DesiredMunicipality = Text.Optional(wishes.DesiredMunicipality, nameof(wishes.DesiredMunicipality), 50),
            DesiredEmploymentType = Text.Optional(wishes.DesiredEmploymentType, nameof(wishes.DesiredEmploymentType), 20),
            DesiredHours = Text.Optional(wishes.DesiredHours, nameof(wishes.DesiredHours), 100),
            Qualifications = Text.Require(wishes.Qualifications, nameof(wishes.Qualifications), 1000, required: false),
            Experience = Text.Require(wishes.Experience, nameof(wishes.Experience), 2000, required: false),
            WorkHistory = Text.Require(wishes.WorkHistory, nameof(wishes.WorkHistory), 4000, required: false),
            SelfPr = Text.Optional(wishes.SelfPr, nameof(wishes.SelfPr), 2000),
            HelpNote = Text.Optional(wishes.HelpNote, nameof(wishes.HelpNote), Registration.ApplicationFormChecks.MaxNote),
        };
        // The 求職申込書's lists are checked by the form's own rules, one source for the steps and for this (R-REG-1, R-ERR-1).
        Registration.ApplicationFormChecks.ThrowIfWrong(checkedWishes, JapanTime.DateOf(now));
        Wishes = checkedWishes;
        UpdatedAt = now;
    }

    public BenefitEligibility GetBenefit() => HoldsBenefit
        ? new BenefitEligibility(true, BenefitPrescribedDays, BenefitDecidedOn)
        : BenefitEligibility.None;

    /// <summary>雇用保険 受給資格: "no" clears both fields; "yes" needs a lawful 所定給付日数 and a 受給資格決定日 that is not in the future
    /// (Japan time). Checked whole before anything changes (R-ERR-1).</summary>
    public void UpdateBenefit(BenefitEligibility benefit, DateTimeOffset now)
    {
        if (!benefit.Holds)
        {
            (HoldsBenefit, BenefitPrescribedDays, BenefitDecidedOn) = (false, null, null);
            UpdatedAt = now;
            return;
        }
        if (benefit.PrescribedDays is not { } days || !BenefitEligibility.LawfulDays.Contains(days))
        {
            throw new DomainException(ErrorCodes.InvalidChoice, nameof(BenefitPrescribedDays));
        }
        if (benefit.DecidedOn is not { } decided || decided > JapanTime.DateOf(now) || decided < JapanTime.DateOf(now).AddYears(-2))
        {
            throw new DomainException(ErrorCodes.OutOfRange, nameof(BenefitDecidedOn));
        }
        (HoldsBenefit, BenefitPrescribedDays, BenefitDecidedOn) = (true, days, decided);
        UpdatedAt = now;
    }

    public DisabilityInfo GetDisability() => HasDisability
        ? new DisabilityInfo(true, DisabilityCertificate, DisabilityGrade, DisabilityAccommodation, DisabilityDisclosed)
        : DisabilityInfo.NotApplicable;

    /// <summary>障害情報: "no" clears every field; "yes" needs the kind of certificate (なし・申請中 included), takes an optional 等級 (only
    /// with a certificate) and 配慮してほしい事項 (≤ 1000). Checked whole before anything changes (R-ERR-1).</summary>
    public void UpdateDisability(DisabilityInfo info, DateTimeOffset now)
    {
        if (!info.Applicable)
        {
            (HasDisability, DisabilityCertificate, DisabilityGrade, DisabilityAccommodation, DisabilityDisclosed) =
                (false, DisabilityCertificate.Unstated, null, null, false);
            UpdatedAt = now;
            return;
        }
        if (!Enum.IsDefined(info.Certificate) || info.Certificate == DisabilityCertificate.Unstated)
        {
            throw new DomainException(ErrorCodes.InvalidChoice, nameof(DisabilityCertificate));
        }
        var grade = Text.Optional(info.Grade, nameof(DisabilityGrade), DisabilityInfo.MaxGrade);
        if (grade is not null && (grade.Contains('\n', StringComparison.Ordinal) || info.Certificate == DisabilityCertificate.NoneOrApplying))
        {
            throw new DomainException(grade.Contains('\n', StringComparison.Ordinal) ? ErrorCodes.InvalidCharacters : ErrorCodes.DisabilityGradeWithoutCertificate,
                nameof(DisabilityGrade));
        }
        var accommodation = Text.Optional(info.Accommodation, nameof(DisabilityAccommodation), DisabilityInfo.MaxAccommodation);
        (HasDisability, DisabilityCertificate, DisabilityGrade, DisabilityAccommodation, DisabilityDisclosed) =
            (true, info.Certificate, grade, accommodation, info.DiscloseToEmployers);
        UpdatedAt = now;
    }

    /// <summary>電話番号・郵便番号・住所; checked whole before anything changes (R-ERR-1).</summary>
    public void UpdateContact(string? phone, string? postalCode, string? address, DateTimeOffset now)
    {
        var p = Text.Optional(phone, nameof(Phone), 20);
        if (p is not null && !System.Text.RegularExpressions.Regex.IsMatch(p, @"^[0-9\-]{10,13}$"))
        {
            throw new DomainException(ErrorCodes.PhoneFormat, nameof(Phone));
        }
        var zip = Text.Optional(postalCode, nameof(PostalCode), 8);
        if (zip is not null && !System.Text.RegularExpressions.Regex.IsMatch(zip, @"^\d{3}-?\d{4}$"))
        {
            throw new DomainException(ErrorCodes.PostalCodeFormat, nameof(PostalCode));
        }
        var a = Text.Optional(address, nameof(Address), 200);
        Phone = p;
        PostalCode = zip;
        Address = a;
        UpdatedAt = now;
    }
}

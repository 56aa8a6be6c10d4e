namespace HelloWork.Domain.Applications;

/// <summary>A reason for not hiring (採用しなかった理由); <see cref="Short"/> is the form's abbreviated label (printed on the slip's return part).</summary>
public sealed record SelectionReason(int Code, string Japanese, string English, string Short);

/// <summary>
/// The one list of reasons for not hiring (R-RES-2). Code 8 is fixed by the employer guide (seed 004):
/// 本人から応募辞退の連絡があった, used when the applicant withdraws after the 24-hour window (R-CAN-2).
/// </summary>
public static class SelectionReasons
{
    public const int ApplicantWithdrew = 8;

    public static readonly IReadOnlyList<SelectionReason> All =
    [
        new(1, "求人条件（経験・技能等）を満たしていなかった", "Did not meet the requirements (experience, skills)", "経験・技能"),
        new(2, "必要な免許・資格を有していなかった", "Did not hold the required licence or qualification", "免許・資格"),
        new(3, "能力・適性が求める水準に達していなかった", "Ability or aptitude below the required level", "適性"),
        new(4, "他の応募者を採用した（募集人員に達した）", "Another applicant was hired (openings filled)", "他の応募者を採用"),
        new(5, "労働条件（賃金・時間等）の希望が合わなかった", "Wishes on conditions (wage, hours) did not match", "労働条件"),
        new(6, "面接等の選考に不参加・連絡が取れなかった", "Did not attend the selection or could not be reached", "連絡なし"),
        new(7, "求人を取り消した・募集を停止した", "The offer was withdrawn or recruiting stopped", "募集停止"),
        new(ApplicantWithdrew, "本人から応募辞退の連絡があった", "The applicant said they withdraw", "本人から応募辞退"),
        new(9, "その他", "Other", "その他"),
    ];

    public static SelectionReason? Find(int code) => All.FirstOrDefault(r => r.Code == code);

    /// <summary>The code list as the return part of the referral slip prints it: "1 経験・技能　2 …".</summary>
    public static string PrintedList => string.Join("　", All.Select(r => $"{r.Code} {r.Short}"));
}

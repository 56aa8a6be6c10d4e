using HelloWork.Domain.Accounts;
using HelloWork.Domain.Common;
using HelloWork.Domain.Registration;

namespace HelloWork.Tests.Support;

/// <summary>A whole 求職申込書 that passes every check (R-REG-1), and filling it in step by step as the pages do.</summary>
public static class ApplicationForms
{
    public static ApplicationForm Filled(DateOnly today)
    {
        var wishes = new JobseekerWishes
        {
            DesiredOccupation = "一般事務", MoreOccupations = ["経理事務", "受付"], DesiredEmploymentType = "正社員", DesiredDaysPerWeek = 5, DesiredHours = "9:00〜18:00",
            DesiredPrefecture = "東京都", DesiredMunicipality = "文京区", MoreAreas = ["神奈川県"], DesiredMonthlyWage = 240_000,
            Education = [new EducationEntry(SchoolKind.University, "東都大学", "経済学部", new DateOnly(2013, 4, 1), new DateOnly(2017, 3, 1), SchoolStatus.Graduated)],
            Licences = [new LicenceEntry("日商簿記検定2級", new DateOnly(2016, 6, 1))], PcSkills = [PcSkill.WordProcessing, PcSkill.Spreadsheet],
            Languages = [new LanguageEntry("英語", "TOEIC 750点")],
            Career =
            [
                new CareerEntry(new DateOnly(2017, 4, 1), new DateOnly(2022, 3, 1), "株式会社さくら商事", "経理・請求書の作成", CareerEmploymentType.Regular, LeavingReason.PersonalReasons),
                new CareerEntry(new DateOnly(2022, 5, 1), null, "有限会社あおば", "受付・電話応対", CareerEmploymentType.PartTime, LeavingReason.StillEmployed),
            ],
            SelfPr = "簿記の資格を活かして経理の仕事をしたいです。", HelpWanted = [HelpWanted.JobCounselling, HelpWanted.ApplicationDocuments],
        };
        return new ApplicationForm("090-1234-5678", "113-0033", "東京都文京区本郷1-1-1", wishes,
            new BenefitEligibility(true, 90, today.AddDays(-10)), new DisabilityInfo(false));
    }

    public static async Task FillAllStepsAsync(PreRegistrationService service, Actor actor, ApplicationForm form, CancellationToken ct)
    {
        for (var step = 1; step <= ApplicationSteps.Count; step++)
        {
            var result = await service.SaveStepAsync(actor, step, form, finish: true, warningsConfirmed: true, ct);
            Assert.True(result.Saved && result.Done, $"step {step}: {string.Join(", ", result.Findings.Select(f => f.Field + " " + f.Code))}");
        }
    }
}

using HelloWork.Domain.Accounts;
using HelloWork.Domain.Common;
using HelloWork.Domain.JobOffers;

namespace HelloWork.Domain.Registration;

/// <summary>
/// The two levels of check on the 求職申込書 (R-REG-1), the same <see cref="Finding"/> shape as the offer entry's: red refuses the
/// step and nothing is saved (a required entry still empty is red but <see cref="Finding.Missing"/>: 一時保存 keeps the rest),
/// orange is saved and must be confirmed before the step counts as done. Field keys are the form's own (<c>Career.2.EmployerName</c>).
/// The lists' rules live only here; <see cref="Jobseeker.UpdateWishes"/> calls <see cref="ThrowIfWrong"/>.
/// </summary>
public static class ApplicationFormChecks
{
    public const int MaxChoices = 3;
    public const int MaxEntries = 20;
    public const int MaxName = 100;
    public const int MaxWork = 500;
    public const int MaxNote = 1000;

    /// <summary>A monthly wage this high is more often a typo (an extra zero) than a wish: orange.</summary>
    public const int WageToConfirm = 1_000_000;

    public static readonly IReadOnlyList<string> EmploymentTypes = ["正社員", "正社員以外", "パート", "派遣", "いずれでもよい"];

    /// <summary>The findings of one step of <paramref name="form"/> on <paramref name="today"/> (Japan date).</summary>
    public static IReadOnlyList<Finding> Check(int step, ApplicationForm form, DateOnly today)
    {
        var f = new List<Finding>();
        var w = form.Wishes;
        switch (step)
        {
            case ApplicationSteps.Basic:
                if (string.IsNullOrWhiteSpace(form.Phone)) f.Add(Miss("Phone"));
                if (string.IsNullOrWhiteSpace(form.Address)) f.Add(Miss("Address"));
                break;
            case ApplicationSteps.Occupation:
                if (string.IsNullOrWhiteSpace(w.DesiredOccupation)) f.Add(Miss("DesiredOccupation"));
                CheckOccupation(w, f);
                break;
            case ApplicationSteps.PlaceAndWage:
                if (string.IsNullOrWhiteSpace(w.DesiredPrefecture)) f.Add(Miss("DesiredPrefecture"));
                CheckPlaceAndWage(w, f);
                break;
            case ApplicationSteps.EducationAndLicences:
                if (w.Education.Count == 0) f.Add(Miss("Education"));
                CheckEducation(w, today, f);
                break;
            case ApplicationSteps.Career:
                CheckCareer(w, today, f);
                break;
            case ApplicationSteps.Benefit:
                CheckBenefit(form.Benefit, today, f);
                break;
            case ApplicationSteps.Disability:
                if (form.Disability.Applicable && form.Disability.Certificate == DisabilityCertificate.Unstated) f.Add(Miss("DisabilityCertificate"));
                break;
            case ApplicationSteps.PrAndHelp:
                Len(f, "SelfPr", w.SelfPr, 2000);
                Len(f, "HelpNote", w.HelpNote, MaxNote);
                if (w.HelpWanted.Any(h => !Enum.IsDefined(h)) || w.HelpWanted.Distinct().Count() != w.HelpWanted.Count) f.Add(Err("HelpWanted", ErrorCodes.InvalidChoice));
                break;
            default:
                f.Add(Err("Step", ErrorCodes.InvalidChoice));
                break;
        }
        return f;
    }

    /// <summary>Every red finding of the lists that is wrong in itself, whatever screen saves them: the first one refuses the save.</summary>
    public static void ThrowIfWrong(JobseekerWishes w, DateOnly today)
    {
        var f = new List<Finding>();
        CheckOccupation(w, f);
        CheckPlaceAndWage(w, f);
        CheckEducation(w, today, f);
        CheckCareer(w, today, f);
        if (w.HelpWanted.Any(h => !Enum.IsDefined(h))) f.Add(Err("HelpWanted", ErrorCodes.InvalidChoice));
        if (f.FirstOrDefault(x => x.IsWrong) is { } wrong)
        {
            throw new DomainException(wrong.Code, wrong.Field, wrong.MessageArgs);
        }
    }

    private static void CheckOccupation(JobseekerWishes w, List<Finding> f)
    {
        Len(f, "DesiredOccupation", w.DesiredOccupation, MaxName);
        if (w.MoreOccupations.Count > MaxChoices - 1) f.Add(Err("MoreOccupations", ErrorCodes.TooManyChoices) with { Limit = MaxChoices });
        for (var i = 0; i < w.MoreOccupations.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(w.MoreOccupations[i])) f.Add(Miss($"MoreOccupations.{i}"));
            Len(f, $"MoreOccupations.{i}", w.MoreOccupations[i], MaxName);
        }
        if (w.DesiredEmploymentType is { Length: > 0 } type && !EmploymentTypes.Contains(type)) f.Add(Err("DesiredEmploymentType", ErrorCodes.InvalidChoice));
        if (w.DesiredDaysPerWeek is < 1 or > 7) f.Add(Err("DesiredDaysPerWeek", ErrorCodes.OutOfRange));
        Len(f, "DesiredHours", w.DesiredHours, 100);
    }

    private static void CheckPlaceAndWage(JobseekerWishes w, List<Finding> f)
    {
        if (w.DesiredPrefecture is { Length: > 0 } p && !Search.Prefectures.All.Contains(p)) f.Add(Err("DesiredPrefecture", ErrorCodes.InvalidChoice));
        if (w.MoreAreas.Count > MaxChoices - 1) f.Add(Err("MoreAreas", ErrorCodes.TooManyChoices) with { Limit = MaxChoices });
        for (var i = 0; i < w.MoreAreas.Count; i++)
        {
            if (!Search.Prefectures.All.Contains(w.MoreAreas[i])) f.Add(Err($"MoreAreas.{i}", ErrorCodes.InvalidChoice));
        }
        if (w.DesiredMonthlyWage is < 0 or > 10_000_000) f.Add(Err("DesiredMonthlyWage", ErrorCodes.OutOfRange));
        else if (w.DesiredMonthlyWage >= WageToConfirm) f.Add(Warn("DesiredMonthlyWage", "WageToConfirm"));
    }

    private static void CheckEducation(JobseekerWishes w, DateOnly today, List<Finding> f)
    {
        Count(f, "Education", w.Education.Count);
        for (var i = 0; i < w.Education.Count; i++)
        {
            var e = w.Education[i];
            var key = $"Education.{i}";
            if (!Enum.IsDefined(e.Kind)) f.Add(Err($"{key}.Kind", ErrorCodes.InvalidChoice));
            if (!Enum.IsDefined(e.Status)) f.Add(Err($"{key}.Status", ErrorCodes.InvalidChoice));
            Req(f, $"{key}.SchoolName", e.SchoolName, MaxName);
            Len(f, $"{key}.Department", e.Department, MaxName);
            if (e.From is { } from && e.To is { } to && to < from) f.Add(Err($"{key}.To", ErrorCodes.DateRangeReversed));
            // 卒業・中退 lie in the past; only 在学中 and 卒業見込み may end in the future.
            if (e.Status is SchoolStatus.Graduated or SchoolStatus.Left && e.To > today) f.Add(Err($"{key}.To", ErrorCodes.OutOfRange));
        }
        Count(f, "Licences", w.Licences.Count);
        for (var i = 0; i < w.Licences.Count; i++)
        {
            Req(f, $"Licences.{i}.Name", w.Licences[i].Name, MaxName);
            if (w.Licences[i].AcquiredOn > today) f.Add(Err($"Licences.{i}.AcquiredOn", ErrorCodes.OutOfRange));
        }
        Len(f, "Qualifications", w.Qualifications, 1000);
        if (w.PcSkills.Any(s => !Enum.IsDefined(s)) || w.PcSkills.Distinct().Count() != w.PcSkills.Count) f.Add(Err("PcSkills", ErrorCodes.InvalidChoice));
        Count(f, "Languages", w.Languages.Count);
        for (var i = 0; i < w.Languages.Count; i++)
        {
            Req(f, $"Languages.{i}.Language", w.Languages[i].Language, 50);
            Len(f, $"Languages.{i}.Level", w.Languages[i].Level, MaxName);
        }
    }

    private static void CheckCareer(JobseekerWishes w, DateOnly today, List<Finding> f)
    {
        Count(f, "Career", w.Career.Count);
        for (var i = 0; i < w.Career.Count; i++)
        {
            var c = w.Career[i];
            var key = $"Career.{i}";
            Req(f, $"{key}.EmployerName", c.EmployerName, MaxName);
            Req(f, $"{key}.Work", c.Work, MaxWork);
            if (!Enum.IsDefined(c.EmploymentType)) f.Add(Err($"{key}.EmploymentType", ErrorCodes.InvalidChoice));
            if (!Enum.IsDefined(c.Reason)) f.Add(Err($"{key}.Reason", ErrorCodes.InvalidChoice));
            if (c.From > today) f.Add(Err($"{key}.From", ErrorCodes.OutOfRange));
            if (c.To is { } to && to < c.From) f.Add(Err($"{key}.To", ErrorCodes.DateRangeReversed));
            else if (c.To > today) f.Add(Err($"{key}.To", ErrorCodes.OutOfRange));
            // 在職中 is an entry without an end, and the other way round.
            if ((c.To is null) != (c.Reason == LeavingReason.StillEmployed)) f.Add(Err($"{key}.Reason", ErrorCodes.LeavingReasonMismatch));
        }
        Len(f, "Experience", w.Experience, 2000);
        Len(f, "WorkHistory", w.WorkHistory, 4000);
        if (w.Career.Count == 0)
        {
            f.Add(Warn("Career", "NoCareer"));
            return;
        }
        // Two jobs at once happen (a side job), but more often a month was typed wrong: orange, with the later entry named.
        var ordered = w.Career.Select((c, i) => (c, i)).OrderBy(x => x.c.From).ToList();
        for (var k = 1; k < ordered.Count; k++)
        {
            var before = ordered[k - 1].c;
            if (before.To is null || before.To > ordered[k].c.From)
            {
                f.Add(Warn($"Career.{ordered[k].i}.From", "CareerOverlap"));
            }
        }
    }

    private static void CheckBenefit(BenefitEligibility b, DateOnly today, List<Finding> f)
    {
        if (!b.Holds)
        {
            return;
        }
        if (b.PrescribedDays is null) f.Add(Miss("BenefitPrescribedDays"));
        else if (!BenefitEligibility.LawfulDays.Contains(b.PrescribedDays.Value)) f.Add(Err("BenefitPrescribedDays", ErrorCodes.InvalidChoice));
        if (b.DecidedOn is null) f.Add(Miss("BenefitDecidedOn"));
        else if (b.DecidedOn > today || b.DecidedOn < today.AddYears(-2)) f.Add(Err("BenefitDecidedOn", ErrorCodes.OutOfRange));
        // 受給期間 is in principle one year from the day after leaving (雇用保険法第20条): a decision over a year old may be past it.
        else if (b.DecidedOn < today.AddYears(-1)) f.Add(Warn("BenefitDecidedOn", "BenefitPeriodMayHaveEnded"));
    }

    private static void Count(List<Finding> f, string field, int count)
    {
        if (count > MaxEntries) f.Add(Err(field, ErrorCodes.TooManyChoices) with { Limit = MaxEntries });
    }

    private static void Req(List<Finding> f, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) f.Add(Miss(field));
        else Len(f, field, value, max);
    }

    private static void Len(List<Finding> f, string field, string? value, int max)
    {
        if (value is not null && value.Trim().Length > max) f.Add(new Finding(FindingLevel.Error, field, ErrorCodes.TooLong, max));
        else if (Text.HasInvalidCharacters(value)) f.Add(Err(field, ErrorCodes.InvalidCharacters));
    }

    private static Finding Err(string field, string code) => new(FindingLevel.Error, field, code);

    private static Finding Miss(string field) => new(FindingLevel.Error, field, ErrorCodes.Required) { Missing = true };

    private static Finding Warn(string field, string code) => new(FindingLevel.Warning, field, code);
}

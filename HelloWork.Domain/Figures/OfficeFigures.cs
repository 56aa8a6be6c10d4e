using HelloWork.Domain.Accounts;
using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Referrals;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Figures;

/// <summary>
/// One period's figures of an office (R-KPI-1..5). Definitions, each counted on the Japan date of its event:
/// <list type="bullet">
/// <item>OffersAccepted: offers accepted by the office (受理); OffersAcceptedOnline: of them, submitted from the employer mypage (R-JOB-7).
/// OnlineUsageRate = OffersAcceptedOnline / OffersAccepted (R-KPI-1, seed 000), null without acceptances.</item>
/// <item>EmployerMypagesOpened: establishments of the office opened from the mypage; JobseekerMypagesOpened: mypage accounts of jobseekers
/// whose home office is this office (R-KPI-2).</item>
/// <item>ReferralsProposed: online referrals sent. Referrals (紹介件数): referrals established — slips issued — online (on application) and at the
/// counter; OnlineReferrals: of them, online. SelfApplications: self-applications to the office's offers.</item>
/// <item>Placements (就職件数): hires registered in the period that came through this office's referrals, or by self-application to its offers.
/// FilledOffers (求人充足数, 受理地ベース): hires registered on offers the office accepted, however they applied.
/// ReferralRate (紹介率, 補助指標) = ReferredJobseekers / JobseekersInPeriod, in percent: the share of the office's registered jobseekers
/// who had at least one referral established in the period. ReferredJobseekers: distinct jobseekers registered at this office with a referral of
/// this office established in the period; JobseekersInPeriod: jobseekers registered at this office whose registration was valid during the period
/// (created before its end, valid until on or after its start), together with the referred ones (a person referred in the period was searching
/// then). Never above 100 % (docs/evaluation-indicators.md; it was referrals over today's valid registrations, which gave 182.7 %).</item>
/// <item>EarlyReemployments (雇用保険受給者の早期再就職件数, 主要指標): hires registered in the period of jobseekers registered at this office who hold a
/// 受給資格 decided on or before the hiring date and took the job with at least two thirds of the 所定給付日数 left (<see cref="IsEarlyReemployment"/>).</item>
/// <item>所重点指標 the data can count (seed 003): RegularOffers (正社員求人数: accepted offers of 正社員), RegularPlacements (正社員就職件数: placements
/// into 正社員 offers), DisabledPlacements (障害者の就職件数: placements of jobseekers with a disability recorded), SeniorPlacements (65歳以上の就職件数:
/// placements of people 65 or older on the hiring date, or on the result date without one).</item>
/// <item>HasData: the period has begun and at least one event of any figure happened in it; a month without data is shown as missing, never
/// as zero.</item>
/// <item>Results by channel (R-KPI-5): results registered on the office's offers, online by the employer or entered by staff, hires and non-hires
/// (辞退 counts as a non-hire).</item>
/// <item>AgencyPlacements (利用団体の採用決定数): hires that information-provision agencies reported on the office's offers (R-AGY-1), on the
/// Japan date of the hire.</item>
/// </list>
/// </summary>
public sealed record FigureSet(PeriodKind Period, DateOnly From, DateOnly To, int OffersAccepted, int OffersAcceptedOnline, decimal? OnlineUsageRate,
    int EmployerMypagesOpened, int JobseekerMypagesOpened, int ReferralsProposed, int Referrals, int OnlineReferrals, int SelfApplications,
    int Placements, int FilledOffers, decimal? ReferralRate, int ResultsOnlineHired, int ResultsOnlineNotHired, int ResultsStaffHired, int ResultsStaffNotHired,
    int AgencyPlacements, int EarlyReemployments, int ReferredJobseekers, int JobseekersInPeriod, bool HasData, int RegularOffers, int RegularPlacements,
    int DisabledPlacements, int SeniorPlacements)
{
    /// <summary>The period as the Japanese documents write it (the scorecard); pages write it in the reader's language.</summary>
    public string Label => OfficeFigures.PeriodLabel(Period, From);
}

/// <summary>What a row of figures covers: a month, a quarter or the whole of a fiscal year, or the year to the end of a month.</summary>
public enum PeriodKind
{
    Month = 0,
    Quarter = 1,
    Year = 2,
    YearToDate = 3,
}

/// <summary>A fiscal year (April to March) of an office: 12 months, 4 quarters, the year, and the year to the end of each month
/// (<see cref="ToDate"/>[0] = April, [11] = the year).</summary>
public sealed record OfficeYear(Guid OfficeId, string OfficeName, string OfficeCode, int FiscalYear, int ActiveJobseekers, int EmployerMypagesTotal,
    IReadOnlyList<FigureSet> Months, IReadOnlyList<FigureSet> Quarters, FigureSet Year, IReadOnlyList<FigureSet> ToDate);

/// <summary>The office's figures, computed from the rows themselves (R-KPI-1..5). Staff see their own office only (R-ACC-4).</summary>
public sealed partial class OfficeFigures(Operations ops)
{
    /// <summary>The fiscal year (年度, April–March) of a Japan date.</summary>
    public static int FiscalYearOf(DateOnly date) => date.Month >= 4 ? date.Year : date.Year - 1;

    /// <summary>Month index in the fiscal year: April = 0 … March = 11.</summary>
    public static int MonthIndex(DateOnly date) => (date.Month + 8) % 12;

    public static DateOnly MonthStart(int fiscalYear, int index) => new DateOnly(fiscalYear, 4, 1).AddMonths(index);

    public static string QuarterLabel(int fiscalYear, int quarter) => $"{fiscalYear}年度 第{quarter}四半期";

    /// <summary>A period starting on <paramref name="from"/> in Japanese, as the documents write it: 2026年11月, 2026年度 第3四半期, 2026年度,
    /// 年度累計.</summary>
    public static string PeriodLabel(PeriodKind period, DateOnly from) => period switch
    {
        PeriodKind.Month => JapanTime.Month(from, JapanTime.JapaneseCulture),
        PeriodKind.Quarter => QuarterLabel(FiscalYearOf(from), MonthIndex(from) / 3 + 1),
        PeriodKind.Year => $"{FiscalYearOf(from)}年度",
        _ => "年度累計",
    };

    public Task<OfficeYear> YearAsync(Actor actor, int fiscalYear, CancellationToken ct = default) => ForOfficeAsync(actor.RequireOffice(), fiscalYear, ct);

    /// <summary>The counts of any office: aggregates only, no personal data; callers decide who may see which office (R-ACC-4) and which
    /// months are published (R-EVAL-2).</summary>
    internal Task<OfficeYear> ForOfficeAsync(Guid officeId, int fiscalYear, CancellationToken ct = default) => ops.ReadAsync(async db =>
    {
        if (fiscalYear is < 2000 or > 2100)
        {
            throw new DomainException(ErrorCodes.OutOfRange, "FiscalYear");
        }
        var office = await db.Offices.FirstAsync(o => o.Id == officeId, ct);
        var start = JapanTime.StartOf(new DateOnly(fiscalYear, 4, 1));
        var end = JapanTime.StartOf(new DateOnly(fiscalYear + 1, 4, 1));
        var now = ops.Clock.GetUtcNow();
        var today = JapanTime.DateOf(now);

        var accepted = await db.JobOffers.Where(o => o.AcceptingOfficeId == officeId && o.AcceptedAt >= start && o.AcceptedAt < end)
            .Select(o => new { At = o.AcceptedAt!.Value, o.Channel, o.EmploymentType }).ToListAsync(ct);
        var employerMypages = await db.Establishments.Where(e => e.OfficeId == officeId && e.OpenedOnline && e.CreatedAt >= start && e.CreatedAt < end)
            .Select(e => e.CreatedAt).ToListAsync(ct);
        var employerTotal = await db.Establishments.CountAsync(e => e.OfficeId == officeId && e.OpenedOnline, ct);
        var jobseekerMypages = await (from u in db.Users
                                      join j in db.Jobseekers on u.JobseekerId equals j.Id
                                      where j.HomeOfficeId == officeId && u.CreatedAt >= start && u.CreatedAt < end
                                      select u.CreatedAt).ToListAsync(ct);
        var proposed = await db.Referrals.Where(r => r.OfficeId == officeId && r.Kind == ReferralKind.Online && r.SentAt >= start && r.SentAt < end)
            .Select(r => r.SentAt).ToListAsync(ct);
        var established = await db.Referrals.Where(r => r.OfficeId == officeId && r.EstablishedAt >= start && r.EstablishedAt < end)
            .Select(r => new { At = r.EstablishedAt!.Value, r.Kind, r.JobseekerId }).ToListAsync(ct);
        // 紹介率: the office's registered jobseekers, when their registration ran (R-EVAL-1).
        var registered = await db.Jobseekers.Where(j => j.HomeOfficeId == officeId && j.Tier == JobseekerTier.Full && j.CreatedAt < end
                && j.RegistrationValidUntil >= new DateOnly(fiscalYear, 4, 1))
            .Select(j => new { j.Id, j.CreatedAt, j.RegistrationValidUntil }).ToListAsync(ct);
        var homeJobseekers = (await db.Jobseekers.Where(j => j.HomeOfficeId == officeId && j.Tier == JobseekerTier.Full).Select(j => j.Id).ToListAsync(ct))
            .ToHashSet();
        // 早期再就職: hires of the office's jobseekers who hold a 受給資格.
        var benefitHires = await (from j in db.Jobseekers
                                  where j.HomeOfficeId == officeId && j.HoldsBenefit
                                  join a in db.Applications on j.Id equals a.JobseekerId
                                  where a.Status == ApplicationStatus.Hired && a.ResultRegisteredAt >= start && a.ResultRegisteredAt < end
                                  select new { At = a.ResultRegisteredAt!.Value, a.HiringDate, j.BenefitDecidedOn, j.BenefitPrescribedDays }).ToListAsync(ct);
        var selfApplications = await (from o in db.JobOffers
                                      where o.AcceptingOfficeId == officeId
                                      join a in db.Applications on o.Id equals a.JobOfferId
                                      where a.Method == ApplicationMethod.SelfApplication && a.AppliedAt >= start && a.AppliedAt < end
                                      select a.AppliedAt).ToListAsync(ct);
        // Results on the office's offers (filled, by channel, and placements without a referral or through this office's referrals) …
        var results = await (from o in db.JobOffers
                             where o.AcceptingOfficeId == officeId
                             join a in db.Applications on o.Id equals a.JobOfferId
                             where a.ResultRegisteredAt >= start && a.ResultRegisteredAt < end
                             join r in db.Referrals on a.ReferralId equals r.Id into refs
                             from r in refs.DefaultIfEmpty()
                             join j in db.Jobseekers on a.JobseekerId equals j.Id
                             select new
                             {
                                 At = a.ResultRegisteredAt!.Value, a.Status, a.ResultChannel, ReferralOffice = (Guid?)r.OfficeId, a.ReferralId,
                                 Hire = new Hire(a.ResultRegisteredAt!.Value, a.HiringDate, o.EmploymentType, j.HasDisability, j.BirthDate),
                             })
            .ToListAsync(ct);
        // … and hires through this office's referrals on other offices' offers.
        var otherHires = await (from r in db.Referrals
                                where r.OfficeId == officeId && r.ApplicationId != null
                                join a in db.Applications on r.ApplicationId equals a.Id
                                where a.Status == ApplicationStatus.Hired && a.ResultRegisteredAt >= start && a.ResultRegisteredAt < end
                                join o in db.JobOffers on a.JobOfferId equals o.Id
                                where o.AcceptingOfficeId != officeId
                                join j in db.Jobseekers on a.JobseekerId equals j.Id
                                select new Hire(a.ResultRegisteredAt!.Value, a.HiringDate, o.EmploymentType, j.HasDisability, j.BirthDate)).ToListAsync(ct);
        var agencyPlacements = await db.PlacementReports.Where(p => p.OfficeId == officeId && p.HiredOn >= new DateOnly(fiscalYear, 4, 1)
            && p.HiredOn < new DateOnly(fiscalYear + 1, 4, 1)).Select(p => p.HiredOn).ToListAsync(ct);
        var active = await db.Jobseekers.CountAsync(j => j.HomeOfficeId == officeId && j.Tier == JobseekerTier.Full && j.RegistrationActive
            && j.RegistrationValidUntil >= today, ct);

        var hires = results.Where(r => r.Status == ApplicationStatus.Hired).ToList();
        var placements = hires.Where(h => h.ReferralId is null || h.ReferralOffice == officeId).Select(h => h.Hire).Concat(otherHires).ToList();
        var events = new Events(
            accepted.Select(a => a.At), accepted.Where(a => a.Channel == OfferChannel.Online).Select(a => a.At), employerMypages, jobseekerMypages, proposed,
            established.Select(e => e.At), established.Where(e => e.Kind == ReferralKind.Online).Select(e => e.At), selfApplications,
            placements.Select(h => h.At), hires.Select(h => h.At),
            results.Where(r => r.ResultChannel == ResultChannel.EmployerOnline && r.Status == ApplicationStatus.Hired).Select(r => r.At),
            results.Where(r => r.ResultChannel == ResultChannel.EmployerOnline && r.Status != ApplicationStatus.Hired).Select(r => r.At),
            results.Where(r => r.ResultChannel == ResultChannel.StaffEntered && r.Status == ApplicationStatus.Hired).Select(r => r.At),
            results.Where(r => r.ResultChannel == ResultChannel.StaffEntered && r.Status != ApplicationStatus.Hired).Select(r => r.At),
            agencyPlacements.Select(JapanTime.StartOf),
            benefitHires.Where(h => IsEarlyReemployment(new BenefitEligibility(true, h.BenefitPrescribedDays, h.BenefitDecidedOn), h.HiringDate)).Select(h => h.At),
            established.Where(r => homeJobseekers.Contains(r.JobseekerId)).Select(r => (r.At, r.JobseekerId)),
            registered.Select(j => (JapanTime.DateOf(j.CreatedAt), j.RegistrationValidUntil, j.Id)),
            accepted.Where(a => a.EmploymentType == EmploymentType.Regular).Select(a => a.At),
            placements.Where(h => h.EmploymentType == EmploymentType.Regular).Select(h => h.At),
            placements.Where(h => h.Disabled).Select(h => h.At),
            placements.Where(h => h.AgeOnHire >= 65).Select(h => h.At));
        return Build(office, fiscalYear, active, employerTotal, events, today);
    }, ct);

    /// <summary>The event instants of one fiscal year, one sequence per figure.</summary>
    private sealed record Events(IEnumerable<DateTimeOffset> Accepted, IEnumerable<DateTimeOffset> AcceptedOnline, IEnumerable<DateTimeOffset> EmployerMypages,
        IEnumerable<DateTimeOffset> JobseekerMypages, IEnumerable<DateTimeOffset> Proposed, IEnumerable<DateTimeOffset> Referrals,
        IEnumerable<DateTimeOffset> OnlineReferrals, IEnumerable<DateTimeOffset> SelfApplications, IEnumerable<DateTimeOffset> Placements,
        IEnumerable<DateTimeOffset> Filled, IEnumerable<DateTimeOffset> OnlineHired, IEnumerable<DateTimeOffset> OnlineNotHired,
        IEnumerable<DateTimeOffset> StaffHired, IEnumerable<DateTimeOffset> StaffNotHired, IEnumerable<DateTimeOffset> AgencyPlacements,
        IEnumerable<DateTimeOffset> EarlyReemployments, IEnumerable<(DateTimeOffset At, Guid Jobseeker)> ReferredHome,
        IEnumerable<(DateOnly From, DateOnly Until, Guid Jobseeker)> Registered, IEnumerable<DateTimeOffset> RegularOffers,
        IEnumerable<DateTimeOffset> RegularPlacements, IEnumerable<DateTimeOffset> DisabledPlacements, IEnumerable<DateTimeOffset> SeniorPlacements);

    /// <summary>A placement with what the 所重点指標 ask of it.</summary>
    private sealed record Hire(DateTimeOffset At, DateOnly? HiringDate, EmploymentType EmploymentType, bool Disabled, DateOnly BirthDate)
    {
        public int AgeOnHire
        {
            get
            {
                var on = HiringDate ?? JapanTime.DateOf(At);
                var age = on.Year - BirthDate.Year;
                return BirthDate.AddYears(age) > on ? age - 1 : age;
            }
        }
    }

    /// <summary>
    /// 早期再就職 (R-EVAL-1, seed 003 主要指標 「雇用保険受給者の早期再就職件数」): the person held a 受給資格 decided on or before the hiring date and
    /// took the job with at least two thirds of the 所定給付日数 left. Days used = the days from the 受給資格決定日 to the day before the hiring
    /// date, less the 7 days of 待期 (雇用保険法第21条), never below zero; left = 所定給付日数 − used.
    /// </summary>
    public static bool IsEarlyReemployment(BenefitEligibility benefit, DateOnly? hiringDate)
    {
        if (!benefit.Holds || benefit.PrescribedDays is not { } days || benefit.DecidedOn is not { } decided || hiringDate is not { } hired || hired < decided)
        {
            return false;
        }
        var used = Math.Max(0, hired.DayNumber - decided.DayNumber - 7);
        return 3 * (days - used) >= 2 * days;
    }

    private static OfficeYear Build(Office office, int fy, int active, int employerTotal, Events e, DateOnly today)
    {
        var c = new[]
        {
            e.Accepted, e.AcceptedOnline, e.EmployerMypages, e.JobseekerMypages, e.Proposed, e.Referrals, e.OnlineReferrals, e.SelfApplications,
            e.Placements, e.Filled, e.OnlineHired, e.OnlineNotHired, e.StaffHired, e.StaffNotHired, e.AgencyPlacements, e.EarlyReemployments,
            e.RegularOffers, e.RegularPlacements, e.DisabledPlacements, e.SeniorPlacements,
        }.Select(ByMonth).ToArray();
        var referred = e.ReferredHome.Select(r => (Date: JapanTime.DateOf(r.At), r.Jobseeker)).ToList();
        var registered = e.Registered.ToList();
        FigureSet Set(PeriodKind period, int first, int count)
        {
            var s = c.Select(m => m.Skip(first).Take(count).Sum()).ToArray();
            var start = MonthStart(fy, first);
            var to = start.AddMonths(count).AddDays(-1);
            var referredIds = referred.Where(r => r.Date >= start && r.Date <= to).Select(r => r.Jobseeker).ToHashSet();
            var inPeriod = registered.Where(j => j.From <= to && j.Until >= start).Select(j => j.Jobseeker).ToHashSet();
            inPeriod.UnionWith(referredIds);
            var hasData = start <= today && Enumerable.Range(first, count).Any(i => c.Any(m => m[i] > 0));
            return new FigureSet(period, start, to, s[0], s[1], Rate(s[1], s[0]), s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9],
                Rate(referredIds.Count, inPeriod.Count), s[10], s[11], s[12], s[13], s[14], s[15], referredIds.Count, inPeriod.Count, hasData,
                s[16], s[17], s[18], s[19]);
        }
        var months = Enumerable.Range(0, 12).Select(i => Set(PeriodKind.Month, i, 1)).ToList();
        var quarters = Enumerable.Range(0, 4).Select(q => Set(PeriodKind.Quarter, q * 3, 3)).ToList();
        var toDate = Enumerable.Range(0, 12).Select(i => Set(PeriodKind.YearToDate, 0, i + 1)).ToList();
        return new OfficeYear(office.Id, office.Name, office.Code, fy, active, employerTotal, months, quarters, Set(PeriodKind.Year, 0, 12), toDate);
    }

    /// <summary>How many of the instants fall in each month of the fiscal year (index <see cref="MonthIndex"/>), by the Japan date.</summary>
    private static int[] ByMonth(IEnumerable<DateTimeOffset> instants)
    {
        var months = new int[12];
        foreach (var t in instants)
        {
            months[MonthIndex(JapanTime.DateOf(t))]++;
        }
        return months;
    }

    /// <summary>A percentage with one decimal, null when the denominator is zero.</summary>
    public static decimal? Rate(int part, int whole) => whole == 0 ? null : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);
}

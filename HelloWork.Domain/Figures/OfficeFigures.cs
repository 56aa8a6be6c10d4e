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
/// ReferralRate (紹介率) = Referrals / the office's jobseekers with a valid full registration (有効求職者), in percent.</item>
/// <item>Results by channel (R-KPI-5): results registered on the office's offers, online by the employer or entered by staff, hires and non-hires
/// (辞退 counts as a non-hire).</item>
/// <item>AgencyPlacements (利用団体の採用決定数): hires that information-provision agencies reported on the office's offers (R-AGY-1), on the
/// Japan date of the hire.</item>
/// </list>
/// </summary>
public sealed record FigureSet(string Label, DateOnly From, DateOnly To, int OffersAccepted, int OffersAcceptedOnline, decimal? OnlineUsageRate,
    int EmployerMypagesOpened, int JobseekerMypagesOpened, int ReferralsProposed, int Referrals, int OnlineReferrals, int SelfApplications,
    int Placements, int FilledOffers, decimal? ReferralRate, int ResultsOnlineHired, int ResultsOnlineNotHired, int ResultsStaffHired, int ResultsStaffNotHired,
    int AgencyPlacements);

/// <summary>A fiscal year (April to March) of an office: 12 months, 4 quarters and the year.</summary>
public sealed record OfficeYear(Guid OfficeId, string OfficeName, string OfficeCode, int FiscalYear, int ActiveJobseekers, int EmployerMypagesTotal,
    IReadOnlyList<FigureSet> Months, IReadOnlyList<FigureSet> Quarters, FigureSet Year);

/// <summary>The office's figures, computed from the rows themselves (R-KPI-1..5). Staff see their own office only (R-ACC-4).</summary>
public sealed class OfficeFigures(Operations ops)
{
    /// <summary>The fiscal year (年度, April–March) of a Japan date.</summary>
    public static int FiscalYearOf(DateOnly date) => date.Month >= 4 ? date.Year : date.Year - 1;

    /// <summary>Month index in the fiscal year: April = 0 … March = 11.</summary>
    public static int MonthIndex(DateOnly date) => (date.Month + 8) % 12;

    public static DateOnly MonthStart(int fiscalYear, int index) => new DateOnly(fiscalYear, 4, 1).AddMonths(index);

    public static string QuarterLabel(int fiscalYear, int quarter) => $"{fiscalYear}年度 第{quarter}四半期";

    public Task<OfficeYear> YearAsync(Actor actor, int fiscalYear, CancellationToken ct = default) => ops.ReadAsync(async db =>
    {
        var officeId = actor.RequireOffice();
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
            .Select(o => new { At = o.AcceptedAt!.Value, o.Channel }).ToListAsync(ct);
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
            .Select(r => new { At = r.EstablishedAt!.Value, r.Kind }).ToListAsync(ct);
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
                             select new { At = a.ResultRegisteredAt!.Value, a.Status, a.ResultChannel, ReferralOffice = (Guid?)r.OfficeId, a.ReferralId })
            .ToListAsync(ct);
        // … and hires through this office's referrals on other offices' offers.
        var otherHires = await (from r in db.Referrals
                                where r.OfficeId == officeId && r.ApplicationId != null
                                join a in db.Applications on r.ApplicationId equals a.Id
                                where a.Status == ApplicationStatus.Hired && a.ResultRegisteredAt >= start && a.ResultRegisteredAt < end
                                join o in db.JobOffers on a.JobOfferId equals o.Id
                                where o.AcceptingOfficeId != officeId
                                select a.ResultRegisteredAt!.Value).ToListAsync(ct);
        var agencyPlacements = await db.PlacementReports.Where(p => p.OfficeId == officeId && p.HiredOn >= new DateOnly(fiscalYear, 4, 1)
            && p.HiredOn < new DateOnly(fiscalYear + 1, 4, 1)).Select(p => p.HiredOn).ToListAsync(ct);
        var active = await db.Jobseekers.CountAsync(j => j.HomeOfficeId == officeId && j.Tier == JobseekerTier.Full && j.RegistrationActive
            && j.RegistrationValidUntil >= today, ct);

        var hires = results.Where(r => r.Status == ApplicationStatus.Hired).ToList();
        var events = new Events(
            accepted.Select(a => a.At), accepted.Where(a => a.Channel == OfferChannel.Online).Select(a => a.At), employerMypages, jobseekerMypages, proposed,
            established.Select(e => e.At), established.Where(e => e.Kind == ReferralKind.Online).Select(e => e.At), selfApplications,
            hires.Where(h => h.ReferralId is null || h.ReferralOffice == officeId).Select(h => h.At).Concat(otherHires), hires.Select(h => h.At),
            results.Where(r => r.ResultChannel == ResultChannel.EmployerOnline && r.Status == ApplicationStatus.Hired).Select(r => r.At),
            results.Where(r => r.ResultChannel == ResultChannel.EmployerOnline && r.Status != ApplicationStatus.Hired).Select(r => r.At),
            results.Where(r => r.ResultChannel == ResultChannel.StaffEntered && r.Status == ApplicationStatus.Hired).Select(r => r.At),
            results.Where(r => r.ResultChannel == ResultChannel.StaffEntered && r.Status != ApplicationStatus.Hired).Select(r => r.At),
            agencyPlacements.Select(JapanTime.StartOf));
        return Build(office, fiscalYear, active, employerTotal, events);
    }, ct);

    /// <summary>The event instants of one fiscal year, one sequence per figure.</summary>
    private sealed record Events(IEnumerable<DateTimeOffset> Accepted, IEnumerable<DateTimeOffset> AcceptedOnline, IEnumerable<DateTimeOffset> EmployerMypages,
        IEnumerable<DateTimeOffset> JobseekerMypages, IEnumerable<DateTimeOffset> Proposed, IEnumerable<DateTimeOffset> Referrals,
        IEnumerable<DateTimeOffset> OnlineReferrals, IEnumerable<DateTimeOffset> SelfApplications, IEnumerable<DateTimeOffset> Placements,
        IEnumerable<DateTimeOffset> Filled, IEnumerable<DateTimeOffset> OnlineHired, IEnumerable<DateTimeOffset> OnlineNotHired,
        IEnumerable<DateTimeOffset> StaffHired, IEnumerable<DateTimeOffset> StaffNotHired, IEnumerable<DateTimeOffset> AgencyPlacements);

    private static OfficeYear Build(Office office, int fy, int active, int employerTotal, Events e)
    {
        int[] B(IEnumerable<DateTimeOffset> instants)
        {
            var months = new int[12];
            foreach (var t in instants)
            {
                months[MonthIndex(JapanTime.DateOf(t))]++;
            }
            return months;
        }
        var c = new[]
        {
            B(e.Accepted), B(e.AcceptedOnline), B(e.EmployerMypages), B(e.JobseekerMypages), B(e.Proposed), B(e.Referrals), B(e.OnlineReferrals),
            B(e.SelfApplications), B(e.Placements), B(e.Filled), B(e.OnlineHired), B(e.OnlineNotHired), B(e.StaffHired), B(e.StaffNotHired),
            B(e.AgencyPlacements),
        };
        FigureSet Set(string label, int first, int count)
        {
            var s = c.Select(m => m.Skip(first).Take(count).Sum()).ToArray();
            var start = MonthStart(fy, first);
            return new FigureSet(label, start, start.AddMonths(count).AddDays(-1), s[0], s[1], Rate(s[1], s[0]), s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9],
                Rate(s[5], active), s[10], s[11], s[12], s[13], s[14]);
        }
        var months = Enumerable.Range(0, 12).Select(i => Set($"{MonthStart(fy, i).Year}年{MonthStart(fy, i).Month}月", i, 1)).ToList();
        var quarters = Enumerable.Range(0, 4).Select(q => Set(QuarterLabel(fy, q + 1), q * 3, 3)).ToList();
        return new OfficeYear(office.Id, office.Name, office.Code, fy, active, employerTotal, months, quarters, Set($"{fy}年度", 0, 12));
    }

    /// <summary>A percentage with one decimal, null when the denominator is zero.</summary>
    public static decimal? Rate(int part, int whole) => whole == 0 ? null : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);
}

using HelloWork.Domain.Applications;
using HelloWork.Domain.Audit;
using HelloWork.Domain.Common;
using HelloWork.Domain.Referrals;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Figures;

/// <summary>
/// One staff member's own work in a period (seed 003: each member sees their own work, a supervisor the office, the bureau its
/// prefecture; R-KPI-1..5). Each counted on the Japan date of its event, over the member's own records at their present office (so
/// the member's figures are a part of the office's):
/// <list type="bullet">
/// <item>ReferralsProposed: online referrals the member sent. Referrals: the member's referrals established (slips issued), online
/// and at the counter; OnlineReferrals: of them, online.</item>
/// <item>Placements: hires registered in the period that came through the member's referrals.</item>
/// <item>ResultsEntered: selection results the member entered for an employer (代理入力), from the audit trail.</item>
/// <item>HasData: the period has begun and something of the member's happened in it; a month without data is missing, not zero.</item>
/// </list>
/// </summary>
public sealed record StaffWorkSet(PeriodKind Period, DateOnly From, DateOnly To, int ReferralsProposed, int Referrals, int OnlineReferrals,
    int Placements, int ResultsEntered, bool HasData);

/// <summary>A fiscal year of one staff member's own work: 12 months and the year.</summary>
public sealed record StaffWorkYear(string StaffName, int FiscalYear, IReadOnlyList<StaffWorkSet> Months, StaffWorkSet Year);

public sealed partial class OfficeFigures
{
    /// <summary>The signed-in staff member's own work (R-ACC-4: only staff, only their own records).</summary>
    public Task<StaffWorkYear> OwnWorkAsync(Actor actor, int fiscalYear, CancellationToken ct = default) => ops.ReadAsync(async db =>
    {
        var officeId = actor.RequireOffice();
        if (fiscalYear is < 2000 or > 2100)
        {
            throw new DomainException(ErrorCodes.OutOfRange, "FiscalYear");
        }
        var me = actor.UserId;
        var start = JapanTime.StartOf(new DateOnly(fiscalYear, 4, 1));
        var end = JapanTime.StartOf(new DateOnly(fiscalYear + 1, 4, 1));
        var today = JapanTime.DateOf(ops.Clock.GetUtcNow());

        var proposed = await db.Referrals.Where(r => r.StaffUserId == me && r.OfficeId == officeId && r.Kind == ReferralKind.Online && r.SentAt >= start && r.SentAt < end)
            .Select(r => r.SentAt).ToListAsync(ct);
        var established = await db.Referrals.Where(r => r.StaffUserId == me && r.OfficeId == officeId && r.EstablishedAt >= start && r.EstablishedAt < end)
            .Select(r => new { At = r.EstablishedAt!.Value, r.Kind }).ToListAsync(ct);
        var placements = await (from r in db.Referrals
                                where r.StaffUserId == me && r.OfficeId == officeId && r.ApplicationId != null
                                join a in db.Applications on r.ApplicationId equals a.Id
                                where a.Status == ApplicationStatus.Hired && a.ResultRegisteredAt >= start && a.ResultRegisteredAt < end
                                select a.ResultRegisteredAt!.Value).ToListAsync(ct);
        var entered = await db.AuditEntries.Where(a => a.ActorUserId == me && a.Action == AuditActions.ResultRegistered && a.At >= start && a.At < end)
            .Select(a => a.At).ToListAsync(ct);

        var counts = new[]
        {
            ByMonth(proposed), ByMonth(established.Select(e => e.At)), ByMonth(established.Where(e => e.Kind == ReferralKind.Online).Select(e => e.At)),
            ByMonth(placements), ByMonth(entered),
        };
        StaffWorkSet Set(PeriodKind period, int first, int count)
        {
            var s = counts.Select(m => m.Skip(first).Take(count).Sum()).ToArray();
            var from = MonthStart(fiscalYear, first);
            var hasData = from <= today && s.Any(n => n > 0);
            return new StaffWorkSet(period, from, from.AddMonths(count).AddDays(-1), s[0], s[1], s[2], s[3], s[4], hasData);
        }
        var months = Enumerable.Range(0, 12).Select(i => Set(PeriodKind.Month, i, 1)).ToList();
        return new StaffWorkYear(actor.Name, fiscalYear, months, Set(PeriodKind.Year, 0, 12));
    }, ct);
}

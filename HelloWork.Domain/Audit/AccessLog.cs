using HelloWork.Domain.Accounts;
using HelloWork.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Audit;

/// <summary>Who, as a jobseeker is shown it: the organisation, never a staff member's name (as public offices answer a
/// 保有個人情報 request): an office's staff, an establishment, an agency, the system itself, or the administrator.</summary>
public enum AccessorKind
{
    Staff = 0,
    Employer = 1,
    Agency = 2,
    System = 3,
    Admin = 4,
}

/// <summary>One entry of "who saw my data": when, which organisation, and the audit action (translated by the page).</summary>
public sealed record AccessLogRow(long Id, DateTimeOffset At, AccessorKind Kind, string? Organisation, string Action);

public sealed record AccessLogResult(IReadOnlyList<AccessLogRow> Rows, int Total);

/// <summary>
/// The jobseeker's own view of the audit log (R-AUD-1): every entry about their data written by someone else — staff views
/// and referrals, employers' views of their application and documents, agencies' receipt of their provided profile, and the system's
/// deletions — newest first, paged. Their own actions are not listed (they did them). Only the caller's entries (R-ACC-4).
/// </summary>
public sealed class AccessLog(Operations ops)
{
    public const int MaxPageSize = 100;

    /// <summary>Repeated renders of one page (prerender, then the interactive render; live refreshes) count as one view.</summary>
    public static readonly TimeSpan SameViewWindow = TimeSpan.FromMinutes(1);

    /// <summary>Records a view of a jobseeker's data by <see cref="Work.Actor"/>, unless the same person recorded the same view of the
    /// same subject within <see cref="SameViewWindow"/> (R-AUD-1: the log says who looked and when, not how often a page re-rendered).</summary>
    public static async Task RecordViewAsync(Work w, string action, string subjectType, Guid subjectId, Guid? jobseekerId, CancellationToken ct)
    {
        Guid? userId = w.Actor.UserId == Guid.Empty ? null : w.Actor.UserId;
        var since = w.Now - SameViewWindow;
        if (!await w.Db.AuditEntries.AnyAsync(a => a.SubjectId == subjectId && a.Action == action && a.ActorUserId == userId && a.At > since, ct))
        {
            w.Audit(action, subjectType, subjectId, jobseekerId);
        }
    }

    public Task<AccessLogResult> PageAsync(Actor actor, int page, int pageSize, CancellationToken ct = default)
    {
        var jobseekerId = actor.RequireJobseeker();
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        var skip = Math.Max(0, page) * size;
        return ops.ReadAsync(async db =>
        {
            var q = db.AuditEntries.Where(a => a.JobseekerId == jobseekerId && a.ActorRole != Roles.Jobseeker);
            var total = await q.CountAsync(ct);
            var rows = await (from a in q
                              join u in db.Users on a.ActorUserId equals u.Id into us
                              from u in us.DefaultIfEmpty()
                              orderby a.At descending, a.Id descending
                              select new
                              {
                                  a.Id, a.At, a.ActorRole, a.Action, a.OfficeId, a.SubjectType, a.SubjectId,
                                  UserOffice = u != null ? u.OfficeId : null,
                                  UserEstablishment = u != null ? u.EstablishmentId : null,
                                  UserAgency = u != null ? u.AgencyId : null,
                              }).Skip(skip).Take(size).ToListAsync(ct);
            var officeIds = rows.Select(r => r.UserOffice ?? r.OfficeId).OfType<Guid>().Distinct().ToList();
            var establishmentIds = rows.Select(r => r.UserEstablishment).OfType<Guid>().Distinct().ToList();
            var agencyIds = rows.Select(r => r.UserAgency ?? (r.SubjectType == "Agency" ? r.SubjectId : null)).OfType<Guid>().Distinct().ToList();
            var offices = await db.Offices.Where(o => officeIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
            var establishments = await db.Establishments.Where(e => establishmentIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
            var agencies = await db.Agencies.Where(g => agencyIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, ct);
            var result = rows.Select(r =>
            {
                var (kind, organisation) = r.ActorRole switch
                {
                    Roles.Staff => (AccessorKind.Staff, (r.UserOffice ?? r.OfficeId) is { } o ? offices.GetValueOrDefault(o) : null),
                    Roles.Employer => (AccessorKind.Employer, r.UserEstablishment is { } e ? establishments.GetValueOrDefault(e) : null),
                    Roles.Agency => (AccessorKind.Agency, (r.UserAgency ?? (r.SubjectType == "Agency" ? r.SubjectId : null)) is { } g ? agencies.GetValueOrDefault(g) : null),
                    Roles.Admin => (AccessorKind.Admin, null),
                    _ => (AccessorKind.System, (string?)null),
                };
                return new AccessLogRow(r.Id, r.At, kind, organisation, r.Action);
            }).ToList();
            return new AccessLogResult(result, total);
        }, ct);
    }
}

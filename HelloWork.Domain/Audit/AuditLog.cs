using HelloWork.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Audit;

/// <summary>Filters of the audit log: a person (staff, employer user or jobseeker: name, e-mail or jobseeker number), an offer (job number or
/// title) and a Japan date range.</summary>
public sealed record AuditFilter(string? Person = null, string? Offer = null, DateOnly? From = null, DateOnly? To = null);

public sealed record AuditRow(long Id, DateTimeOffset At, string ActorName, string ActorRole, string Action, string SubjectType, Guid SubjectId,
    string? JobseekerName, string? Detail);

/// <summary>
/// The audit log of an office for its supervisors (R-AUD-1): what the office's staff did and every entry about the office's jobseekers
/// and offers. Reading it is itself recorded.
/// </summary>
public sealed class AuditLog(Operations ops)
{
    public const int MaxRows = 500;

    public Task<IReadOnlyList<AuditRow>> SearchAsync(Actor actor, AuditFilter filter, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var officeId = actor.RequireOffice();
        if (!actor.IsSupervisor)
        {
            throw new ScopeException("audit log");
        }
        var db = w.Db;
        var officeJobseekers = db.Jobseekers.Where(j => j.HomeOfficeId == officeId).Select(j => (Guid?)j.Id);
        var officeOffers = db.JobOffers.Where(o => o.AcceptingOfficeId == officeId
            || db.Establishments.Any(e => e.Id == o.EstablishmentId && e.OfficeId == officeId)).Select(o => o.Id);
        var q = db.AuditEntries.AsNoTracking().Where(a => a.OfficeId == officeId || officeJobseekers.Contains(a.JobseekerId) || officeOffers.Contains(a.SubjectId));

        if (Text.Optional(filter.Person, "Person", 100) is { } person)
        {
            var users = db.Users.Where(u => u.DisplayName.Contains(person) || u.Email!.Contains(person)).Select(u => (Guid?)u.Id);
            var seekers = db.Jobseekers.Where(j => j.Name.Contains(person) || j.Kana.Contains(person) || j.JobseekerNumber == person
                || db.Users.Any(u => u.JobseekerId == j.Id && u.Email!.Contains(person))).Select(j => (Guid?)j.Id);
            q = q.Where(a => users.Contains(a.ActorUserId) || seekers.Contains(a.JobseekerId));
        }
        if (Text.Optional(filter.Offer, "Offer", 100) is { } offer)
        {
            var offers = db.JobOffers.Where(o => o.JobNumber == offer || o.Title.Contains(offer)).Select(o => o.Id);
            var referrals = db.Referrals.Where(r => offers.Contains(r.JobOfferId)).Select(r => r.Id);
            var applications = db.Applications.Where(x => offers.Contains(x.JobOfferId)).Select(x => x.Id);
            q = q.Where(a => offers.Contains(a.SubjectId) || referrals.Contains(a.SubjectId) || applications.Contains(a.SubjectId));
        }
        if (filter.From is { } from)
        {
            var start = JapanTime.StartOf(from);
            q = q.Where(a => a.At >= start);
        }
        if (filter.To is { } to)
        {
            var end = JapanTime.EndOf(to);
            q = q.Where(a => a.At < end);
        }
        if (filter.From > filter.To)
        {
            throw new DomainException(ErrorCodes.RangeReversed, "To");
        }
        var rows = await (from a in q
                          join u in db.Users on a.ActorUserId equals u.Id into us
                          from u in us.DefaultIfEmpty()
                          join j in db.Jobseekers on a.JobseekerId equals j.Id into js
                          from j in js.DefaultIfEmpty()
                          orderby a.At descending, a.Id descending
                          select new AuditRow(a.Id, a.At, u != null ? u.DisplayName : "system", a.ActorRole, a.Action, a.SubjectType, a.SubjectId,
                              j != null ? j.Name : null, a.Detail)).Take(MaxRows).ToListAsync(ct);
        w.Audit(AuditActions.AuditLogViewed, "Office", officeId, detail: $"{filter.Person}|{filter.Offer}|{filter.From}|{filter.To}");
        return (IReadOnlyList<AuditRow>)rows;
    }, ct);
}

/// <summary>Records a staff view of personal data that is not itself an operation, e.g. opening the referral board (R-AUD-1).</summary>
public sealed class AuditTrail(Operations ops)
{
    public Task RecordViewAsync(Actor actor, string action, string subjectType, Guid subjectId, Guid? jobseekerId = null, CancellationToken ct = default)
    {
        actor.RequireOffice();
        // The same rule as every other recorded view: a page's prerender and interactive render are one view.
        return ops.RunAsync(actor, w => AccessLog.RecordViewAsync(w, action, subjectType, subjectId, jobseekerId, ct), ct);
    }
}

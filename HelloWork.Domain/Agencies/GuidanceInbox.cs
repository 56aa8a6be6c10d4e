using HelloWork.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Agencies;

public sealed record GuidanceItem(Guid Id, bool FromJobseeker, string Body, DateTimeOffset SentAt);

public sealed record GuidanceThread(Guid AgencyId, string AgencyName, AgencyKind Kind, bool Refused, IReadOnlyList<GuidanceItem> Messages);

/// <summary>One thread as the agency sees it: the person only by the agency's own token (R-AGY-2), whether the jobseeker refused
/// further messages, and whether the agency may answer (the jobseeker wrote, did not refuse, and consent still covers the agency).</summary>
public sealed record AgencyGuidanceThread(string Token, bool Refused, bool Covered, IReadOnlyList<GuidanceItem> Messages)
{
    public bool CanAnswer => Covered && !Refused && Messages.Any(m => m.FromJobseeker);
}

/// <summary>Guidance threads (R-AGY-3, seed 003 ④): one per agency and jobseeker, seen from both sides. Opening one's side marks
/// the other side's messages read.</summary>
public sealed class GuidanceInbox(Operations ops, OpaqueTokens tokens)
{
    /// <summary>The jobseeker's threads, one per agency, newest first.</summary>
    public Task<List<GuidanceThread>> ThreadsAsync(Actor actor, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var jobseekerId = actor.RequireJobseeker();
        var messages = await w.Db.GuidanceMessages.Where(m => m.JobseekerId == jobseekerId).OrderBy(m => m.SentAt).ToListAsync(ct);
        var agencyIds = messages.Select(m => m.AgencyId).Distinct().ToList();
        var agencies = await w.Db.Agencies.Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var refused = await w.Db.AgencyRefusals.Where(r => r.JobseekerId == jobseekerId).Select(r => r.AgencyId).ToListAsync(ct);
        foreach (var m in messages.Where(m => !m.FromJobseeker))
        {
            m.MarkRead(w.Now);
        }
        return messages.GroupBy(m => m.AgencyId).Select(g => new GuidanceThread(g.Key, agencies[g.Key].Name, agencies[g.Key].Kind, refused.Contains(g.Key),
            g.Select(m => new GuidanceItem(m.Id, m.FromJobseeker, m.Body, m.SentAt)).ToList())).OrderByDescending(t => t.Messages[^1].SentAt).ToList();
    }, ct);

    /// <summary>The agency's threads, newest first, each named by the agency's own token for the person (never another agency's,
    /// never the database id). The jobseeker's replies are marked read.</summary>
    public async Task<List<AgencyGuidanceThread>> AgencyThreadsAsync(Actor actor, CancellationToken ct = default)
    {
        var agencyId = actor.RequireAgency();
        var scope = await tokens.ForAsync(TokenHolder.Agency, agencyId, ct);
        return await ops.RunAsync(actor, async w =>
        {
            var agency = await w.Db.Agencies.FirstAsync(a => a.Id == agencyId, ct);
            var messages = await w.Db.GuidanceMessages.Where(m => m.AgencyId == agencyId).OrderBy(m => m.SentAt).ToListAsync(ct);
            var people = messages.Select(m => m.JobseekerId).Distinct().ToList();
            var refused = await w.Db.AgencyRefusals.Where(r => r.AgencyId == agencyId && people.Contains(r.JobseekerId)).Select(r => r.JobseekerId).ToListAsync(ct);
            var covered = agency.Status == AgencyStatus.Approved
                ? await Provision.Covered(w.Db, agency).Where(j => people.Contains(j.Id)).Select(j => j.Id).ToListAsync(ct)
                : [];
            foreach (var m in messages.Where(m => m.FromJobseeker))
            {
                m.MarkRead(w.Now);
            }
            return messages.GroupBy(m => m.JobseekerId)
                .Select(g => new AgencyGuidanceThread(scope.Issue(g.Key), refused.Contains(g.Key), covered.Contains(g.Key),
                    g.Select(m => new GuidanceItem(m.Id, m.FromJobseeker, m.Body, m.SentAt)).ToList()))
                .OrderByDescending(t => t.Messages[^1].SentAt).ToList();
        }, ct);
    }
}

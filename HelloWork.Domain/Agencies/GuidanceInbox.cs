using HelloWork.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Agencies;

public sealed record GuidanceItem(Guid Id, bool FromJobseeker, string Body, DateTimeOffset SentAt);

public sealed record GuidanceThread(Guid AgencyId, string AgencyName, AgencyKind Kind, bool Refused, IReadOnlyList<GuidanceItem> Messages);

/// <summary>The jobseeker's guidance messages from agencies, one thread per agency (R-AGY-3); incoming ones are marked read.</summary>
public sealed class GuidanceInbox(Operations ops)
{
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
}

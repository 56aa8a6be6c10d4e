using HelloWork.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Notices;

/// <summary>A stored notice as its reader lists it: data (kind, subject, arguments) that the web renders (R-NTC-1).</summary>
public sealed record NoticeView(Guid Id, string Recipient, long Seq, NoticeKind Kind, Guid? SubjectId, IReadOnlyDictionary<string, string> Args,
    DateTimeOffset CreatedAt, bool IsRead);

/// <summary>Reading notices (R-NTC-1) and catching up by sequence number after a reconnect (R-LIVE-2).</summary>
public sealed class NoticeService(Operations ops, ILiveBus bus)
{
    /// <summary>The recipient keys a person reads: their own, and their establishment's, office's or agency's, or the administrators'.</summary>
    public static IReadOnlyList<string> RecipientsOf(Actor actor)
    {
        var keys = new List<string> { Recipients.User(actor.UserId) };
        if (actor.IsEmployer) keys.Add(Recipients.Establishment(actor.EstablishmentId!.Value));
        if (actor.IsStaff) keys.Add(Recipients.Office(actor.OfficeId!.Value));
        if (actor.IsAgency) keys.Add(Recipients.Agency(actor.AgencyId!.Value));
        if (actor.IsAdmin) keys.Add(Recipients.Admins);
        if (actor.IsBureau) keys.Add(Recipients.Bureau(actor.Prefecture!));
        return keys;
    }

    /// <summary>The topics a person's pages listen to (<see cref="Topics"/>): signals only, never notices to read.</summary>
    public static IReadOnlyList<string> TopicsOf(Actor actor) => actor.IsJobseeker || actor.IsStaff ? [Topics.Bookings] : [];

    /// <summary>The keys whose notices the bell and the notice list show: the administrators' key carries page signals (the mail
    /// queue changed), live and caught up like any notice, but nothing a person reads.</summary>
    private static List<string> BellOf(Actor actor) => [.. RecipientsOf(actor).Where(k => k != Recipients.Admins)];

    public Task<int> UnreadCountAsync(Actor actor, CancellationToken ct = default)
    {
        var keys = BellOf(actor);
        return ops.ReadAsync(db => db.Notices.CountAsync(n => keys.Contains(n.Recipient) && n.ReadAt == null, ct), ct);
    }

    public async Task<List<NoticeView>> ListAsync(Actor actor, int take = 50, CancellationToken ct = default)
    {
        var keys = BellOf(actor);
        var rows = await ops.ReadAsync(db => db.Notices.Where(n => keys.Contains(n.Recipient))
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Seq).Take(Math.Clamp(take, 1, 200))
            .Select(n => new { n.Id, n.Recipient, n.Seq, n.Kind, n.SubjectId, n.Args, n.CreatedAt, IsRead = n.ReadAt != null })
            .ToListAsync(ct), ct);
        return [.. rows.Select(n => new NoticeView(n.Id, n.Recipient, n.Seq, n.Kind, n.SubjectId, NoticeArg.Read(n.Args), n.CreatedAt, n.IsRead))];
    }

    /// <summary>Everything after <paramref name="afterSeq"/> for one recipient the actor may read, in order (R-LIVE-2).</summary>
    public async Task<List<LiveNotice>> SinceAsync(Actor actor, string recipient, long afterSeq, int take = 1000, CancellationToken ct = default)
    {
        if (!RecipientsOf(actor).Contains(recipient))
        {
            throw new ScopeException("notices of " + recipient);
        }
        var rows = await ops.ReadAsync(db => db.Notices.Where(n => n.Recipient == recipient && n.Seq > afterSeq).OrderBy(n => n.Seq).Take(take)
            .ToListAsync(ct), ct);
        return [.. rows.Select(LiveNotice.From)];
    }

    /// <summary>Marks one notice read; every open bell of its recipient reloads its unread count (R-NTC-1).</summary>
    public async Task MarkReadAsync(Actor actor, Guid noticeId, CancellationToken ct = default)
    {
        var recipient = await ops.RunAsync(actor, async w =>
        {
            var keys = RecipientsOf(actor);
            var notice = await w.Db.Notices.FirstOrDefaultAsync(n => n.Id == noticeId && keys.Contains(n.Recipient), ct)
                ?? throw new ScopeException("notice");
            notice.MarkRead(w.Now);
            return notice.Recipient;
        }, ct);
        await bus.PublishAsync([LiveNotice.ReadSignal(recipient, ops.Clock.GetUtcNow())], CancellationToken.None);
    }

    public async Task MarkAllReadAsync(Actor actor, CancellationToken ct = default)
    {
        var recipients = await ops.RunAsync(actor, async w =>
        {
            var keys = BellOf(actor);
            var now = w.Now;
            var unread = await w.Db.Notices.Where(n => keys.Contains(n.Recipient) && n.ReadAt == null).ToListAsync(ct);
            unread.ForEach(n => n.MarkRead(now));
            return unread.Select(n => n.Recipient).Distinct().ToList();
        }, ct);
        if (recipients.Count > 0)
        {
            await bus.PublishAsync([.. recipients.Select(r => LiveNotice.ReadSignal(r, ops.Clock.GetUtcNow()))], CancellationToken.None);
        }
    }

    /// <summary>The last sequence number of a recipient the actor may read (0 when none): where a live listener starts.</summary>
    public Task<long> LastSeqAsync(Actor actor, string recipient, CancellationToken ct = default)
    {
        if (!RecipientsOf(actor).Contains(recipient))
        {
            throw new ScopeException("notices of " + recipient);
        }
        return ops.ReadAsync(db => db.NoticeCounters.Where(c => c.Recipient == recipient).Select(c => c.LastSeq).FirstOrDefaultAsync(ct), ct);
    }
}

using HelloWork.Domain.Data;
using HelloWork.Domain.Mail;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Web.Mail;

/// <summary>
/// Sends what is due in the mail outbox (R-MAIL-1). One round: pick due rows, claim them with one conditional UPDATE that writes
/// this round's lease (a row whose lease is held by another node is not taken: on PostgreSQL the UPDATE re-reads the row after
/// the other node's commit and skips it, on SQLite writers run one at a time), send them on one SMTP connection, and mark the
/// sent rows in groups of <see cref="MarkEvery"/> with one UPDATE each (rather than a database round trip and, on SQLite, a
/// commit per mail). A node that dies after a send and before its group's mark leaves those
/// rows leased; when the lease ends they are sent again with the same Message-Id, so the receiver keeps one. Temporary failures
/// go back with a growing backoff; after <see cref="OutboxMail.MaxAttempts"/> the row is Failed, a permanent refusal Bounced:
/// both show on the admin page, which each round that changed something tells (<see cref="MailQueueSignal"/>).
/// </summary>
public sealed class MailDispatcher(IDbContextFactory<HelloWorkDb> factory, TimeProvider clock, MailSender sender, MailRenderer renderer,
    MailSettings settings, Notices.NoticeRenderer notices, MailQueueSignal signal)
{
    /// <summary>Sent rows are marked in groups of this many (and at the end of the round).</summary>
    public const int MarkEvery = 25;

    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var claim = Guid.NewGuid().ToString("N");
        await using var db = await factory.CreateDbContextAsync(ct);
        var due = await db.OutboxMails
            .Where(m => m.Status == MailStatus.Pending && m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil < now))
            .OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(Math.Max(1, settings.BatchSize)).ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }
        var until = now + TimeSpan.FromSeconds(Math.Max(5, settings.LeaseSeconds));
        var claimed = await db.OutboxMails
            .Where(m => due.Contains(m.Id) && m.Status == MailStatus.Pending && (m.LeaseUntil == null || m.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, claim).SetProperty(m => m.LeaseUntil, until), ct);
        if (claimed == 0)
        {
            return 0;
        }
        var rows = await db.OutboxMails.AsNoTracking().Where(m => m.LeaseOwner == claim).OrderBy(m => m.CreatedAt).ToListAsync(ct);
        var keys = await UnsubscribeKeysAsync(db, [.. rows.Where(r => r.UserId is not null).Select(r => r.UserId!.Value).Distinct()], now, ct);
        // A notice mail links where the bell links: the web renders the link from the notice's kind and data (R-NTC-1).
        var noticeIds = rows.Where(r => r.NoticeId is not null).Select(r => r.NoticeId!.Value).ToList();
        var links = noticeIds.Count == 0 ? [] : (await db.Notices.AsNoTracking().Where(n => noticeIds.Contains(n.Id)).ToListAsync(ct))
            .ToDictionary(n => n.Id, n => notices.Render(n.Kind, n.Recipient, n.SubjectId, Domain.Notices.NoticeArg.Read(n.Args),
                System.Globalization.CultureInfo.InvariantCulture).Link);
        var sent = 0;
        var unmarked = new List<Guid>(MarkEvery);
        var trouble = false;
        try
        {
            await using var batch = sender.Open();
            foreach (var row in rows)
            {
                var message = renderer.Render(row, row.UserId is { } u ? keys.GetValueOrDefault(u) : null, row.NoticeId is { } n ? links.GetValueOrDefault(n) : null);
                var (outcome, error) = await batch.SendAsync(message, MailBounces.ReturnPathOf(settings, row.Id), ct);
                var mine = db.OutboxMails.Where(m => m.Id == row.Id && m.LeaseOwner == claim);
                switch (outcome)
                {
                    case SendOutcome.Sent:
                        sent++;
                        unmarked.Add(row.Id);
                        if (unmarked.Count >= MarkEvery)
                        {
                            await MarkSentAsync(db, claim, unmarked, ct);
                        }
                        break;
                    case SendOutcome.Bounced:
                        trouble = true;
                        await mine.ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MailStatus.Bounced).SetProperty(m => m.Attempts, m => m.Attempts + 1)
                            .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null).SetProperty(m => m.LastError, error), ct);
                        break;
                    default:
                        trouble = true;
                        var attempts = row.Attempts + 1;
                        var status = attempts >= OutboxMail.MaxAttempts ? MailStatus.Failed : MailStatus.Pending;
                        var next = clock.GetUtcNow() + OutboxMail.Backoff(attempts);
                        await mine.ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, status).SetProperty(m => m.Attempts, attempts)
                            .SetProperty(m => m.NextAttemptAt, next).SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null)
                            .SetProperty(m => m.LastError, error), ct);
                        break;
                }
            }
        }
        finally
        {
            // Whatever ends the round (its end, a stop, an error), what was sent is marked: not sent again after the lease.
            await MarkSentAsync(db, claim, unmarked, CancellationToken.None);
            signal.Changed(urgent: trouble);
        }
        return sent;
    }

    private async Task MarkSentAsync(HelloWorkDb db, string claim, List<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return;
        }
        var at = clock.GetUtcNow();
        await db.OutboxMails.Where(m => ids.Contains(m.Id) && m.LeaseOwner == claim)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MailStatus.Sent).SetProperty(m => m.SentAt, at)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.Secret, (string?)null)
                .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null).SetProperty(m => m.LastError, (string?)null), ct);
        ids.Clear();
    }

    /// <summary>Each person's unsubscribe key; a person without settings yet gets them now (the default: immediate, Japanese).</summary>
    private static async Task<Dictionary<Guid, string>> UnsubscribeKeysAsync(HelloWorkDb db, List<Guid> userIds, DateTimeOffset now, CancellationToken ct)
    {
        var keys = await db.MailPreferences.Where(p => userIds.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, p => p.UnsubscribeKey, ct);
        var missing = userIds.Where(id => !keys.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            var existing = await db.Users.Where(u => missing.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);
            foreach (var id in existing)
            {
                var preference = db.MailPreferences.Add(new MailPreference(id, now)).Entity;
                keys[id] = preference.UnsubscribeKey;
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another node made them first: read theirs.
                db.ChangeTracker.Clear();
                keys = await db.MailPreferences.Where(p => userIds.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, p => p.UnsubscribeKey, ct);
            }
        }
        return keys;
    }
}

/// <summary>The background sender: <see cref="MailSettings.Workers"/> loops, each a dispatcher round every
/// <see cref="MailSettings.PollMilliseconds"/>, at once again while rounds find work (each round claims its own rows, so the
/// loops never send one row twice). When the queue goes idle, the admins' page hears of the last changes.</summary>
public sealed class MailWorker(MailDispatcher dispatcher, MailQueueSignal signal, MailSettings settings, ILogger<MailWorker> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Clamp(settings.Workers, 1, 16)).Select(_ => Task.Run(() => LoopAsync(stoppingToken), CancellationToken.None)));

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var sent = 0;
            try
            {
                sent = await dispatcher.RunOnceAsync(stoppingToken);
                await signal.FlushAsync(idle: sent == 0, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Mail round failed; the rows stay in the outbox");
            }
            if (sent == 0)
            {
                try
                {
                    // Polling is not business time: a real delay even when tests fake the clock.
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(50, settings.PollMilliseconds)), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}

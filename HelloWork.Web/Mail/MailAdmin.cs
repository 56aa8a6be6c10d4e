using HelloWork.Domain.Audit;
using HelloWork.Domain.Common;
using HelloWork.Domain.Mail;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Web.Mail;

/// <summary>The administrator's view of the mail outbox: counts by state, the rows that wait, failed or bounced, and resend
/// (the same row and Message-Id back in the queue). Admin only; the rows show the address and kind, never a body (R-MAIL-4).</summary>
public sealed class MailAdmin(Operations ops)
{
    public sealed record Row(Guid Id, string ToAddress, MailKind Kind, Domain.Notices.NoticeKind? NoticeKind, MailStatus Status, int Attempts,
        DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string? LastError);

    public sealed record Overview(int Pending, int Sent, int Failed, int Bounced, IReadOnlyList<Row> Rows);

    public Task<Overview> GetAsync(Actor actor, MailStatus status, CancellationToken ct = default)
    {
        RequireAdmin(actor);
        return ops.ReadAsync(async db =>
        {
            var counts = await db.OutboxMails.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            int C(MailStatus s) => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0;
            var rows = await db.OutboxMails.Where(m => m.Status == status).OrderByDescending(m => m.CreatedAt).Take(200)
                .Select(m => new Row(m.Id, m.ToAddress, m.Kind, m.NoticeKind, m.Status, m.Attempts, m.CreatedAt, m.NextAttemptAt, m.SentAt, m.LastError))
                .ToListAsync(ct);
            return new Overview(C(MailStatus.Pending), C(MailStatus.Sent), C(MailStatus.Failed), C(MailStatus.Bounced), rows);
        }, ct);
    }

    /// <summary>Puts a failed or bounced mail back in the queue; a mail whose one-time link was already cleared cannot be resent.</summary>
    public Task ResendAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        RequireAdmin(actor);
        return ops.RunAsync(actor, async w =>
        {
            var mail = await w.Db.OutboxMails.FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new ScopeException("mail");
            if (!mail.Resend(w.Now))
            {
                throw new DomainException(ErrorCodes.MailNotResendable);
            }
            w.Audit(AuditActions.MailResent, nameof(OutboxMail), mail.Id);
            await MailQueueSignal.AnnounceAsync(w);
        }, ct);
    }

    private static void RequireAdmin(Actor actor)
    {
        if (!actor.IsAdmin)
        {
            throw new ScopeException("mail queue");
        }
    }
}

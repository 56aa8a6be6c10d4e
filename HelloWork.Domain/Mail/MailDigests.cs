using HelloWork.Domain.Common;
using HelloWork.Domain.Notices;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Mail;

/// <summary>
/// The daily digest (R-MAIL-3): for each person who chose it, once a Japan-time day from 8:00, one mail with how many new notices
/// arrived since the last digest — a count and a link, nothing of what they say (R-MAIL-4). Written with the digest mark in one
/// transaction per person, so two nodes never both send a day's digest (the second finds the mark).
/// </summary>
public sealed class MailDigests(Operations ops)
{
    public const int SendHour = 8;

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = ops.Clock.GetUtcNow();
        if (JapanTime.ToJapan(now).Hour < SendHour)
        {
            return 0;
        }
        var today = JapanTime.StartOf(JapanTime.DateOf(now));
        var due = await ops.ReadAsync(db => db.MailPreferences
            .Where(p => p.Mode == MailMode.Daily && (p.DigestSentAt == null || p.DigestSentAt < today)).Select(p => p.UserId).ToListAsync(ct), ct);
        var written = 0;
        foreach (var userId in due)
        {
            written += await ops.RunAsync(Actor.System, async w =>
            {
                var preference = await w.Db.MailPreferences.FirstAsync(p => p.UserId == userId, ct);
                if (preference.Mode != MailMode.Daily || preference.DigestSentAt >= today)
                {
                    return 0;
                }
                var since = preference.DigestSentAt ?? preference.UpdatedAt;
                preference.DigestDone(w.Now);
                var user = await w.Db.Users.Where(u => u.Id == userId && u.EmailConfirmed && u.Email != null)
                    .Select(u => new { u.Email, u.EstablishmentId, u.AgencyId }).FirstOrDefaultAsync(ct);
                if (user is null)
                {
                    return 0;
                }
                string[] recipients = [Recipients.User(userId),
                    user.EstablishmentId is { } e ? Recipients.Establishment(e) : "", user.AgencyId is { } a ? Recipients.Agency(a) : ""];
                var kinds = MailQueue.MailedKinds.ToArray();
                var count = await w.Db.Notices.CountAsync(n => recipients.Contains(n.Recipient) && kinds.Contains(n.Kind) && n.CreatedAt > since, ct);
                if (count == 0)
                {
                    return 0;
                }
                w.Db.OutboxMails.Add(new OutboxMail(userId, user.Email!, preference.Culture, MailKind.Digest, null, w.Now,
                    detail: count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                return 1;
            }, ct);
        }
        return written;
    }
}

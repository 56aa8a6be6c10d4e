using HelloWork.Domain.Data;
using HelloWork.Domain.Notices;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Mail;

/// <summary>
/// Writes mails into the mail outbox inside the caller's transaction (R-MAIL-1). Notice mails are hooked where notices are
/// made (<see cref="Outbox.AddAsync"/>): by the notice's recipient (a person, or every user of an establishment or agency) and
/// the notice kind, filtered by each person's choice (R-MAIL-3). The mail carries the kind and the notice's link only (R-MAIL-4).
/// </summary>
public static class MailQueue
{
    /// <summary>The notice kinds that may come by mail: things a person not signed in should hear of.</summary>
    public static readonly IReadOnlySet<NoticeKind> MailedKinds = new HashSet<NoticeKind>
    {
        NoticeKind.ApplicationReceived, NoticeKind.MessageReceived, NoticeKind.ReferralProposed, NoticeKind.ReferralEstablished,
        NoticeKind.ResultRegistered, NoticeKind.DirectRequest, NoticeKind.GuidanceMessage, NoticeKind.AgencyApproved, NoticeKind.AgencyReturned,
        NoticeKind.BookingMovedUp, NoticeKind.EventReminder, NoticeKind.EventCancelled, NoticeKind.AppointmentReminder,
        NoticeKind.ReferralDeadlineSoon, NoticeKind.OfferChanged, NoticeKind.SurveyOffered,
    };

    /// <summary>Messages: at most one mail per thread per person in this window (R-MAIL-3).</summary>
    public static readonly TimeSpan ThreadWindow = TimeSpan.FromHours(1);

    /// <summary>The people behind a recipient key who can get mail: confirmed address, and a person (not an office).</summary>
    public static IQueryable<Accounts.AppUser> UsersOf(HelloWorkDb db, string recipient)
    {
        // Confirmed addresses of enabled accounts only (a disabled login user is locked out "for ever").
        var users = db.Users.Where(u => u.EmailConfirmed && u.Email != null
            && (u.LockoutEnd == null || u.LockoutEnd < Accounts.EstablishmentUsers.DisabledUntil));
        var (kind, id) = Split(recipient);
        return kind switch
        {
            "user" => users.Where(u => u.Id == id),
            "est" => users.Where(u => u.EstablishmentId == id),
            "agency" => users.Where(u => u.AgencyId == id),
            _ => users.Where(u => false),
        };
    }

    /// <summary>Called by the notice outbox for every notice it adds.</summary>
    public static async Task ForNoticeAsync(HelloWorkDb db, Notice notice, DateTimeOffset now, CancellationToken ct = default)
    {
        var (recipient, kind, subjectId) = (notice.Recipient, notice.Kind, notice.SubjectId);
        // Only the job number goes into a mail (「求人番号 … について」, R-MAIL-4): never a name, never a message's text.
        var jobNumber = NoticeArg.Read(notice.Args).GetValueOrDefault(NoticeArg.JobNumber);
        if (!MailedKinds.Contains(kind) || recipient.StartsWith("office:", StringComparison.Ordinal))
        {
            return;
        }
        var people = await (from u in UsersOf(db, recipient)
                            join p in db.MailPreferences on u.Id equals p.UserId into prefs
                            from p in prefs.DefaultIfEmpty()
                            select new { u.Id, u.Email, Mode = p == null ? MailMode.Immediate : p.Mode, Culture = p == null ? "ja" : p.Culture })
            .ToListAsync(ct);
        var threadKey = kind == NoticeKind.MessageReceived && subjectId is { } thread ? $"msg:{thread:N}" : null;
        foreach (var person in people.Where(p => p.Mode == MailMode.Immediate))
        {
            if (threadKey is not null && await RecentlyMailedAsync(db, person.Id, threadKey, now, ct))
            {
                continue;
            }
            db.OutboxMails.Add(new OutboxMail(person.Id, person.Email!, person.Culture, MailKind.Notice, null, now, kind, threadKey: threadKey,
                detail: jobNumber, noticeId: notice.Id));
        }
    }

    /// <summary>An account mail (reset, confirmation, invitation) to one address, in the person's language.</summary>
    public static async Task<OutboxMail> AccountMailAsync(HelloWorkDb db, Guid userId, string address, MailKind kind, string secret,
        DateTimeOffset now, CancellationToken ct = default)
    {
        var culture = await db.MailPreferences.Where(p => p.UserId == userId).Select(p => p.Culture).FirstOrDefaultAsync(ct) ?? "ja";
        return db.OutboxMails.Add(new OutboxMail(userId, address, culture, kind, null, now, secret: secret)).Entity;
    }

    /// <summary>A plain event mail to every user behind <paramref name="recipient"/> who has not turned mail off.</summary>
    public static async Task ToUsersAsync(HelloWorkDb db, string recipient, MailKind kind, DateTimeOffset now, CancellationToken ct = default)
    {
        var people = await (from u in UsersOf(db, recipient)
                            join p in db.MailPreferences on u.Id equals p.UserId into prefs
                            from p in prefs.DefaultIfEmpty()
                            select new { u.Id, u.Email, Mode = p == null ? MailMode.Immediate : p.Mode, Culture = p == null ? "ja" : p.Culture })
            .ToListAsync(ct);
        foreach (var person in people.Where(p => p.Mode != MailMode.None))
        {
            db.OutboxMails.Add(new OutboxMail(person.Id, person.Email!, person.Culture, kind, null, now));
        }
    }

    private static async Task<bool> RecentlyMailedAsync(HelloWorkDb db, Guid userId, string threadKey, DateTimeOffset now, CancellationToken ct)
    {
        var since = now - ThreadWindow;
        return db.OutboxMails.Local.Any(m => m.UserId == userId && m.ThreadKey == threadKey && m.CreatedAt > since)
            || await db.OutboxMails.AnyAsync(m => m.UserId == userId && m.ThreadKey == threadKey && m.CreatedAt > since, ct);
    }

    private static (string Kind, Guid Id) Split(string recipient)
    {
        var colon = recipient.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && Guid.TryParse(recipient.AsSpan(colon + 1), out var id) ? (recipient[..colon], id) : ("", Guid.Empty);
    }
}

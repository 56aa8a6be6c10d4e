using HelloWork.Domain.Data;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace HelloWork.Tests.Host.Mail;

/// <summary>
/// R-MAIL-4 as a scan: a mail says that something happened and links to it; it never carries message text or a person's name,
/// address or phone. The forbidden words are read from the portal's own database — every message body, every jobseeker's
/// name, kana, phone and address, every establishment's name and address, every account's display name — and looked for in
/// the subject, the plain text and the HTML of each mail.
/// </summary>
public static class MailScan
{
    public static async Task<IReadOnlyList<string>> ForbiddenAsync(HelloWorkDb db)
    {
        var words = new List<string?>();
        words.AddRange(await db.Messages.Select(m => m.Body).ToListAsync());
        words.AddRange((await db.Jobseekers.Select(j => new { j.Name, j.Kana, j.Phone, j.Address }).ToListAsync())
            .SelectMany(j => new[] { j.Name, j.Kana, j.Phone, j.Address }));
        words.AddRange((await db.Establishments.Select(e => new { e.Name, e.Address }).ToListAsync()).SelectMany(e => new[] { e.Name, e.Address }));
        words.AddRange(await db.Users.Select(u => u.DisplayName).ToListAsync());
        // Very short words (a one-character name part) would match ordinary text; every real name, phone or message is longer.
        return [.. words.Where(w => w is { Length: >= 3 }).Select(w => w!).Distinct()];
    }

    /// <summary>The forbidden words found in <paramref name="mail"/> (empty: clean).</summary>
    public static IReadOnlyList<string> Findings(MimeMessage mail, IReadOnlyList<string> forbidden)
    {
        var text = string.Join("\n", mail.Subject, mail.TextBody, mail.HtmlBody,
            string.Join(",", mail.To.Mailboxes.Select(b => b.Name)), string.Join(",", mail.From.Mailboxes.Select(b => b.Name)));
        return [.. forbidden.Where(w => text.Contains(w, StringComparison.Ordinal))];
    }
}

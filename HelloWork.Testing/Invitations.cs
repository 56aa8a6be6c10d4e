using System.Text.RegularExpressions;
using HelloWork.Domain.Data;
using HelloWork.Domain.Mail;
using HelloWork.Web.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelloWork.Testing;

/// <summary>
/// A login user an employer adds joins by the invitation mail (R-MAIL-2): tests and benchmarks that need such a user signed in take the token
/// from the mail as the portal wrote it — the outbox row while it waits, the <c>.eml</c> file the sender wrote once it is sent —
/// and set the password through <see cref="AccountMails.ResetAsync"/>, as the invitation page does. (The mail journey itself,
/// through SMTP and the page, is MailInvitationTests.)
/// </summary>
public static class Invitations
{
    public static async Task<string> TokenAsync(IServiceProvider services, string email)
    {
        var sender = services.GetRequiredService<MailSender>();
        for (var i = 0; i < 300; i++)
        {
            await using (var db = await services.GetRequiredService<IDbContextFactory<HelloWorkDb>>().CreateDbContextAsync())
            {
                var mail = await db.OutboxMails.AsNoTracking().Where(m => m.ToAddress == email && m.Kind == MailKind.Invitation)
                    .OrderByDescending(m => m.CreatedAt).Select(m => new { m.MessageId, m.Secret }).FirstOrDefaultAsync();
                if (mail is null)
                {
                    throw new InvalidOperationException($"no invitation mail was queued for {email}");
                }
                if (mail.Secret is { } secret)
                {
                    return secret;
                }
                var file = Path.Combine(sender.Folder, MailSender.FileName(mail.MessageId));
                if (File.Exists(file))
                {
                    var message = await MimeKit.MimeMessage.LoadAsync(file);
                    var match = Regex.Match(message.TextBody ?? "", Regex.Escape(MailRenderer.ResetPath) + @"\?token=([A-Za-z0-9_\-]+)");
                    if (!match.Success)
                    {
                        throw new InvalidOperationException("the invitation mail does not link to the page that sets the password");
                    }
                    return match.Groups[1].Value;
                }
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"no invitation mail for {email}");
    }

    /// <summary>Sets the invited user's first password by the invitation's link.</summary>
    public static async Task AcceptAsync(IServiceProvider services, string email, string password)
    {
        var token = await TokenAsync(services, email);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccountMails>().ResetAsync(token, password, password);
    }
}

using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace HelloWork.Web.Mail;

/// <summary>How one send went: sent, a temporary failure (retry later), or a permanent refusal by the server (a bounce).</summary>
public enum SendOutcome
{
    Sent,
    Retry,
    Bounced,
}

/// <summary>
/// The portal's one mail sender (R-MAIL-1): MailKit's SMTP client when <see cref="MailSettings.SmtpHost"/> is set (one
/// connection per batch), else an <c>.eml</c> file per mail named by its Message-Id (writing the same mail again replaces
/// the file: nothing twice).
/// </summary>
public sealed class MailSender(MailSettings settings, IHostEnvironment environment, ILogger<MailSender> logger)
{
    private MailSettings Settings => settings;

    private ILogger Logger => logger;

    public string Folder => Path.GetFullPath(Path.Combine(environment.ContentRootPath, settings.Directory));

    /// <summary>Opens a batch: an SMTP connection (connected and authenticated on first use) or the mail folder.</summary>
    public Batch Open() => new(this);

    public sealed class Batch(MailSender sender) : IAsyncDisposable
    {
        private SmtpClient? client;

        /// <summary>Sends one mail; <paramref name="returnPath"/> is the envelope sender (VERP bounce address), null: the From.</summary>
        public async Task<(SendOutcome Outcome, string? Error)> SendAsync(MimeMessage message, MailboxAddress? returnPath, CancellationToken ct)
        {
            var settings = sender.Settings;
            if (!settings.UsesSmtp)
            {
                if (returnPath is not null)
                {
                    message.Headers[HeaderId.ReturnPath] = $"<{returnPath.Address}>"; // as the receiving server would record it
                }
                Directory.CreateDirectory(sender.Folder);
                var path = Path.Combine(sender.Folder, FileName(message.MessageId ?? Guid.NewGuid().ToString("N")));
                var temp = $"{path}.{Guid.NewGuid():N}.tmp"; // its own: a row sent again meanwhile writes its own, the last move wins
                await message.WriteToAsync(temp, ct);
                File.Move(temp, path, overwrite: true);
                return (SendOutcome.Sent, null);
            }
            try
            {
                if (client is not { IsConnected: true })
                {
                    client?.Dispose();
                    client = new SmtpClient();
                    await client.ConnectAsync(settings.SmtpHost!, settings.SmtpPort,
                        settings.StartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
                    if (!string.IsNullOrEmpty(settings.UserName))
                    {
                        await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", ct);
                    }
                }
                if (returnPath is null)
                {
                    await client.SendAsync(message, ct);
                }
                else
                {
                    await client.SendAsync(message, returnPath, message.To.Mailboxes, ct);
                }
                return (SendOutcome.Sent, null);
            }
            catch (SmtpCommandException e) when ((int)e.StatusCode >= 500 && e.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.SenderNotAccepted
                                                 or SmtpErrorCode.MessageNotAccepted)
            {
                return (SendOutcome.Bounced, Short($"{(int)e.StatusCode} {e.Message}"));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                sender.Logger.LogWarning(e, "Mail {MessageId} not sent; it will be retried", message.MessageId);
                client?.Dispose();
                client = null;
                return (SendOutcome.Retry, Short(e.GetType().Name + ": " + e.Message));
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (client is { IsConnected: true })
            {
                try
                {
                    await client.DisconnectAsync(true);
                }
                catch (Exception e) when (e is IOException or SmtpProtocolException or SmtpCommandException)
                {
                    // The mails are sent; a failed QUIT changes nothing.
                }
            }
            client?.Dispose();
        }
    }

    public static string FileName(string messageId) =>
        string.Concat(messageId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')) + ".eml";

    private static string Short(string text) => text.Length > 480 ? text[..480] : text;
}

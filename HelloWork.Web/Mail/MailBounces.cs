using System.Text.RegularExpressions;
using HelloWork.Domain.Audit;
using HelloWork.Domain.Common;
using HelloWork.Domain.Mail;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace HelloWork.Web.Mail;

/// <summary>What became of a delivery status notification.</summary>
public enum BounceOutcome
{
    /// <summary>A permanent failure of one of our mails: the row is now Bounced.</summary>
    Bounced,

    /// <summary>About one of our mails, but not a failure (delayed, relayed, delivered): nothing changes.</summary>
    NotAFailure,

    /// <summary>Not a delivery status notification about a mail of this portal: nothing changes.</summary>
    Unknown,
}

/// <summary>
/// Bounces that arrive after the send (docs/mail.md, "Bounces"): a receiving server accepted the mail and later reports that
/// it could not deliver it, with a delivery status notification (RFC 3464: <c>multipart/report; report-type=delivery-status</c>)
/// sent to the envelope sender. With <see cref="MailSettings.BounceAddress"/> set, every mail goes out with a VERP envelope
/// sender <c>local+{outbox id}@domain</c>, so the notification comes back addressed to the one row it is about; without it (or
/// when a server rewrites the address) the original Message-Id in the report's returned headers names the row. The mail
/// server hands each notification to <c>POST /mail/bounces</c> (the raw message, key in <c>X-Bounce-Key</c>). A report whose
/// action is <c>failed</c> (status 5.x.x) marks the row Bounced with the status and diagnostic as its error, audited, and the
/// administrators' page shows it live; a delay changes nothing. The report's text is not kept beyond that line (R-MAIL-4).
/// </summary>
public sealed partial class MailBounces(Operations ops, MailSettings settings)
{
    public const string Path = "/mail/bounces";
    public const string KeyHeader = "X-Bounce-Key";

    /// <summary>The VERP envelope sender of outbox row <paramref name="id"/>, or null without a bounce address.</summary>
    public static MailboxAddress? ReturnPathOf(MailSettings settings, Guid id)
    {
        if (string.IsNullOrWhiteSpace(settings.BounceAddress) || settings.BounceAddress.Split('@') is not [var local, var domain])
        {
            return null;
        }
        return new MailboxAddress("", $"{local}+{id:N}@{domain}");
    }

    /// <summary>The outbox row a VERP address names, or null.</summary>
    public Guid? OutboxIdOf(string? address)
    {
        if (address is null || string.IsNullOrWhiteSpace(settings.BounceAddress) || settings.BounceAddress.Split('@') is not [var local, var domain])
        {
            return null;
        }
        var match = Regex.Match(address.Trim().Trim('<', '>'), "^" + Regex.Escape(local) + @"\+([0-9a-fA-F]{32})@" + Regex.Escape(domain) + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return match.Success ? Guid.ParseExact(match.Groups[1].Value, "N") : null;
    }

    /// <summary>Whether <paramref name="key"/> opens the endpoint (a key must be configured).</summary>
    public bool Accepts(string? key) =>
        !string.IsNullOrEmpty(settings.BounceKey) && key is not null
        && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(key), System.Text.Encoding.UTF8.GetBytes(settings.BounceKey));

    /// <summary>Reads one delivery status notification and records a permanent failure on the mail it is about.</summary>
    public async Task<BounceOutcome> ReceiveAsync(MimeMessage report, CancellationToken ct = default)
    {
        var status = report.BodyParts.OfType<MessageDeliveryStatus>().FirstOrDefault();
        if (status is null)
        {
            return BounceOutcome.Unknown;
        }
        // The first group is about the message, the others one each about a recipient (we send to one).
        var recipients = status.StatusGroups.Skip(1).ToList();
        var failed = recipients.FirstOrDefault(g => IsFailure(g["Action"], g["Status"]));
        var id = AddressedRow(report) ?? OutboxIdOf(status.StatusGroups.FirstOrDefault()?["X-Original-Envelope-Id"]);
        var messageId = OriginalMessageId(report);
        if (id is null && messageId is null)
        {
            return BounceOutcome.Unknown;
        }
        return await ops.RunAsync(Actor.System, async w =>
        {
            var mail = id is { } rowId
                ? await w.Db.OutboxMails.FirstOrDefaultAsync(m => m.Id == rowId, ct)
                : await w.Db.OutboxMails.FirstOrDefaultAsync(m => m.MessageId == messageId, ct);
            if (mail is null)
            {
                return BounceOutcome.Unknown;
            }
            if (failed is null)
            {
                return BounceOutcome.NotAFailure;
            }
            var detail = Short($"DSN {failed["Status"]?.Trim()} {failed["Diagnostic-Code"]?.Trim()}".Trim());
            if (mail.Bounce(detail))
            {
                w.Audit(AuditActions.MailBounced, nameof(OutboxMail), mail.Id, detail: failed["Status"]?.Trim());
                await MailQueueSignal.AnnounceAsync(w);
            }
            return BounceOutcome.Bounced;
        }, ct);
    }

    private static bool IsFailure(string? action, string? status) =>
        string.Equals(action?.Trim(), "failed", StringComparison.OrdinalIgnoreCase) || (status?.Trim().StartsWith('5') ?? false);

    /// <summary>The row named by the VERP address the report was delivered to (the envelope recipient the server recorded, or To).</summary>
    private Guid? AddressedRow(MimeMessage report)
    {
        foreach (var header in new[] { "Delivered-To", "X-Original-To", "Envelope-To", "Return-Path" })
        {
            foreach (var value in report.Headers.Where(h => h.Field.Equals(header, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value))
            {
                if (OutboxIdOf(value) is { } id)
                {
                    return id;
                }
            }
        }
        return report.To.Mailboxes.Select(m => OutboxIdOf(m.Address)).FirstOrDefault(id => id is not null);
    }

    /// <summary>The Message-Id of the returned original: its headers (text/rfc822-headers) or the whole message (message/rfc822).</summary>
    private static string? OriginalMessageId(MimeMessage report)
    {
        foreach (var part in report.BodyParts)
        {
            if (part is MessagePart { Message: { } original } && original.MessageId is { } id)
            {
                return id;
            }
            if (part is TextPart text && part.ContentType.IsMimeType("text", "rfc822-headers")
                && Regex.Match(text.Text, @"^Message-ID:\s*<?([^>\s]+)>?", RegexOptions.IgnoreCase | RegexOptions.Multiline, TimeSpan.FromSeconds(1)) is { Success: true } m)
            {
                return m.Groups[1].Value;
            }
        }
        return null;
    }

    private static string Short(string text) => text.Length > 480 ? text[..480] : text;
}

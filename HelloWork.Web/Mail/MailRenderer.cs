using System.Globalization;
using System.Net;
using System.Resources;
using HelloWork.Domain.Mail;
using MimeKit;

namespace HelloWork.Web.Mail;

/// <summary>
/// Turns an outbox row into the mail: subject and body by kind from <c>MailText</c> (Japanese, or English for people who chose
/// it), plain text and HTML, the row's Message-Id, and one-click unsubscribe (RFC 8058: <c>List-Unsubscribe</c> with an HTTPS
/// link and <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c>; R-MAIL-3). The body says what happened and links to it:
/// no message text, no other person's name, address or phone (R-MAIL-4) — the row carries none to begin with.
/// </summary>
public sealed class MailRenderer(MailSettings settings)
{
    private static readonly ResourceManager Text = new("HelloWork.Web.Resources.MailText", typeof(MailRenderer).Assembly);

    /// <summary>The page that asks before stopping notice mails (the link in the body).</summary>
    public const string UnsubscribePath = "/mail/unsubscribe";

    /// <summary>The one-click address of <c>List-Unsubscribe</c> (RFC 8058 POST; a GET goes on to the page).</summary>
    public const string OneClickPath = "/mail/one-click";
    public const string SettingsPath = "/account/mail";

    /// <summary>Where an account mail's one-time link leads: the pages that take its token.</summary>
    public const string ResetPath = "/Account/ResetPassword";
    public const string ConfirmPath = "/Account/ConfirmEmail";

    /// <summary>The page a mail links to by its kind (a notice mail links where its notice does): routes are the web's.</summary>
    public static string PathOf(MailKind kind) => kind switch
    {
        MailKind.PasswordReset or MailKind.Invitation => ResetPath,
        MailKind.ConfirmAddress or MailKind.ConfirmNewAddress => ConfirmPath,
        MailKind.Digest => "/notices",
        MailKind.AgencyApproved => "/agency",
        _ => "/",
    };

    public MimeMessage Render(OutboxMail mail, string? unsubscribeKey, string? noticeLink = null)
    {
        var path = mail.Link ?? noticeLink ?? PathOf(mail.Kind);
        var culture = CultureInfo.GetCultureInfo(mail.Culture == "en" ? "en" : "ja");
        string T(string key) => Text.GetString(key, culture) ?? throw new InvalidOperationException($"MailText has no '{key}'.");
        var key = mail.Kind == MailKind.Notice ? $"Notice{mail.NoticeKind}" : mail.Kind.ToString();
        var subject = string.Format(culture, T(key + "Subject"), mail.Detail ?? "");
        var lead = string.Format(culture, T(key + "Body"), mail.Detail ?? "");
        if (mail.Kind == MailKind.Notice && !string.IsNullOrEmpty(mail.Detail))
        {
            // A notice mail names the offer by its job number and nothing else (「求人番号 … について」, R-MAIL-4).
            subject += string.Format(culture, T("AboutJobSubject"), mail.Detail);
            lead = string.Format(culture, T("AboutJob"), mail.Detail) + lead;
        }
        var link = Absolute(path) + (mail.Secret is null ? "" : (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "token=" + mail.Secret);
        var unsubscribe = unsubscribeKey is null ? null : Absolute($"{UnsubscribePath}/{unsubscribeKey}");
        var settingsLink = Absolute(SettingsPath);

        var text = new System.Text.StringBuilder();
        text.AppendLine(lead).AppendLine().AppendLine(link).AppendLine();
        if (mail.Secret is not null)
        {
            text.AppendLine(T(key + "Note")).AppendLine();
        }
        text.AppendLine("--").AppendLine(T("Footer")).AppendLine(T("SettingsLabel") + ": " + settingsLink);
        if (unsubscribe is not null)
        {
            text.AppendLine(T("UnsubscribeLabel") + ": " + unsubscribe);
        }

        static string e(string? value) => WebUtility.HtmlEncode(value) ?? "";
        var html = new System.Text.StringBuilder();
        html.Append($"<!DOCTYPE html><html lang=\"{culture.TwoLetterISOLanguageName}\"><head><meta charset=\"utf-8\"><title>{e(subject)}</title></head>")
            .Append("<body style=\"font-family:sans-serif;color:#1a1a1a\">")
            .Append($"<p>{e(lead)}</p>")
            .Append($"<p><a href=\"{e(link)}\" style=\"color:#0b4f8a\">{e(T("OpenLink"))}</a></p>");
        if (mail.Secret is not null)
        {
            html.Append($"<p>{e(T(key + "Note"))}</p>");
        }
        html.Append($"<hr><p style=\"font-size:small\">{e(T("Footer"))}<br><a href=\"{e(settingsLink)}\">{e(T("SettingsLabel"))}</a>");
        if (unsubscribe is not null)
        {
            html.Append($" | <a href=\"{e(unsubscribe)}\">{e(T("UnsubscribeLabel"))}</a>");
        }
        html.Append("</p></body></html>");

        var message = new MimeMessage
        {
            MessageId = mail.MessageId,
            Subject = subject,
            Date = mail.CreatedAt,
            Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() }.ToMessageBody(),
        };
        message.From.Add(new MailboxAddress(settings.FromName, settings.From));
        message.To.Add(MailboxAddress.Parse(mail.ToAddress));
        if (unsubscribe is not null)
        {
            message.Headers.Add("List-Unsubscribe", $"<{Absolute($"{OneClickPath}/{unsubscribeKey}")}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        message.Headers.Add("Auto-Submitted", "auto-generated");
        return message;
    }

    private string Absolute(string path) => settings.BaseUrl.TrimEnd('/') + (path.StartsWith('/') ? path : "/" + path);
}

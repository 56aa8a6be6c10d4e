using System.Globalization;
using System.Resources;
using System.Text;
using HelloWork.Domain.Common;
using HelloWork.Domain.Notices;
using HelloWork.Web.Resources;

namespace HelloWork.Web.Notices;

/// <summary>What a reader sees of a notice: title, body and where it leads (null: nowhere).</summary>
public sealed record RenderedNotice(string Title, string Body, string? Link);

/// <summary>
/// The one place a stored notice (kind, recipient, subject, arguments) becomes words and a link, in the reader's language
/// (R-NTC-1, R-UI-1). Wording comes from NoticeText.resx / NoticeText.en.resx, keyed by kind and by who reads it
/// (<c>Notice.{Kind}.{Audience}.Title/Body</c>, audience = person, establishment, office, agency or administrators); routes live here, not in
/// the domain. It takes the culture explicitly, so the bell, the notice list and mail (no component, no request) share it.
/// </summary>
public sealed class NoticeRenderer
{
    private static readonly ResourceManager Text = new("HelloWork.Web.Resources.NoticeText", typeof(NoticeText).Assembly);
    private static readonly ResourceManager Employer = new("HelloWork.Web.Resources.EmployerText", typeof(EmployerText).Assembly);

    /// <summary>In the culture of the current circuit or request (the reader's).</summary>
    public RenderedNotice Render(NoticeView n) => Render(n, CultureInfo.CurrentUICulture);

    /// <summary>In the culture of the current circuit or request (the reader's).</summary>
    public RenderedNotice Render(LiveNotice n) => Render(n, CultureInfo.CurrentUICulture);

    public RenderedNotice Render(NoticeView n, CultureInfo culture) => Render(n.Kind, n.Recipient, n.SubjectId, n.Args, culture);

    public RenderedNotice Render(LiveNotice n, CultureInfo culture) => Render(n.Kind, n.Recipient, n.SubjectId, n.Args, culture);

    public RenderedNotice Render(NoticeKind kind, string recipient, Guid? subjectId, IReadOnlyDictionary<string, string> args, CultureInfo culture)
    {
        var audience = AudienceOf(recipient);
        var key = $"Notice.{kind}.{audience}";
        var title = Text.GetString(key + ".Title", culture);
        var body = Text.GetString(key + ".Body", culture);
        if (title is null)
        {
            // A kind this audience is not told about (or an old free-form notice): a plain heading, no invented text.
            return new(Text.GetString("Notice.Info.Title", culture) ?? kind.ToString(), "", null);
        }
        return new(Fill(title, args, culture), Fill(body ?? "", args, culture), kind == NoticeKind.SurveyOffered ? SurveyLink(args) : LinkOf(kind, audience, subjectId));
    }

    /// <summary>Who reads a recipient key: <c>User</c>, <c>Establishment</c>, <c>Office</c>, <c>Agency</c> or <c>Bureau</c>.</summary>
    public static string AudienceOf(string recipient) => (recipient.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0 ? recipient[..colon] : recipient) switch
    {
        "est" => "Establishment",
        "office" => "Office",
        "agency" => "Agency",
        "bureau" => "Bureau",
        Recipients.Admins => "Admin",
        _ => "User",
    };

    /// <summary>The questionnaire with the office and the occasion filled in (R-EVAL-4): nothing that names the person.</summary>
    private static string SurveyLink(IReadOnlyDictionary<string, string> args) =>
        $"/survey?office={Uri.EscapeDataString(args.GetValueOrDefault(NoticeArg.OfficeCode) ?? "")}&occasion={Uri.EscapeDataString(args.GetValueOrDefault(NoticeArg.Occasion) ?? "")}";

    private static string? LinkOf(NoticeKind kind, string audience, Guid? subject) => (kind, audience) switch
    {
        (NoticeKind.MessageReceived or NoticeKind.ResultRegistered, "User") when subject is { } id => $"/jobseeker/applications/{id}",
        (NoticeKind.ReferralProposed or NoticeKind.ReferralDeadlineSoon, "User") => "/jobseeker/referrals",
        (NoticeKind.DirectRequest, "User") => "/jobseeker/messages",
        (NoticeKind.GuidanceMessage, "User") => "/jobseeker/guidance",
        (NoticeKind.MessageReceived or NoticeKind.ApplicationReceived or NoticeKind.ApplicationCancelled, "Establishment") when subject is { } id
            => $"/employer/applicants/{id}",
        (NoticeKind.OfferAccepted or NoticeKind.OfferReturned or NoticeKind.OfferChangeAccepted or NoticeKind.OfferChangeReturned
            or NoticeKind.OfferAdvised, "Establishment") when subject is { } id => $"/employer/offers/{id}",
        (NoticeKind.OfferChanged, "User") => "/jobseeker/applications",
        (NoticeKind.DirectRequest, "Establishment") => "/employer/talent/requests",
        (NoticeKind.ImageReviewed or NoticeKind.ImageRefused, "Establishment") => "/employer/establishment",
        (NoticeKind.OfferSubmitted or NoticeKind.OfferAccepted or NoticeKind.OfferReturned or NoticeKind.OfferChangeSubmitted
            or NoticeKind.OfferChangeAccepted or NoticeKind.OfferChangeReturned, "Office") => "/staff/review",
        (NoticeKind.ReferralSent or NoticeKind.ReferralDeclined or NoticeKind.ReferralEstablished or NoticeKind.ApplicationCancelled
            or NoticeKind.ResultRegistered, "Office") => "/staff/referrals",
        (NoticeKind.GuidanceMessage, "Agency") => "/agency/guidance",
        (NoticeKind.AgencyApproved or NoticeKind.AgencyReturned, "Agency") => "/agency",
        (NoticeKind.BookingMovedUp or NoticeKind.EventReminder or NoticeKind.EventCancelled, "User") when subject is { } id => $"/jobseeker/events/{id}",
        (NoticeKind.AppointmentReminder, "User") => "/jobseeker/appointments",
        (NoticeKind.AppointmentBooked or NoticeKind.AppointmentCancelled, "Office") => "/staff/appointments",
        (NoticeKind.JobApplicationSubmitted or NoticeKind.JobApplicationCompleted, "Office") => "/staff/applications",
        (NoticeKind.JobApplicationCompleted, "User") => "/jobseeker/application",
        (NoticeKind.TargetsApproved or NoticeKind.TargetsReturned or NoticeKind.ImprovementPlanReviewed or NoticeKind.PriorityItemRecorded, "Office")
            => "/staff/evaluation",
        (NoticeKind.TargetsSubmitted or NoticeKind.TargetsApproved or NoticeKind.TargetsReturned or NoticeKind.ImprovementPlanWritten
            or NoticeKind.ImprovementPlanReviewed or NoticeKind.PriorityItemRecorded, "Bureau") => "/bureau",
        _ => null,
    };

    /// <summary>
    /// Fills <c>{name}</c> with argument <c>name</c>, formatted for the culture: dates as the reader writes them, enum members
    /// by their label. <c>[ … ]</c> marks an optional part, left out when an argument inside it is missing or empty, so a
    /// notice never shows a label without its value.
    /// </summary>
    private static string Fill(string template, IReadOnlyDictionary<string, string> args, CultureInfo culture)
    {
        var output = new StringBuilder();
        var part = new StringBuilder();
        var inOptional = false;
        var optionalComplete = true;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            var target = inOptional ? part : output;
            if (c == '[' && !inOptional)
            {
                inOptional = true;
                optionalComplete = true;
                part.Clear();
            }
            else if (c == ']' && inOptional)
            {
                inOptional = false;
                if (optionalComplete)
                {
                    output.Append(part);
                }
            }
            else if (c == '{' && template.IndexOf('}', i) is var end and > 0)
            {
                var name = template[(i + 1)..end];
                var value = Value(name, args, culture);
                if (string.IsNullOrEmpty(value))
                {
                    optionalComplete = false;
                }
                target.Append(value);
                i = end;
            }
            else
            {
                target.Append(c);
            }
        }
        return output.ToString().Trim();
    }

    private static string Value(string name, IReadOnlyDictionary<string, string> args, CultureInfo culture)
    {
        if (!args.TryGetValue(name, out var raw) || string.IsNullOrEmpty(raw))
        {
            return "";
        }
        return name switch
        {
            NoticeArg.Date or NoticeArg.Until when DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                => culture.TwoLetterISOLanguageName == "ja" ? JapanTime.Format(d) : d.ToString("MMMM d, yyyy", culture),
            NoticeArg.Method => Employer.GetString($"Enum.ApplicationMethod.{raw}", culture) ?? raw,
            NoticeArg.Result => Employer.GetString($"Enum.ApplicationStatus.{raw}", culture) ?? raw,
            NoticeArg.Terms => string.Join(culture.TwoLetterISOLanguageName == "ja" ? "、" : ", ",
                raw.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(t => Employer.GetString($"Enum.ChangedTerm.{t}", culture) ?? t)),
            _ => raw,
        };
    }
}

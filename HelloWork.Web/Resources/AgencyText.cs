using HelloWork.Domain.Agencies;
using Microsoft.Extensions.Localization;

namespace HelloWork.Web.Resources;

/// <summary>Strings of the agency pages and the jobseeker's guidance-message page (AgencyText.resx / AgencyText.en.resx).</summary>
public sealed class AgencyText;

/// <summary>The one way an agency's kind and status become words: resource keys <c>AgencyKind.{Kind}</c> (Ui) and <c>Status.{Status}</c>
/// (AgencyText), so no page shows a member name such as 「Kind.LocalGovernment」.</summary>
public static class AgencyLabels
{
    public static string Kind(this IStringLocalizer<Ui> l, AgencyKind kind) => l["AgencyKind." + kind];

    public static string Status(this IStringLocalizer<AgencyText> t, AgencyStatus status) => t["Status." + status];

    /// <summary>A kind of application document: resource keys <c>DocumentKind.{Kind}</c> (AgencyText).</summary>
    public static string DocumentKind(this IStringLocalizer<AgencyText> t, AgencyDocumentKind kind) => t["DocumentKind." + kind];
}

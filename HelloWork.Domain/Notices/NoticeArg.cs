using System.Collections.ObjectModel;
using System.Globalization;
using System.Text.Json;

namespace HelloWork.Domain.Notices;

/// <summary>
/// The names of a notice's arguments (R-NTC-1), and their one stored shape: a JSON object of strings. Values are data,
/// never wording: names as written by people (an offer's title, a person's name), job numbers, dates as ISO
/// <c>yyyy-MM-dd</c> (Japan dates, R-TIME-1) and enum members by name; the reader's language is applied when rendering.
/// </summary>
public static class NoticeArg
{
    public const string OfferTitle = "offerTitle";
    public const string JobNumber = "jobNumber";
    public const string EstablishmentName = "establishmentName";
    public const string OfficeName = "officeName";
    public const string ApplicantName = "applicantName";
    public const string AgencyName = "agencyName";
    public const string EventTitle = "eventTitle";
    public const string CourseName = "courseName";

    /// <summary>A Japan time of day (HH:mm): when an event or appointment begins.</summary>
    public const string Time = "time";

    /// <summary>An <c>ApplicationMethod</c> member name.</summary>
    public const string Method = "method";

    /// <summary>An <c>ApplicationStatus</c> member name (Hired, Rejected, Withdrawn).</summary>
    public const string Result = "result";

    /// <summary><c>ChangedTerm</c> member names, comma-separated: what an accepted change of an offer touched (R-CHG-2).</summary>
    public const string Terms = "terms";

    public const string Correction = "correction";

    /// <summary>A 受付番号 of a 求職申込み (R-REG-2).</summary>
    public const string ReceiptNumber = "receiptNumber";

    /// <summary>A 求職番号.</summary>
    public const string JobseekerNumber = "jobseekerNumber";
    public const string Caption = "caption";
    public const string Reason = "reason";

    /// <summary>A fiscal year (年度) as digits (R-EVAL-1).</summary>
    public const string FiscalYear = "fiscalYear";

    /// <summary>An office's 5-digit code (安定所番号), for the questionnaire's link (R-EVAL-4).</summary>
    public const string OfficeCode = "officeCode";

    /// <summary>The questionnaire's occasion as its link names it (<c>result</c>, <c>appointment</c>, <c>event</c>).</summary>
    public const string Occasion = "occasion";

    /// <summary>A date (yyyy-MM-dd): a referral's deadline, an offer's validity, the start of a closure.</summary>
    public const string Date = "date";

    /// <summary>The second date of a range (yyyy-MM-dd).</summary>
    public const string Until = "until";

    public static readonly IReadOnlyDictionary<string, string> None = ReadOnlyDictionary<string, string>.Empty;

    public static string DateValue(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Write(IReadOnlyDictionary<string, string>? args) =>
        args is null || args.Count == 0 ? "{}" : JsonSerializer.Serialize(args);

    public static IReadOnlyDictionary<string, string> Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json) || json == "{}")
        {
            return None;
        }
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? (IReadOnlyDictionary<string, string>)None;
        }
        catch (JsonException)
        {
            return None;
        }
    }
}

using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;

namespace HelloWork.Domain.Agencies;

/// <summary>What a document of an agency's application (利用申請) is: an organisation shows that it meets the requirements before the
/// labour bureau accepts it (seed 003: 「一定の要件をクリアし、労働局に利用を承諾された対象団体等」).</summary>
public enum AgencyDocumentKind
{
    /// <summary>利用申請書: the application form itself, signed by the organisation. Required of every kind.</summary>
    ApplicationForm = 0,

    /// <summary>職業紹介事業許可証の写し: the licence of a placement business (職業安定法第30条・第33条). Required of 有料・無料職業紹介事業者.</summary>
    LicenseCopy = 1,

    /// <summary>誓約書: the pledge to handle the provided information only for placement and to keep it safe (R-AGY-2).</summary>
    Pledge = 2,

    /// <summary>その他: anything else the bureau asked for (届出書の写し of a school, an organisation chart …).</summary>
    Other = 3,
}

/// <summary>
/// A document of an agency's application, stored like an application document (<see cref="ApplicationDocument"/>): the content lives
/// in the row, so deleting the row deletes the content. PDF or picture only, told by content (<see cref="FileSniffer"/>). The agency
/// adds and removes them while its application is open (申請中 or 差戻し); the administrators read them when they review it.
/// Retention: kept while the agency exists, as the record of why it was approved; deleted with it (cascade).
/// </summary>
public sealed class AgencyDocument : UploadedDocument
{
    public const int MaxPerAgency = 10;
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>What a document may be, decided by its content, never by its name or declared type.</summary>
    public static readonly string[] AcceptedTypes = [FileSniffer.Pdf, FileSniffer.Jpeg, FileSniffer.Png];

    private AgencyDocument() { }

    private AgencyDocument(Guid agencyId, AgencyDocumentKind kind, string fileName, string contentType, byte[] content, DateTimeOffset now)
        : base(fileName, contentType, content, now)
    {
        AgencyId = agencyId;
        Kind = kind;
    }

    public Guid AgencyId { get; private set; }
    public AgencyDocumentKind Kind { get; private set; }

    /// <summary>The documents an application of <paramref name="kind"/> cannot be approved without: the application form, and for a
    /// placement business (the kinds that need a licence number, <see cref="Agency.NeedsLicense"/>) the copy of its licence.</summary>
    public static IReadOnlyList<AgencyDocumentKind> RequiredFor(AgencyKind kind) =>
        Agency.NeedsLicense(kind) ? [AgencyDocumentKind.ApplicationForm, AgencyDocumentKind.LicenseCopy] : [AgencyDocumentKind.ApplicationForm];

    /// <summary>The kinds required of <paramref name="kind"/> that none of <paramref name="present"/> covers, in the order of
    /// <see cref="RequiredFor"/>.</summary>
    public static IReadOnlyList<AgencyDocumentKind> Missing(AgencyKind kind, IEnumerable<AgencyDocumentKind> present) => [.. RequiredFor(kind).Except(present)];

    /// <summary>Checks an upload whole (kind, size, type by content) before anything is stored (R-ERR-1).</summary>
    public static AgencyDocument Create(Guid agencyId, AgencyDocumentKind kind, UploadedFile file, DateTimeOffset now)
    {
        const string field = "Document";
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException(ErrorCodes.InvalidChoice, "DocumentKind");
        }
        if (file.Content.Length == 0)
        {
            throw new DomainException(ErrorCodes.FileEmpty, field, file.FileName);
        }
        if (file.Content.Length > MaxBytes)
        {
            throw new DomainException(ErrorCodes.FileTooLarge, field, file.FileName);
        }
        var type = FileSniffer.Detect(file.Content);
        if (type is null || !AcceptedTypes.Contains(type))
        {
            throw new DomainException(ErrorCodes.AgencyDocumentTypeNotAccepted, field, file.FileName);
        }
        var name = Path.GetFileName(file.FileName?.Trim() ?? "");
        if (name.Length == 0)
        {
            throw new DomainException(ErrorCodes.Required, field);
        }
        return new AgencyDocument(agencyId, kind, name.Length > 200 ? name[^200..] : name, type, file.Content, now);
    }
}

using HelloWork.Domain.Common;

namespace HelloWork.Domain.Accounts;

public enum EstablishmentStatus
{
    /// <summary>Opened online; the office has not yet confirmed it (R-ACC-3).</summary>
    Provisional = 0,
    Confirmed = 1,
}

/// <summary>An establishment (事業所) that posts job offers. Several employer users may share it.</summary>
public sealed class Establishment
{
    private Establishment() { }

    public Establishment(Guid officeId, string number, string name, string kana, string postalCode, string prefecture,
        string address, string industry, int employees, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        OfficeId = officeId;
        Number = number;
        Name = Text.RequireName(name, nameof(Name), 100);
        Kana = Text.Require(kana, nameof(Kana), 100, required: false);
        PostalCode = postalCode;
        Prefecture = prefecture;
        Address = Text.Require(address, nameof(Address), 200);
        Industry = Text.Require(industry, nameof(Industry), 100, required: false);
        if (employees is < 0 or > 1_000_000)
        {
            throw new DomainException(ErrorCodes.OutOfRange, nameof(Employees));
        }
        Employees = employees;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    /// <summary>The office with jurisdiction over this establishment.</summary>
    public Guid OfficeId { get; private set; }

    /// <summary>事業所番号 <c>1301-123456-7</c>.</summary>
    public string Number { get; private set; } = "";

    public string Name { get; private set; } = "";
    public string Kana { get; private set; } = "";
    public string PostalCode { get; private set; } = "";
    public string Prefecture { get; private set; } = "";
    public string Address { get; private set; } = "";
    public string Industry { get; private set; } = "";
    public int Employees { get; private set; }
    public string? PrText { get; private set; }

    /// <summary>事業内容 (job sheet section 7), prefilled into new offers.</summary>
    public string? BusinessDescription { get; private set; }

    /// <summary>会社の特長 (job sheet section 7), prefilled into new offers.</summary>
    public string? Features { get; private set; }

    public string? Website { get; private set; }
    public DateTimeOffset? ProfileUpdatedAt { get; private set; }
    public EstablishmentStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ConfirmedAt { get; private set; }

    /// <summary>Whether the establishment was opened from the employer mypage (R-KPI-2).</summary>
    public bool OpenedOnline { get; private set; }

    public void MarkOpenedOnline() => OpenedOnline = true;

    /// <summary>The office confirmed the establishment (a visit or a call, R-ACC-3).</summary>
    public void Confirm(DateTimeOffset now)
    {
        if (Status == EstablishmentStatus.Confirmed)
        {
            throw new DomainException(ErrorCodes.AlreadyConfirmed);
        }
        Status = EstablishmentStatus.Confirmed;
        ConfirmedAt = now;
    }

    public void UpdateProfile(string? prText, string? website)
    {
        PrText = Text.Optional(prText, nameof(PrText), 2000);
        Website = Text.Optional(website, nameof(Website), 300);
        if (Website is not null && !(Uri.TryCreate(Website, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            throw new DomainException(ErrorCodes.InvalidUrl, nameof(Website));
        }
    }

    public const int MaxBusinessDescription = 500;
    public const int MaxFeatures = 1000;
    public const int MaxPrText = 2000;

    /// <summary>事業所PR, 事業内容, 会社の特長 and ホームページ from the employer mypage. Every field is checked before anything changes
    /// (R-ERR-1); markup is stored as text and always shown encoded.</summary>
    public void UpdatePr(string? businessDescription, string? features, string? prText, string? website, DateTimeOffset now)
    {
        var business = Text.Optional(businessDescription, nameof(BusinessDescription), MaxBusinessDescription);
        var feat = Text.Optional(features, nameof(Features), MaxFeatures);
        var pr = Text.Optional(prText, nameof(PrText), MaxPrText);
        var site = Text.Optional(website, nameof(Website), 300);
        if (site is not null && !(Uri.TryCreate(site, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            throw new DomainException(ErrorCodes.InvalidUrl, nameof(Website));
        }
        BusinessDescription = business;
        Features = feat;
        PrText = pr;
        Website = site;
        ProfileUpdatedAt = now;
    }

    /// <summary>事業所番号 for a new establishment: the office's 4-digit prefix, a 6-digit serial and a check digit.</summary>
    public static string FormatNumber(string officeCode, int serial)
    {
        var prefix = officeCode[..4];
        var body = $"{prefix}{serial:D6}";
        var check = body.Select((c, i) => (c - '0') * (i % 2 == 0 ? 1 : 3)).Sum() % 10;
        return $"{prefix}-{serial:D6}-{check}";
    }
}

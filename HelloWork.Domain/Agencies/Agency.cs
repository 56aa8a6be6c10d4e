using HelloWork.Domain.Common;

namespace HelloWork.Domain.Agencies;

public enum AgencyKind
{
    /// <summary>地方公共団体</summary>
    LocalGovernment = 0,

    /// <summary>有料職業紹介事業者</summary>
    PrivatePaid = 1,

    /// <summary>無料職業紹介事業者</summary>
    PrivateFree = 2,

    /// <summary>学校等 (無料職業紹介を届け出た学校・専修学校など, 職業安定法第33条の2)</summary>
    School = 3,

    /// <summary>特別の法人 (無料職業紹介を届け出た商工会議所・農業協同組合など, 職業安定法第33条の3)</summary>
    SpecialCorporation = 4,
}

public enum AgencyStatus
{
    Pending = 0,
    Approved = 1,
    Suspended = 2,

    /// <summary>差戻し: the application was returned with a reason; the agency corrects it and applies again.</summary>
    Returned = 3,
}

/// <summary>An organisation that receives job and (with consent) jobseeker information (SPEC section 8).</summary>
public sealed class Agency
{
    private Agency() { }

    public Agency(string name, AgencyKind kind, string? licenseNumber, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        Name = Text.Require(name, nameof(Name), 100);
        Kind = kind;
        LicenseNumber = Text.Optional(licenseNumber, nameof(LicenseNumber), 30);
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public AgencyKind Kind { get; private set; }
    public string? LicenseNumber { get; private set; }
    public AgencyStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }

    /// <summary>利用団体ID: eight digits given at the first approval, which the agency hands to the jobseekers it serves so that they
    /// can look it up (seed 003: 「利用団体IDを入力して検索する仕組み」). Null until approved.</summary>
    public string? Code { get; private set; }

    /// <summary>Why the last review returned the application (差戻し理由); null unless <see cref="AgencyStatus.Returned"/>.</summary>
    public string? ReturnReason { get; private set; }

    /// <summary>When the application was last approved, returned or sent again.</summary>
    public DateTimeOffset? ReviewedAt { get; private set; }

    /// <summary>Whose consent covers this agency (R-AGY-2): local governments on one side, everyone else — private placement agencies,
    /// schools and special corporations doing free placement (民間職業紹介事業者等) — on the other.</summary>
    public bool IsPrivate => Kind != AgencyKind.LocalGovernment;

    /// <summary>Whether the kind needs a licence or notification number: placement businesses (許可番号). Local governments, schools
    /// and special corporations apply without one (届出 numbers are optional).</summary>
    public static bool NeedsLicense(AgencyKind kind) => kind is AgencyKind.PrivatePaid or AgencyKind.PrivateFree;

    /// <summary>Approves; the first approval gives the 利用団体ID (<paramref name="code"/>, or a new random one).</summary>
    public void Approve(DateTimeOffset now, string? code = null)
    {
        Status = AgencyStatus.Approved;
        ApprovedAt ??= now;
        Code ??= code ?? NewCode();
        ReturnReason = null;
        ReviewedAt = now;
    }

    public void Return(string reason, DateTimeOffset now)
    {
        Status = AgencyStatus.Returned;
        ReturnReason = Text.Require(reason, nameof(ReturnReason), 500);
        ReviewedAt = now;
    }

    /// <summary>The agency corrected its application and applies again.</summary>
    public void Resubmit(string name, AgencyKind kind, string? licenseNumber, DateTimeOffset now)
    {
        Name = Text.Require(name, nameof(Name), 100);
        Kind = kind;
        LicenseNumber = Text.Optional(licenseNumber, nameof(LicenseNumber), 30);
        Status = AgencyStatus.Pending;
        ReviewedAt = now;
    }

    public void Suspend() => Status = AgencyStatus.Suspended;

    /// <summary>Eight random digits, the shape of a 利用団体ID.</summary>
    public static string NewCode() => System.Security.Cryptography.RandomNumberGenerator.GetInt32(10_000_000, 100_000_000)
        .ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whether <paramref name="code"/> has the shape of a 利用団体ID (eight ASCII digits).</summary>
    public static bool IsCode(string? code) => code is { Length: 8 } && code.All(char.IsAsciiDigit);
}

/// <summary>An agency's API key for the data method (R-AGY-1). Only a hash of the secret is stored.</summary>
public sealed class AgencyApiKey
{
    private AgencyApiKey() { }

    public AgencyApiKey(Guid agencyId, string label, string prefix, byte[] secretHash, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        AgencyId = agencyId;
        Label = Text.Require(label, nameof(Label), 50);
        Prefix = prefix;
        SecretHash = secretHash;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid AgencyId { get; private set; }
    public string Label { get; private set; } = "";
    public string Prefix { get; private set; } = "";
    public byte[] SecretHash { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}

/// <summary>A first guidance message from an agency to a provided profile, and the jobseeker's answers (R-AGY-3).</summary>
public sealed class GuidanceMessage
{
    private GuidanceMessage() { }

    public GuidanceMessage(Guid agencyId, Guid jobseekerId, Guid? replyToId, bool fromJobseeker, string body, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        AgencyId = agencyId;
        JobseekerId = jobseekerId;
        ReplyToId = replyToId;
        FromJobseeker = fromJobseeker;
        Body = Text.Require(body, nameof(Body), 2000);
        SentAt = now;
    }

    public Guid Id { get; private set; }
    public Guid AgencyId { get; private set; }
    public Guid JobseekerId { get; private set; }
    public Guid? ReplyToId { get; private set; }
    public bool FromJobseeker { get; private set; }
    public string Body { get; private set; } = "";
    public DateTimeOffset SentAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}

/// <summary>受信拒否: the jobseeker refuses further messages from an agency (R-AGY-3).</summary>
public sealed class AgencyRefusal
{
    private AgencyRefusal() { }

    public AgencyRefusal(Guid agencyId, Guid jobseekerId, DateTimeOffset now)
    {
        AgencyId = agencyId;
        JobseekerId = jobseekerId;
        RefusedAt = now;
    }

    public Guid AgencyId { get; private set; }
    public Guid JobseekerId { get; private set; }
    public DateTimeOffset RefusedAt { get; private set; }
}

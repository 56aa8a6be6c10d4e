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
}

public enum AgencyStatus
{
    Pending = 0,
    Approved = 1,
    Suspended = 2,
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

    public bool IsPrivate => Kind != AgencyKind.LocalGovernment;

    public void Approve(DateTimeOffset now)
    {
        Status = AgencyStatus.Approved;
        ApprovedAt ??= now;
    }

    public void Suspend() => Status = AgencyStatus.Suspended;
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

using System.Security.Cryptography;
using System.Text;

namespace HelloWork.Domain.Mail;

public enum TokenPurpose
{
    PasswordReset = 1,
    ConfirmAddress = 2,
    ChangeAddress = 3,
    Invitation = 4,
}

/// <summary>
/// A one-time link's token (R-MAIL-2): only its SHA-256 hash is stored; it expires at <see cref="ExpiresAt"/> and is spent by
/// its first use. <see cref="NewAddress"/> holds the address an address change waits to confirm.
/// </summary>
public sealed class AccountToken
{
    private AccountToken() { }

    public AccountToken(Guid userId, TokenPurpose purpose, string secret, DateTimeOffset now, TimeSpan lifetime, string? newAddress = null)
    {
        Id = Guid.NewGuid();
        UserId = userId;
        Purpose = purpose;
        Hash = HashOf(secret);
        NewAddress = newAddress;
        CreatedAt = now;
        ExpiresAt = now + lifetime;
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public TokenPurpose Purpose { get; private set; }
    public string Hash { get; private set; } = "";
    public string? NewAddress { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }

    public bool IsUsable(DateTimeOffset now) => UsedAt is null && now < ExpiresAt;

    public void Spend(DateTimeOffset now) => UsedAt = now;

    public static string HashOf(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}

/// <summary>How a person wants notices by mail (R-MAIL-3).</summary>
public enum MailMode
{
    /// <summary>Each notice at once; messages at most one mail per thread per hour.</summary>
    Immediate = 0,
    /// <summary>One mail a day with the counts.</summary>
    Daily = 1,
    None = 2,
}

/// <summary>A person's mail settings: the mode, the language of the mails, and the key of the one-click unsubscribe link.</summary>
public sealed class MailPreference
{
    private MailPreference() { }

    public MailPreference(Guid userId, DateTimeOffset now)
    {
        UserId = userId;
        UnsubscribeKey = OutboxMail.NewSecret();
        UpdatedAt = now;
    }

    public Guid UserId { get; private set; }
    public MailMode Mode { get; private set; }
    public string Culture { get; private set; } = "ja";
    public string UnsubscribeKey { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The last daily digest's time (the next covers the notices after it).</summary>
    public DateTimeOffset? DigestSentAt { get; private set; }

    public void Set(MailMode mode, string culture, DateTimeOffset now)
    {
        Mode = mode;
        Culture = culture is "en" ? "en" : "ja";
        UpdatedAt = now;
    }

    public void DigestDone(DateTimeOffset now) => DigestSentAt = now;
}

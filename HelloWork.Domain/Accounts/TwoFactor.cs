using System.Text;
using HelloWork.Domain.Audit;
using HelloWork.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace HelloWork.Domain.Accounts;

/// <summary>
/// Which roles must sign in with a second factor (an authenticator app). Configuration <c>Auth:TwoFactorRequiredRoles</c>, a
/// comma-separated list of roles; without it staff, administrators, agencies and labour bureaus. Development sets it empty, so the
/// demo accounts and the tests sign in with a password alone unless a test asks for the requirement.
/// </summary>
public sealed class TwoFactorPolicy(IReadOnlySet<string> requiredRoles)
{
    public const string Setting = "Auth:TwoFactorRequiredRoles";

    public static readonly IReadOnlyList<string> DefaultRoles = [Roles.Staff, Roles.Admin, Roles.Agency, Roles.Bureau];

    public IReadOnlySet<string> RequiredRoles { get; } = requiredRoles;

    public bool IsRequiredFor(string? role) => role is not null && RequiredRoles.Contains(role);

    /// <summary>The policy of a setting's value (null: the default roles); names that are not roles are ignored.</summary>
    public static TwoFactorPolicy From(string? setting) => new(setting is null
        ? DefaultRoles.ToHashSet(StringComparer.Ordinal)
        : setting.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(r => Roles.All.FirstOrDefault(known => string.Equals(known, r, StringComparison.OrdinalIgnoreCase)))
            .OfType<string>().ToHashSet(StringComparer.Ordinal));
}

/// <summary>What a person needs to add the portal to an authenticator app: the key (grouped for typing) and the otpauth URI.</summary>
public sealed record AuthenticatorSetup(string Key, string FormattedKey, string Uri, bool Enabled, int RecoveryCodesLeft);

/// <summary>
/// 二段階認証 and the end of every session, through ASP.NET Core Identity's own support: the authenticator key and the recovery
/// codes are Identity's user tokens (<c>AspNetUserTokens</c>), codes are checked by Identity's authenticator token provider
/// (TOTP, RFC 6238). Each change is audited without any key or code in the entry (R-AUD-1); a refusal changes nothing and is
/// named next to its field (R-ERR-1). Turning 2FA on and signing out everywhere give the account a new security stamp, so
/// <see cref="AccessEndInterceptor"/> ends the account's other sessions, pages and hub connections on every node (R-ACC-4).
/// </summary>
public sealed class TwoFactorService(Operations ops, UserManager<AppUser> users, IUserStore<AppUser> store)
{
    public const string CodeField = "Code";
    public const int RecoveryCodeCount = 10;
    public const string Issuer = "HelloWork";

    /// <summary>The account's authenticator key, made (without touching the security stamp) if it has none yet.</summary>
    public async Task<AuthenticatorSetup> SetupAsync(Actor actor, CancellationToken ct = default)
    {
        var user = await UserAsync(actor);
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // UserManager.ResetAuthenticatorKeyAsync also renews the security stamp, which would end this very session before
            // 2FA is even on; the store sets the key alone. A new key for an account without 2FA ends nothing.
            key = users.GenerateNewAuthenticatorKey();
            await ((IUserAuthenticatorKeyStore<AppUser>)store).SetAuthenticatorKeyAsync(user, key, ct);
            Check(await users.UpdateAsync(user));
        }
        var email = user.Email ?? user.UserName ?? user.Id.ToString();
        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(email)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        return new AuthenticatorSetup(key, Format(key), uri, user.TwoFactorEnabled, await users.CountRecoveryCodesAsync(user));
    }

    /// <summary>Turns 2FA on with a code from the app; returns the recovery codes, to be shown once.</summary>
    public async Task<IReadOnlyList<string>> EnableAsync(Actor actor, string? code, CancellationToken ct = default)
    {
        var user = await UserAsync(actor);
        var normalized = Normalize(code);
        if (normalized.Length == 0)
        {
            throw new DomainException(ErrorCodes.Required, CodeField);
        }
        if (string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user))
            || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, normalized))
        {
            throw new DomainException(ErrorCodes.TwoFactorCodeWrong, CodeField);
        }
        Check(await users.SetTwoFactorEnabledAsync(user, true)); // a new stamp: the account's other sessions end
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? [];
        await AuditAsync(actor, AuditActions.TwoFactorEnabled, ct);
        return [.. codes];
    }

    /// <summary>New recovery codes (the old ones stop working), to be shown once.</summary>
    public async Task<IReadOnlyList<string>> RenewRecoveryCodesAsync(Actor actor, CancellationToken ct = default)
    {
        var user = await UserAsync(actor);
        if (!user.TwoFactorEnabled)
        {
            throw new DomainException(ErrorCodes.TwoFactorNotEnabled);
        }
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? [];
        await AuditAsync(actor, AuditActions.TwoFactorRecoveryCodesRenewed, ct);
        return [.. codes];
    }

    /// <summary>すべての端末からログアウト: a new security stamp ends every session, page and hub connection of the account on every
    /// node; the caller signs its own session in again with the new stamp.</summary>
    public async Task SignOutEverywhereAsync(Actor actor, CancellationToken ct = default)
    {
        var user = await UserAsync(actor);
        Check(await users.UpdateSecurityStampAsync(user));
        await AuditAsync(actor, AuditActions.SignedOutEverywhere, ct);
    }

    /// <summary>Audits a sign-in that used a recovery code (Identity has already used it up).</summary>
    public Task RecoveryCodeUsedAsync(AppUser user, CancellationToken ct = default) =>
        AuditAsync(new Actor(user.Id, user.Role, user.DisplayName, user.JobseekerId, user.EstablishmentId, user.OfficeId, user.AgencyId, user.IsSupervisor),
            AuditActions.TwoFactorRecoveryCodeUsed, ct);

    /// <summary>A code as typed, without white space (apps show <c>123 456</c>; recovery codes keep their hyphen, <c>xxxxx-xxxxx</c>,
    /// as Identity stores them).</summary>
    public static string Normalize(string? code) => string.Concat((code ?? "").Where(c => !char.IsWhiteSpace(c)));

    private Task AuditAsync(Actor actor, string action, CancellationToken ct) =>
        ops.RunAsync(actor, w =>
        {
            w.Audit(action, nameof(AppUser), actor.UserId);
            return Task.CompletedTask;
        }, ct);

    private async Task<AppUser> UserAsync(Actor actor) =>
        await users.FindByIdAsync(actor.UserId.ToString()) ?? throw new ScopeException("account");

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Identity refused: " + string.Join(", ", result.Errors.Select(e => e.Code)));
        }
    }

    private static string Format(string key)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            sb.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }
        return sb.ToString().TrimEnd().ToLowerInvariant();
    }
}

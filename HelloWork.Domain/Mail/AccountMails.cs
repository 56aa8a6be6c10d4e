using System.ComponentModel.DataAnnotations;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Audit;
using HelloWork.Domain.Common;
using HelloWork.Domain.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Mail;

/// <summary>
/// The account mails (R-MAIL-2): password reset by an expiring one-time link (the same answer for known and unknown addresses),
/// the confirmation of an address at registration and when it is changed (confirmed at the new address), and the invitation of a
/// login user. Each writes its token (hash only) and its mail in one transaction.
/// </summary>
public sealed class AccountMails(Operations ops, UserManager<AppUser> users)
{
    public const string TokenField = "Token";
    public const string NewField = PasswordRules.NewField;
    public const string ConfirmField = PasswordRules.ConfirmField;
    public const string EmailField = "Email";

    public static readonly TimeSpan ResetLifetime = TimeSpan.FromHours(1);
    public static readonly TimeSpan ConfirmLifetime = TimeSpan.FromDays(3);
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);

    /// <summary>At most this many reset mails per account per hour, whoever asks (the HTTP limit is per client address).</summary>
    public const int ResetsPerHour = 3;


    /// <summary>Asks for a reset link. Returns nothing the caller could tell apart: known, unknown, limited — the same.</summary>
    public Task RequestResetAsync(string? email, CancellationToken ct = default) => ops.RunAsync(Actor.System, async w =>
    {
        var address = (email ?? "").Trim();
        if (address.Length is 0 or > 254)
        {
            return;
        }
        var normalized = users.NormalizeEmail(address);
        var user = await w.Db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, ct);
        if (user?.Email is null || user.LockoutEnd >= EstablishmentUsers.DisabledUntil)
        {
            return;
        }
        var since = w.Now - TimeSpan.FromHours(1);
        if (await w.Db.AccountTokens.CountAsync(t => t.UserId == user.Id && t.Purpose == TokenPurpose.PasswordReset && t.CreatedAt > since, ct) >= ResetsPerHour)
        {
            return;
        }
        await IssueAsync(w, user.Id, user.Email, TokenPurpose.PasswordReset, MailKind.PasswordReset, ResetLifetime, null, ct);
        w.Audit(AuditActions.PasswordResetRequested, nameof(AppUser), user.Id);
    }, ct);

    /// <summary>Whether a reset (or invitation) link is still usable: the page says so before asking for a password.</summary>
    public Task<bool> IsResetUsableAsync(string? token, CancellationToken ct = default) => ops.ReadAsync(async db =>
        await FindAsync(db, token, [TokenPurpose.PasswordReset, TokenPurpose.Invitation], ct) is { } t && t.IsUsable(ops.Clock.GetUtcNow()), ct);

    /// <summary>Sets a new password by a reset or invitation link; throws <see cref="RegistrationException"/> per field. The link
    /// is spent, every other open reset link of the account too, the address counts as confirmed, other sessions end.</summary>
    public Task ResetAsync(string? token, string? newPassword, string? confirmPassword, CancellationToken ct = default) =>
        ops.RunAsync(Actor.System, async w =>
        {
            var found = await FindAsync(w.Db, token, [TokenPurpose.PasswordReset, TokenPurpose.Invitation], ct);
            if (found is null || !found.IsUsable(w.Now))
            {
                throw new RegistrationException(new Dictionary<string, string[]> { [TokenField] = ["ResetLinkInvalid"] });
            }
            var user = await w.Db.Users.FirstOrDefaultAsync(u => u.Id == found.UserId, ct)
                ?? throw new RegistrationException(new Dictionary<string, string[]> { [TokenField] = ["ResetLinkInvalid"] });
            var errors = new Dictionary<string, string[]>();
            await PasswordRules.CheckNewAsync(users, user, newPassword, confirmPassword, errors);
            if (errors.Count > 0)
            {
                throw new RegistrationException(errors);
            }
            PasswordRules.Set(users, user, newPassword!);
            user.EmailConfirmed = true;
            user.AccessFailedCount = 0;
            if (user.LockoutEnd < EstablishmentUsers.DisabledUntil)
            {
                user.LockoutEnd = null;
            }
            await w.Db.AccountTokens.Where(t => t.UserId == user.Id && t.UsedAt == null
                    && (t.Purpose == TokenPurpose.PasswordReset || t.Purpose == TokenPurpose.Invitation))
                .ForEachAsync(t => t.Spend(w.Now), ct);
            w.Audit(found.Purpose == TokenPurpose.Invitation ? "InvitationAccepted" : "PasswordReset", nameof(AppUser), user.Id);
        }, ct);

    /// <summary>Confirms an address by its link: the address of a registration, or the new address of a change. Returns false
    /// when the link is unknown, spent or expired (or the new address was taken meanwhile); nothing changes then.</summary>
    public Task<bool> ConfirmAsync(string? token, CancellationToken ct = default) => ops.RunAsync(Actor.System, async w =>
    {
        var found = await FindAsync(w.Db, token, [TokenPurpose.ConfirmAddress, TokenPurpose.ChangeAddress], ct);
        if (found is null || !found.IsUsable(w.Now) || await w.Db.Users.FirstOrDefaultAsync(u => u.Id == found.UserId, ct) is not { } user)
        {
            return false;
        }
        if (found.Purpose == TokenPurpose.ChangeAddress)
        {
            var normalized = users.NormalizeEmail(found.NewAddress!);
            if (await w.Db.Users.AnyAsync(u => u.Id != user.Id && (u.NormalizedEmail == normalized || u.NormalizedUserName == normalized), ct))
            {
                return false;
            }
            user.Email = user.UserName = found.NewAddress;
            user.NormalizedEmail = user.NormalizedUserName = normalized;
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            user.ConcurrencyStamp = Guid.NewGuid().ToString();
        }
        user.EmailConfirmed = true;
        found.Spend(w.Now);
        w.Audit(found.Purpose == TokenPurpose.ChangeAddress ? "EmailChanged" : "EmailConfirmed", nameof(AppUser), user.Id);
        return true;
    }, ct);

    /// <summary>Asks to change the signed-in person's address: a link goes to the new address; the old one stays until it is used.</summary>
    public Task RequestAddressChangeAsync(Actor actor, string? newEmail, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var address = (newEmail ?? "").Trim();
        if (address.Length == 0)
        {
            throw new DomainException(ErrorCodes.Required, EmailField);
        }
        if (address.Length > 254 || !new EmailAddressAttribute().IsValid(address)
            || !System.Net.Mail.MailAddress.TryCreate(address, out var parsed) || parsed.Address != address)
        {
            throw new DomainException(ErrorCodes.EmailFormat, EmailField);
        }
        var user = await w.Db.Users.FirstOrDefaultAsync(u => u.Id == actor.UserId, ct) ?? throw new ScopeException("account");
        var normalized = users.NormalizeEmail(address);
        if (normalized == user.NormalizedEmail)
        {
            throw new DomainException(ErrorCodes.EmailUnchanged, EmailField);
        }
        if (await w.Db.Users.AnyAsync(u => u.NormalizedEmail == normalized || u.NormalizedUserName == normalized, ct))
        {
            throw new DomainException(ErrorCodes.EmailTaken, EmailField);
        }
        var since = w.Now - TimeSpan.FromHours(1);
        if (await w.Db.AccountTokens.CountAsync(t => t.UserId == user.Id && t.Purpose == TokenPurpose.ChangeAddress && t.CreatedAt > since, ct) >= ResetsPerHour)
        {
            throw new DomainException(ErrorCodes.TooManyRequests, EmailField, 60);
        }
        await IssueAsync(w, user.Id, address, TokenPurpose.ChangeAddress, MailKind.ConfirmNewAddress, ConfirmLifetime, address, ct);
        w.Audit(AuditActions.EmailChangeRequested, nameof(AppUser), user.Id);
    }, ct);

    /// <summary>The confirmation of a new registration's address, in the registration's transaction.</summary>
    public static Task IssueConfirmationAsync(HelloWorkDb db, AppUser user, DateTimeOffset now, CancellationToken ct = default) =>
        IssueAsync(db, user.Id, user.Email!, TokenPurpose.ConfirmAddress, MailKind.ConfirmAddress, ConfirmLifetime, null, now, ct);

    /// <summary>The invitation of a login user an employer adds: a link to set the first password (instead of a password handed over).</summary>
    public static Task IssueInvitationAsync(HelloWorkDb db, AppUser user, DateTimeOffset now, CancellationToken ct = default) =>
        IssueAsync(db, user.Id, user.Email!, TokenPurpose.Invitation, MailKind.Invitation, InvitationLifetime, null, now, ct);

    private static Task IssueAsync(Work w, Guid userId, string address, TokenPurpose purpose, MailKind kind, TimeSpan lifetime,
        string? newAddress, CancellationToken ct) => IssueAsync(w.Db, userId, address, purpose, kind, lifetime, newAddress, w.Now, ct);

    private static async Task IssueAsync(HelloWorkDb db, Guid userId, string address, TokenPurpose purpose, MailKind kind,
        TimeSpan lifetime, string? newAddress, DateTimeOffset now, CancellationToken ct)
    {
        var secret = OutboxMail.NewSecret();
        db.AccountTokens.Add(new AccountToken(userId, purpose, secret, now, lifetime, newAddress));
        // The web links by the mail's kind (the domain knows no route); the token rides in Secret, cleared once the mail is sent.
        await MailQueue.AccountMailAsync(db, userId, address, kind, secret, now, ct);
    }

    private static async Task<AccountToken?> FindAsync(HelloWorkDb db, string? token, TokenPurpose[] purposes, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }
        var hash = AccountToken.HashOf(token);
        var found = await db.AccountTokens.FirstOrDefaultAsync(t => t.Hash == hash, ct);
        return found is not null && purposes.Contains(found.Purpose) ? found : null;
    }
}

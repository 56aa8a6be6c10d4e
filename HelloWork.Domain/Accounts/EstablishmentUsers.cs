using System.ComponentModel.DataAnnotations;
using HelloWork.Domain.Audit;
using HelloWork.Domain.Common;
using HelloWork.Domain.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Accounts;

public sealed record EstablishmentUserView(Guid Id, string Email, string DisplayName, bool IsMain, bool Disabled, bool IsSelf, DateTimeOffset CreatedAt,
    bool InvitationPending = false);

public sealed record EstablishmentUsersView(bool CallerIsMain, IReadOnlyList<EstablishmentUserView> Users);

/// <summary>A new login user: invited by mail to set a password of its own (no password exists until then).</summary>
public sealed record NewEstablishmentUser(Guid Id, string Email, DateTimeOffset InvitationExpiresAt);

/// <summary>
/// ログインユーザー: up to 10 sign-in accounts per establishment (REFERENCE.md). The main account — the earliest enabled user, at
/// first the one who opened the mypage — adds (e-mail + name: the new user gets an invitation mail with a one-time, expiring link
/// to set a password of its own, R-MAIL-2; nobody else ever knows it), disables and removes users. The main account cannot disable itself, and nobody removes the establishment's last enabled user. A disabled
/// user cannot sign in (an Identity lockout without end) and open sessions end at the next security-stamp check.
/// </summary>
public sealed class EstablishmentUsers(Operations ops)
{
    public const int MaxPerEstablishment = 10;

    /// <summary>A lockout until this instant means "disabled by the main account", not "too many failed sign-ins".</summary>
    public static readonly DateTimeOffset DisabledUntil = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly UpperInvariantLookupNormalizer Normalizer = new();

    public Task<EstablishmentUsersView> ListAsync(Actor actor, CancellationToken ct = default) => ops.ReadAsync(async db =>
    {
        var id = actor.RequireEstablishment();
        var users = await UsersOf(db, id, ct);
        var main = MainOf(users);
        var now = ops.Clock.GetUtcNow();
        return new EstablishmentUsersView(main?.Id == actor.UserId,
            [.. users.Select(u => new EstablishmentUserView(u.Id, u.Email ?? "", u.DisplayName, u.Id == main?.Id, IsDisabled(u, now), u.Id == actor.UserId,
                u.CreatedAt, u.PasswordHash == null))]);
    }, ct);

    public Task<NewEstablishmentUser> AddAsync(Actor actor, string? email, string? displayName, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var id = await RequireMainAsync(w, ct);
        var address = (email ?? "").Trim();
        if (address.Length == 0)
        {
            throw new DomainException(ErrorCodes.Required, "Email");
        }
        if (address.Length > 254 || !new EmailAddressAttribute().IsValid(address)
            || !System.Net.Mail.MailAddress.TryCreate(address, out var parsed) || parsed.Address != address)
        {
            throw new DomainException(ErrorCodes.EmailFormat, "Email");
        }
        var name = Text.RequireName(displayName, "DisplayName", 50);
        if (await w.Db.Users.CountAsync(u => u.EstablishmentId == id, ct) >= MaxPerEstablishment)
        {
            throw new DomainException(ErrorCodes.TooManyUsers, "Email", MaxPerEstablishment);
        }
        var normalized = Normalizer.NormalizeEmail(address);
        if (await w.Db.Users.AnyAsync(u => u.NormalizedEmail == normalized || u.NormalizedUserName == normalized, ct))
        {
            throw new DomainException(ErrorCodes.EmailTaken, "Email");
        }
        var user = new AppUser
        {
            Id = Guid.NewGuid(), UserName = address, NormalizedUserName = normalized, Email = address, NormalizedEmail = normalized, EmailConfirmed = true,
            DisplayName = name, Role = Roles.Employer, EstablishmentId = id, CreatedAt = w.Now, LockoutEnabled = true,
            SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(),
            // No password: nobody can sign in as the user until the user sets one by the invitation's link.
            PasswordHash = null,
        };
        w.Db.Users.Add(user);
        var roleId = await w.Db.Roles.Where(r => r.Name == Roles.Employer).Select(r => r.Id).FirstAsync(ct);
        w.Db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roleId });
        // The invitation mail (R-MAIL-2): a one-time link to set a password of the user's own, in this transaction.
        await Mail.AccountMails.IssueInvitationAsync(w.Db, user, w.Now, ct);
        w.Audit(AuditActions.EstablishmentUserAdded, nameof(AppUser), user.Id, detail: address);
        return new NewEstablishmentUser(user.Id, address, w.Now + Mail.AccountMails.InvitationLifetime);
    }, ct);

    public Task SetDisabledAsync(Actor actor, Guid userId, bool disabled, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        await RequireMainAsync(w, ct);
        var user = await UserOfAsync(w, userId, ct);
        if (user.Id == actor.UserId)
        {
            throw new DomainException(ErrorCodes.CannotDisableSelf);
        }
        user.LockoutEnabled = true;
        user.LockoutEnd = disabled ? DisabledUntil : null;
        user.AccessFailedCount = 0;
        // Open sessions of the user end at the next security-stamp check.
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        w.Audit(disabled ? AuditActions.EstablishmentUserDisabled : AuditActions.EstablishmentUserEnabled, nameof(AppUser), user.Id);
    }, ct);

    /// <summary>Removes a login user. The main account may remove itself only while another enabled user remains (who becomes the main
    /// account); the establishment's last user is never removed.</summary>
    public Task RemoveAsync(Actor actor, Guid userId, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var id = await RequireMainAsync(w, ct);
        var user = await UserOfAsync(w, userId, ct);
        var others = (await UsersOf(w.Db, id, ct)).Where(u => u.Id != user.Id && !IsDisabled(u, w.Now)).ToList();
        if (others.Count == 0)
        {
            throw new DomainException(ErrorCodes.LastUserCannotBeRemoved);
        }
        w.Db.Users.Remove(user);
        w.Audit(AuditActions.EstablishmentUserRemoved, nameof(AppUser), user.Id, detail: user.Email);
    }, ct);

    public static bool IsDisabled(AppUser user, DateTimeOffset now) => user.LockoutEnd is { } end && end >= DisabledUntil.AddYears(-1) && end > now;

    private async Task<Guid> RequireMainAsync(Work w, CancellationToken ct)
    {
        var id = w.Actor.RequireEstablishment();
        if (MainOf(await UsersOf(w.Db, id, ct))?.Id != w.Actor.UserId)
        {
            throw new DomainException(ErrorCodes.OnlyMainAccount);
        }
        return id;
    }

    private static async Task<AppUser> UserOfAsync(Work w, Guid userId, CancellationToken ct)
    {
        var id = w.Actor.RequireEstablishment();
        return await w.Db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.EstablishmentId == id, ct) ?? throw new ScopeException("establishment user");
    }

    private static Task<List<AppUser>> UsersOf(HelloWorkDb db, Guid establishmentId, CancellationToken ct) =>
        db.Users.Where(u => u.EstablishmentId == establishmentId && u.Role == Roles.Employer).OrderBy(u => u.CreatedAt).ThenBy(u => u.Id).ToListAsync(ct);

    private AppUser? MainOf(List<AppUser> ordered)
    {
        var now = ops.Clock.GetUtcNow();
        return ordered.FirstOrDefault(u => !IsDisabled(u, now));
    }
}

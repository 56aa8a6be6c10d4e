using HelloWork.Domain.Audit;
using HelloWork.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Accounts;

/// <summary>The password rules of the portal: the Identity password validators configured at start-up (length, digit, lower-case
/// letter, symbol). Registration and the password change ask the same validators, so there is one rule.</summary>
public static class PasswordRules
{
    /// <summary>The refusal codes (<c>Password.PasswordTooShort</c> …) for <paramref name="password"/>; empty when it is acceptable.</summary>
    public static async Task<IReadOnlyList<string>> CheckAsync(UserManager<AppUser> users, AppUser user, string password)
    {
        var codes = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            codes.AddRange(result.Errors.Select(e => "Password." + e.Code).Where(c => !codes.Contains(c)));
        }
        return codes;
    }

    public const string NewField = "NewPassword";
    public const string ConfirmField = "ConfirmPassword";

    /// <summary>The one check of a new password and its confirmation (password change, reset, invitation): adds the refusals of
    /// <see cref="NewField"/> and <see cref="ConfirmField"/> to <paramref name="errors"/>. <paramref name="current"/>, when given, is
    /// the password being replaced: the same one again is refused.</summary>
    public static async Task CheckNewAsync(UserManager<AppUser> users, AppUser user, string? newPassword, string? confirmPassword,
        Dictionary<string, string[]> errors, string? current = null)
    {
        if (string.IsNullOrEmpty(newPassword))
        {
            errors[NewField] = ["Required"];
        }
        else
        {
            var codes = (await CheckAsync(users, user, newPassword)).ToList();
            if (codes.Count == 0 && current is not null && newPassword == current)
            {
                codes.Add("PasswordUnchanged");
            }
            if (codes.Count > 0)
            {
                errors[NewField] = [.. codes];
            }
        }
        if (string.IsNullOrEmpty(confirmPassword))
        {
            errors[ConfirmField] = ["Required"];
        }
        else if (!string.IsNullOrEmpty(newPassword) && confirmPassword != newPassword)
        {
            errors[ConfirmField] = ["PasswordMismatch"];
        }
    }

    /// <summary>The one way a password is set: hashed, a new security stamp — so the account's other sessions end at their next
    /// request (cookie validation, circuit revalidation) — and no more "must change" mark. Returns whether the mark was there.</summary>
    public static bool Set(UserManager<AppUser> users, AppUser user, string newPassword)
    {
        user.PasswordHash = users.PasswordHasher.HashPassword(user, newPassword);
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        var wasInitial = user.MustChangePassword;
        user.MustChangePassword = false;
        return wasInitial;
    }
}

/// <summary>
/// パスワード変更: every signed-in account replaces its own password with the current one, a new one that passes
/// <see cref="PasswordRules"/>, and its confirmation. A refusal changes nothing and names the field (R-ERR-1). On success the
/// security stamp changes, so the account's other sessions end at their next request, the "must change" mark of an initial
/// password is cleared, and the change is audited without any password in the entry (R-AUD-1).
/// </summary>
public sealed class PasswordChangeService(Operations ops, UserManager<AppUser> users)
{
    public const string CurrentField = "CurrentPassword";
    public const string NewField = PasswordRules.NewField;
    public const string ConfirmField = PasswordRules.ConfirmField;

    /// <summary>Changes the password of the signed-in account; throws <see cref="RegistrationException"/> with the refusals per field.</summary>
    public Task ChangeAsync(Actor actor, string? currentPassword, string? newPassword, string? confirmPassword, CancellationToken ct = default) =>
        ops.RunAsync(actor, async w =>
        {
            var user = await w.Db.Users.FirstOrDefaultAsync(u => u.Id == actor.UserId, ct) ?? throw new ScopeException("account");
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrEmpty(currentPassword))
            {
                errors[CurrentField] = ["Required"];
            }
            else if (user.PasswordHash is null
                     || users.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash, currentPassword) == PasswordVerificationResult.Failed)
            {
                errors[CurrentField] = ["CurrentPasswordWrong"];
            }
            await PasswordRules.CheckNewAsync(users, user, newPassword, confirmPassword, errors, currentPassword);
            if (errors.Count > 0)
            {
                throw new RegistrationException(errors);
            }
            // The page signs the current session in again with the new stamp.
            var wasInitial = PasswordRules.Set(users, user, newPassword!);
            w.Audit(AuditActions.PasswordChanged, nameof(AppUser), user.Id, detail: wasInitial ? "initial password replaced" : null);
        }, ct);
}

using HelloWork.Domain.Accounts;
using HelloWork.Domain.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HelloWork.Web.Accounts;

/// <summary>
/// Identity's sign-in with a lockout that holds under parallel tries. Identity checks the password first and then counts a
/// failure by reading the count, adding one and saving: 22 wrong passwords sent at once all read the same small count, and
/// 10 to 14 of them were checked before the first "locked". Here a try first takes one of the
/// <c>MaxFailedAccessAttempts</c> places with one conditional <c>UPDATE … SET AccessFailedCount = AccessFailedCount + 1 WHERE
/// AccessFailedCount &lt; max AND LockoutEnd = (what it read)</c> — atomic in the database, so on every node — and only a try
/// that got a place has its password checked. A wrong password keeps its place (the count), the one that fills the last place
/// locks the account (and answers "locked", as the fifth sequential failure always did); a right one frees the places.
/// So at most five passwords are ever checked per lockout period, however the tries are spread over time and nodes.
/// </summary>
public sealed class AtomicLockoutSignInManager(UserManager<AppUser> userManager, IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory, IOptions<IdentityOptions> optionsAccessor, ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes, IUserConfirmation<AppUser> confirmation, IDbContextFactory<HelloWorkDb> dbs, TimeProvider clock)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<SignInResult> CheckPasswordSignInAsync(AppUser user, string password, bool lockoutOnFailure)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!lockoutOnFailure || !UserManager.SupportsUserLockout || !user.LockoutEnabled)
        {
            return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        }
        if (await PreSignInCheck(user) is { } refused)
        {
            return refused; // locked (or disabled) already
        }
        var lockout = Options.Lockout;
        var seen = user.LockoutEnd;
        await using var db = await dbs.CreateDbContextAsync();
        var place = await db.Users
            .Where(u => u.Id == user.Id && u.AccessFailedCount < lockout.MaxFailedAccessAttempts && u.LockoutEnd == seen)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, u => u.AccessFailedCount + 1));
        if (place == 0)
        {
            // Every place is taken by tries still being checked, or the account was locked since it was read.
            Logger.LogInformation("Sign-in of user {UserId} refused without a password check: locked or all tries in use", user.Id);
            return SignInResult.LockedOut;
        }
        if (await UserManager.CheckPasswordAsync(user, password))
        {
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, 0));
            user.AccessFailedCount = 0;
            return SignInResult.Success;
        }
        // The try that filled the last place locks the account; the count starts again at zero for after the lock, as Identity does.
        var locked = await db.Users
            .Where(u => u.Id == user.Id && u.AccessFailedCount >= lockout.MaxFailedAccessAttempts && u.LockoutEnd == seen)
            .ExecuteUpdateAsync(s => s
                .SetProperty(u => u.LockoutEnd, clock.GetUtcNow().Add(lockout.DefaultLockoutTimeSpan))
                .SetProperty(u => u.AccessFailedCount, 0));
        if (locked > 0)
        {
            Logger.LogWarning("User {UserId} locked out after {Max} failed sign-ins", user.Id, lockout.MaxFailedAccessAttempts);
            return SignInResult.LockedOut;
        }
        return SignInResult.Failed;
    }
}

using System.Security.Claims;
using HelloWork.Domain.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HelloWork.Web.Accounts;

/// <summary>
/// A session lives only as long as the account's security stamp is the one it was signed in with. Identity's own cookie
/// validation compares the stamp only every 30 minutes (<c>SecurityStampValidatorOptions.ValidationInterval</c>, left at its
/// default), so a disabled login user or a session left open elsewhere after a password change went on for up to half an hour.
/// Here the stamp is compared on every request: one primary-key read of one column, no cookie reissued. Identity's validator
/// still runs after it for its 30-minute refresh of the claims.
/// </summary>
public static class SessionStamp
{
    /// <summary>Whether the principal's stamp is the account's current one (false for a removed account or a principal without a stamp).</summary>
    public static async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, IServiceProvider services, CancellationToken ct)
    {
        var options = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var stamp = principal.FindFirstValue(options.SecurityStampClaimType);
        if (!Guid.TryParse(principal.FindFirstValue(options.UserIdClaimType), out var id) || string.IsNullOrEmpty(stamp))
        {
            return false;
        }
        await using var db = await services.GetRequiredService<IDbContextFactory<HelloWorkDb>>().CreateDbContextAsync(ct);
        var current = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.SecurityStamp).FirstOrDefaultAsync(ct);
        return current == stamp;
    }

    /// <summary>The application cookie's <c>OnValidatePrincipal</c>: a stale stamp rejects the principal and deletes the cookie.</summary>
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is not { } principal || !await IsCurrentAsync(principal, context.HttpContext.RequestServices, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}

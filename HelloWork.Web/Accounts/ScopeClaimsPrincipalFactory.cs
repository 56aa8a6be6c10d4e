using System.Security.Claims;
using HelloWork.Domain.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HelloWork.Web.Accounts;

/// <summary>Adds the user's scope (jobseeker, establishment, office, agency, supervisor) to the sign-in principal (R-ACC-4), and the
/// marks that lead the account to a required step first (an initial password to change, a required 2FA to set up).</summary>
internal sealed class ScopeClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options,
    TwoFactorPolicy twoFactor)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ScopeClaims.DisplayName, user.DisplayName));
        Add(identity, ScopeClaims.JobseekerId, user.JobseekerId);
        Add(identity, ScopeClaims.EstablishmentId, user.EstablishmentId);
        Add(identity, ScopeClaims.OfficeId, user.OfficeId);
        Add(identity, ScopeClaims.AgencyId, user.AgencyId);
        if (user.Prefecture is { Length: > 0 } prefecture)
        {
            identity.AddClaim(new Claim(ScopeClaims.Prefecture, prefecture));
        }
        if (user.IsSupervisor)
        {
            identity.AddClaim(new Claim(ScopeClaims.Supervisor, "true"));
        }
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(ScopeClaims.MustChangePassword, "true"));
        }
        if (twoFactor.IsRequiredFor(user.Role) && !user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(ScopeClaims.TwoFactorSetupRequired, "true"));
        }
        return identity;
    }

    private static void Add(ClaimsIdentity identity, string type, Guid? id)
    {
        if (id is { } value)
        {
            identity.AddClaim(new Claim(type, value.ToString()));
        }
    }
}

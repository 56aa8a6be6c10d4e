using Microsoft.AspNetCore.Identity;

namespace HelloWork.Domain.Accounts;

/// <summary>
/// A sign-in account. Exactly one of the scope links is set, matching the role:
/// a jobseeker's profile, an employer's establishment, a staff member's office, an agency, a labour bureau's prefecture.
/// </summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";
    public string Role { get; set; } = "";
    public Guid? JobseekerId { get; set; }
    public Guid? EstablishmentId { get; set; }
    public Guid? OfficeId { get; set; }
    public Guid? AgencyId { get; set; }

    /// <summary>Staff only: office-wide figures and the audit log (R-ACC-4, R-AUD-1).</summary>
    public bool IsSupervisor { get; set; }

    /// <summary>労働局 accounts only: the prefecture whose offices the account oversees (R-EVAL-1), as <see cref="Office.Prefecture"/> spells it.</summary>
    public string? Prefecture { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The password was set by someone else (a login user's initial password): until the user replaces it, every page
    /// but the password change and sign-out sends them to the change page (<c>PasswordChangeGate</c>).</summary>
    public bool MustChangePassword { get; set; }
}

using System.Security.Claims;
using HelloWork.Domain.Accounts;

namespace HelloWork.Domain.Common;

/// <summary>
/// Who is calling a domain operation, with the scope links that R-ACC-4 checks. Built from the signed-in principal
/// on the server; never from anything the browser sends.
/// </summary>
public sealed record Actor(Guid UserId, string Role, string Name, Guid? JobseekerId = null, Guid? EstablishmentId = null,
    Guid? OfficeId = null, Guid? AgencyId = null, bool IsSupervisor = false, string? Prefecture = null)
{
    public static readonly Actor System = new(Guid.Empty, "System", "system");

    public bool IsJobseeker => Role == Roles.Jobseeker && JobseekerId is not null;
    public bool IsEmployer => Role == Roles.Employer && EstablishmentId is not null;
    public bool IsStaff => Role == Roles.Staff && OfficeId is not null;
    public bool IsAgency => Role == Roles.Agency && AgencyId is not null;
    public bool IsAdmin => Role == Roles.Admin;
    public bool IsBureau => Role == Roles.Bureau && !string.IsNullOrEmpty(Prefecture);

    public Guid RequireJobseeker() => IsJobseeker ? JobseekerId!.Value : throw new ScopeException("jobseeker data");

    public Guid RequireEstablishment() => IsEmployer ? EstablishmentId!.Value : throw new ScopeException("employer data");

    public Guid RequireOffice() => IsStaff ? OfficeId!.Value : throw new ScopeException("staff data");

    public Guid RequireAgency() => IsAgency ? AgencyId!.Value : throw new ScopeException("agency data");

    public string RequirePrefecture() => IsBureau ? Prefecture! : throw new ScopeException("labour bureau data");

    public static Actor? From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return null;
        }
        var role = Roles.All.FirstOrDefault(principal.IsInRole) ?? "";
        return new Actor(userId, role, principal.FindFirstValue(ScopeClaims.DisplayName) ?? "",
            Id(principal, ScopeClaims.JobseekerId), Id(principal, ScopeClaims.EstablishmentId), Id(principal, ScopeClaims.OfficeId),
            Id(principal, ScopeClaims.AgencyId), principal.HasClaim(ScopeClaims.Supervisor, "true"), principal.FindFirstValue(ScopeClaims.Prefecture));
    }

    private static Guid? Id(ClaimsPrincipal p, string type) => Guid.TryParse(p.FindFirstValue(type), out var id) ? id : null;
}

using HelloWork.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Accounts;

public sealed record AccountRow(Guid Id, string Email, string DisplayName, string Role, string? Office, string? Agency, bool IsSupervisor, bool LockedOut);

public sealed record Choice(Guid Id, string Label);

/// <summary>Admin view of accounts, offices and agencies (admin only, R-ACC-4).</summary>
public sealed class AccountDirectory(Operations ops)
{
    /// <summary>The accounts an admin creates and looks after. Jobseeker and employer accounts are opened by their owners and
    /// hold personal data (names, e-mail addresses) that is theirs (R-ACC-4): the admin's list never shows them.</summary>
    public static readonly IReadOnlyList<string> ManagedRoles = [Roles.Staff, Roles.Agency, Roles.Admin, Roles.Bureau];

    public Task<List<AccountRow>> ListAsync(Actor actor, string? role, CancellationToken ct = default)
    {
        RequireAdmin(actor);
        var now = ops.Clock.GetUtcNow();
        var roles = ManagedRoles.Where(r => role == null || r == role).ToList();
        return ops.ReadAsync(db =>
            (from u in db.Users
             where roles.Contains(u.Role)
             orderby u.Role, u.Email
             select new AccountRow(u.Id, u.Email ?? "", u.DisplayName, u.Role,
                 db.Offices.Where(o => o.Id == u.OfficeId).Select(o => o.Name).FirstOrDefault() ?? u.Prefecture,
                 db.Agencies.Where(a => a.Id == u.AgencyId).Select(a => a.Name).FirstOrDefault(),
                 u.IsSupervisor, u.LockoutEnd != null && u.LockoutEnd > now)).Take(500).ToListAsync(ct), ct);
    }

    public Task<List<Choice>> OfficesAsync(CancellationToken ct = default) =>
        ops.ReadAsync(db => db.Offices.OrderBy(o => o.Code).Select(o => new Choice(o.Id, o.Code + " " + o.Name)).ToListAsync(ct), ct);

    public Task<List<Choice>> AgenciesAsync(CancellationToken ct = default) =>
        ops.ReadAsync(db => db.Agencies.OrderBy(a => a.Name).Select(a => new Choice(a.Id, a.Name)).ToListAsync(ct), ct);

    private static void RequireAdmin(Actor actor)
    {
        if (!actor.IsAdmin)
        {
            throw new ScopeException("account administration");
        }
    }
}

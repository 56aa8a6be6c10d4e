namespace HelloWork.Web.Accounts;

/// <summary>
/// Idle sign-out of staff and administrators: after <see cref="Timeout"/> without any key, click, touch or scroll
/// in the portal's interactive pages the session ends (circuit and cookie); <see cref="Warning"/> before that a dialog counts
/// the seconds down with 「ログインを延長」. Configuration <c>Auth:IdleSignOut</c> (default 20 minutes; <c>0</c> turns it off)
/// and <c>Auth:IdleWarning</c> (default 60 seconds).
/// </summary>
public sealed record IdleSignOutOptions(TimeSpan Timeout, TimeSpan Warning)
{
    public static readonly IReadOnlyList<string> Roles = [HelloWork.Domain.Accounts.Roles.Staff, HelloWork.Domain.Accounts.Roles.Admin];

    public bool Enabled => Timeout > TimeSpan.Zero;

    public bool AppliesTo(System.Security.Claims.ClaimsPrincipal user) => Enabled && Roles.Any(user.IsInRole);

    /// <summary>How often the browser reports activity at most: often enough for the shortest configured timeout.</summary>
    public TimeSpan ActivityThrottle => TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(15).Ticks, Math.Max(TimeSpan.FromSeconds(1).Ticks, (Timeout - Warning).Ticks / 4)));

    public static IdleSignOutOptions From(IConfiguration configuration)
    {
        var timeout = configuration.GetValue("Auth:IdleSignOut", TimeSpan.FromMinutes(20));
        var warning = configuration.GetValue("Auth:IdleWarning", TimeSpan.FromSeconds(60));
        return new(timeout, warning < timeout ? warning : timeout / 2);
    }
}

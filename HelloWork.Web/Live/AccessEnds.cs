using System.Security.Claims;
using HelloWork.Domain.Notices;
using HelloWork.Web.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace HelloWork.Web.Live;

/// <summary>
/// This node's open hub connections and interactive pages, per person, and what ends each of them. When an
/// <see cref="LiveNotice.AccessEnded"/> signal comes over the live bus (from this node or another: the bus reaches every
/// node), every connection and page of that person on this node is ended at once — before the bus hands this node any
/// later notice (R-ACC-4). See docs/trust-hardening.md, "Access that ends".
/// </summary>
public sealed class AccessEnds(LocalDispatcher dispatcher, ILogger<AccessEnds> logger) : IHostedService, IDisposable
{
    private readonly Dictionary<Guid, List<Registration>> _open = [];

    /// <summary>Identity's security stamp claim (<c>ClaimsIdentityOptions.SecurityStampClaimType</c>'s default).</summary>
    public const string StampClaim = "AspNet.Identity.SecurityStamp";
    private IDisposable? _subscription;

    /// <summary>How many connections and pages of <paramref name="userId"/> are registered on this node.</summary>
    public int CountOf(Guid userId)
    {
        lock (_open)
        {
            return _open.TryGetValue(userId, out var list) ? list.Count : 0;
        }
    }

    /// <summary>Registers something of <paramref name="user"/> to end (synchronously, quickly) when the person's access ends;
    /// dispose the result when it closes by itself, or call it to end it alone.</summary>
    public Registration Register(ClaimsPrincipal user, Action end)
    {
        var userId = UserIdOf(user) ?? throw new InvalidOperationException("Only a signed-in person's connections are registered.");
        var ender = new Registration(this, userId, user.FindFirstValue(StampClaim), end);
        lock (_open)
        {
            if (!_open.TryGetValue(userId, out var list))
            {
                _open[userId] = list = [];
            }
            list.Add(ender);
        }
        return ender;
    }

    /// <summary>Ends everything of <paramref name="userId"/> on this node but what was opened with <paramref name="keepStamp"/>
    /// (the account's new stamp: the session that changed the password goes on).</summary>
    public void End(Guid userId, string? keepStamp)
    {
        List<Registration> enders;
        lock (_open)
        {
            if (!_open.TryGetValue(userId, out var list))
            {
                return;
            }
            enders = [.. list.Where(r => string.IsNullOrEmpty(keepStamp) || r.Stamp != keepStamp)];
        }
        foreach (var ender in enders ?? [])
        {
            try
            {
                ender.End();
                ender.Dispose();
            }
#pragma warning disable CA1031 // one connection that fails to close must not keep the others open
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogWarning(e, "Ending a connection of user {UserId} failed", userId);
            }
        }
        if (enders is { Count: > 0 })
        {
            logger.LogInformation("Access of user {UserId} ended: {Count} connections and pages closed on this node", userId, enders.Count);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = dispatcher.Subscribe(LiveNotice.AccessEndedRecipient, n =>
        {
            End(n.NoticeId, n.NewStamp);
            return Task.CompletedTask;
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => Interlocked.Exchange(ref _subscription, null)?.Dispose();

    public static Guid? UserIdOf(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public sealed class Registration(AccessEnds owner, Guid userId, string? stamp, Action end) : IDisposable
    {
        private int _ended;
        private int _removed;

        public string? Stamp => stamp;

        /// <summary>Ends this one connection or page (once).</summary>
        public void End()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                end();
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _removed, 1) != 0)
            {
                return;
            }
            lock (owner._open)
            {
                if (owner._open.TryGetValue(userId, out var list) && list.Remove(this) && list.Count == 0)
                {
                    owner._open.Remove(userId);
                }
            }
        }
    }
}

/// <summary>
/// Ends an interactive page when its person's access ends: its live feeds stop at once (no further notice reaches it) and
/// its authentication state becomes anonymous, so the router sends it to sign-in (a full load: the circuit closes). Until
/// now that took up to a minute (the revalidation interval).
/// </summary>
public sealed class AccessEndCircuitHandler(AccessEnds ends, AuthenticationStateProvider auth, LiveNotices live, IServiceProvider services) : CircuitHandler
{
    private AccessEnds.Registration? _registration;

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var user = (await auth.GetAuthenticationStateAsync()).User;
        if (AccessEnds.UserIdOf(user) is null)
        {
            return;
        }
        _registration = ends.Register(user, () => EndPage(live, auth));
        // Registered after the session was checked: an end committed in between is seen here (the signal may have gone by).
        if (!await SessionStamp.IsCurrentAsync(user, services, cancellationToken))
        {
            _registration.End();
        }
    }

    /// <summary>Ends an interactive page's signed-in life: its live feeds stop for good and it becomes anonymous (the router sends
    /// it to sign-in). Also used by the idle sign-out.</summary>
    public static void EndPage(LiveNotices live, AuthenticationStateProvider auth)
    {
        live.End();
        if (auth is ServerAuthenticationStateProvider server)
        {
            server.SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
        }
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _registration?.Dispose();
        return Task.CompletedTask;
    }
}

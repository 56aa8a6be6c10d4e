using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace HelloWork.Web.Security;

/// <summary>The section <c>CircuitLimit</c>: how many interactive pages (Blazor circuits) one signed-in person may have
/// connected at once. Each circuit holds server memory and a live subscription; a script opening pages in a loop would
/// otherwise take the server's memory.</summary>
public sealed class CircuitLimitSettings
{
    public const string Section = "CircuitLimit";

    public int PerUser { get; set; } = 5;
}

/// <summary>Connected circuits per user id, for the whole node.</summary>
public sealed class CircuitCounter
{
    private readonly Dictionary<string, int> open = [];
    private readonly Lock gate = new();

    /// <summary>Counts one more circuit of <paramref name="userId"/> unless it already has <paramref name="limit"/>.</summary>
    public bool TryEnter(string userId, int limit)
    {
        lock (gate)
        {
            var count = open.GetValueOrDefault(userId);
            if (count >= limit)
            {
                return false;
            }
            open[userId] = count + 1;
            return true;
        }
    }

    /// <summary>Counts a circuit back in after its connection came back (a reconnect is never refused: the page was admitted).</summary>
    public void Reenter(string userId)
    {
        lock (gate)
        {
            open[userId] = open.GetValueOrDefault(userId) + 1;
        }
    }

    public void Leave(string userId)
    {
        lock (gate)
        {
            var count = open.GetValueOrDefault(userId) - 1;
            if (count <= 0)
            {
                open.Remove(userId);
            }
            else
            {
                open[userId] = count;
            }
        }
    }

    public int CountOf(string userId)
    {
        lock (gate)
        {
            return open.GetValueOrDefault(userId);
        }
    }
}

/// <summary>Per circuit: whether it was refused; <see cref="CircuitGate"/> shows the message instead of the page when it was.</summary>
public sealed class CircuitAdmission
{
    public bool Refused { get; internal set; }
}

/// <summary>
/// Counts each signed-in person's connected circuits (from open or reconnect until the connection drops or the circuit
/// closes) and refuses a new one above <see cref="CircuitLimitSettings.PerUser"/>. A refused circuit renders only the
/// message of <see cref="CircuitGate"/>: no page, no database reads. Anonymous circuits are not counted (public pages only).
/// Separate from <c>LiveCircuitHandler</c>, which only catches up live data after a reconnect.
/// </summary>
public sealed class CircuitLimitHandler(CircuitCounter counter, CircuitAdmission admission, AuthenticationStateProvider auth,
    Microsoft.Extensions.Options.IOptions<CircuitLimitSettings> settings, ILogger<CircuitLimitHandler> log) : CircuitHandler
{
    private string? userId;
    private bool counted;

    // Before other handlers: the decision is made before anything else reacts to the new circuit.
    public override int Order => -100;

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var user = (await auth.GetAuthenticationStateAsync()).User;
        userId = user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        if (userId is null)
        {
            return;
        }
        if (counter.TryEnter(userId, settings.Value.PerUser))
        {
            counted = true;
        }
        else
        {
            admission.Refused = true;
            log.LogWarning("Circuit refused: user {UserId} already has {Limit} interactive pages open", userId, settings.Value.PerUser);
        }
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (userId is not null && !counted && !admission.Refused)
        {
            counter.Reenter(userId);
            counted = true;
        }
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Release();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Release();
        return Task.CompletedTask;
    }

    private void Release()
    {
        if (counted && userId is not null)
        {
            counter.Leave(userId);
            counted = false;
        }
    }
}

using Microsoft.AspNetCore.Components.Server.Circuits;

namespace HelloWork.Web.Live;

/// <summary>When a circuit's connection comes back after a blip, its live subscriptions read what they may have missed.</summary>
public sealed class LiveCircuitHandler(LiveNotices live) : CircuitHandler
{
    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        live.RequestCatchUp();
        return Task.CompletedTask;
    }
}

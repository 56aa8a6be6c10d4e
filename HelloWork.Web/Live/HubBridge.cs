using HelloWork.Domain.Notices;
using Microsoft.AspNetCore.SignalR;

namespace HelloWork.Web.Live;

/// <summary>
/// Forwards every notice this node's dispatcher delivers to the hub group of its recipient (R-LIVE-1). One
/// dispatcher-wide listener, not one subscription per recipient: the group membership lives in SignalR.
/// </summary>
public sealed class HubBridge(LocalDispatcher dispatcher, IHubContext<LiveHub> hub, ILogger<HubBridge> logger) : IHostedService, IDisposable
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = dispatcher.SubscribeAll(ForwardAsync);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => Interlocked.Exchange(ref _subscription, null)?.Dispose();

    private async Task ForwardAsync(LiveNotice notice)
    {
        if (notice.IsAccessEnded)
        {
            return; // handled by AccessEnds, never pushed
        }
        try
        {
            var group = hub.Clients.Group(notice.Recipient);
            await (notice.IsReadSignal
                ? group.SendAsync(LiveHub.ReadMethod, notice.Recipient)
                : group.SendAsync(LiveHub.NoticeMethod, notice));
        }
#pragma warning disable CA1031 // a failed push is only a missed hint: the client catches up from the database
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogWarning(e, "Push of notice {Seq} to {Recipient} failed", notice.Seq, notice.Recipient);
        }
    }
}

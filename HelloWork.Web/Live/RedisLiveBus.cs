using System.Text.Json;
using HelloWork.Domain.Notices;
using StackExchange.Redis;

namespace HelloWork.Web.Live;

/// <summary>
/// The cross-node bus (R-LIVE-1): publishes each committed batch of notices on one Redis pub/sub channel; every node,
/// this one included, receives it and dispatches it to its own listeners (circuits and hub groups) in order. Redis keeps
/// nothing: a node that was disconnected catches up from the database when the connection comes back (R-LIVE-2).
/// </summary>
public sealed class RedisLiveBus(IConnectionMultiplexer redis, LocalDispatcher dispatcher, ILogger<RedisLiveBus> logger)
    : ILiveBus, IHostedService
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("hellowork:live");
    private ChannelMessageQueue? _queue;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _queue = await redis.GetSubscriber().SubscribeAsync(Channel);
        _queue.OnMessage(ReceiveAsync); // one message at a time, in publish order
        redis.ConnectionRestored += OnConnectionRestored;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        redis.ConnectionRestored -= OnConnectionRestored;
        if (_queue is null)
        {
            return;
        }
        try
        {
            await _queue.UnsubscribeAsync();
        }
        catch (Exception e) when (e is ObjectDisposedException or RedisException)
        {
            // Shutting down: the connection is closing (or already closed) anyway, and with it the subscription.
            logger.LogDebug(e, "Redis unsubscribe on shutdown skipped");
        }
    }

    public async Task PublishAsync(IReadOnlyList<LiveNotice> notices, CancellationToken cancellationToken = default)
    {
        if (notices.Count == 0)
        {
            return;
        }
        try
        {
            await redis.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(notices));
        }
        catch (RedisException e)
        {
            // Already committed: the other nodes' pages catch up from the database; this node's pages still get the push.
            logger.LogWarning(e, "Redis publish failed; delivering {Count} notices on this node only", notices.Count);
            foreach (var n in notices)
            {
                await dispatcher.DispatchAsync(n);
            }
        }
    }

    public IDisposable Subscribe(string recipient, Func<LiveNotice, Task> handler) => dispatcher.Subscribe(recipient, handler);

    private async Task ReceiveAsync(ChannelMessage message)
    {
        List<LiveNotice>? notices;
        try
        {
            notices = JsonSerializer.Deserialize<List<LiveNotice>>(message.Message.ToString());
        }
        catch (JsonException e)
        {
            logger.LogWarning(e, "Ignored a malformed live bus message");
            return;
        }
        foreach (var n in notices ?? [])
        {
            await dispatcher.DispatchAsync(n);
        }
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        logger.LogInformation("Redis connection restored ({Type}); live listeners catch up from the database", e.ConnectionType);
        dispatcher.RequestCatchUp();
    }
}

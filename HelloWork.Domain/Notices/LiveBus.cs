using System.Collections.Concurrent;

namespace HelloWork.Domain.Notices;

/// <summary>What the live bus carries: a stored notice, addressed to a recipient key, with its sequence number.</summary>
public sealed record LiveNotice(string Recipient, long Seq, Guid NoticeId, NoticeKind Kind, string Title, string Body, string? Link,
    Guid? SubjectId, DateTimeOffset CreatedAt)
{
    public static LiveNotice From(Notice n) => new(n.Recipient, n.Seq, n.Id, n.Kind, n.Title, n.Body, n.Link, n.SubjectId, n.CreatedAt);
}

/// <summary>
/// Carries notices, after their transaction committed, to every node's listeners (R-LIVE-1). The push is a hint:
/// listeners that miss one catch up from the database by sequence number (R-LIVE-2).
/// </summary>
public interface ILiveBus
{
    Task PublishAsync(IReadOnlyList<LiveNotice> notices, CancellationToken cancellationToken = default);

    /// <summary>Listens to one recipient key on this node; dispose to stop.</summary>
    IDisposable Subscribe(string recipient, Func<LiveNotice, Task> handler);
}

/// <summary>Delivers to the listeners of this node. The single-node bus, and the local end of a cross-node bus.</summary>
public sealed class LocalDispatcher
{
    private readonly ConcurrentDictionary<string, ImmutableHandlers> _handlers = new();

    public IDisposable Subscribe(string recipient, Func<LiveNotice, Task> handler)
    {
        _handlers.AddOrUpdate(recipient, _ => new([handler]), (_, h) => new([.. h.Items, handler]));
        return new Subscription(() => _handlers.AddOrUpdate(recipient, _ => new([]), (_, h) => new([.. h.Items.Where(x => x != handler)])));
    }

    public int ListenerCount(string recipient) => _handlers.TryGetValue(recipient, out var h) ? h.Items.Length : 0;

    public async Task DispatchAsync(LiveNotice notice)
    {
        if (!_handlers.TryGetValue(notice.Recipient, out var handlers))
        {
            return;
        }
        foreach (var handler in handlers.Items)
        {
            try
            {
                await handler(notice);
            }
#pragma warning disable CA1031 // one failing page must not stop delivery to the others; it catches up on reconnect
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }

    private sealed record ImmutableHandlers(Func<LiveNotice, Task>[] Items);

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                dispose();
            }
        }
    }
}

/// <summary>The single-node bus: in-process delivery.</summary>
public sealed class InProcessLiveBus(LocalDispatcher dispatcher) : ILiveBus
{
    public async Task PublishAsync(IReadOnlyList<LiveNotice> notices, CancellationToken cancellationToken = default)
    {
        foreach (var n in notices)
        {
            await dispatcher.DispatchAsync(n);
        }
    }

    public IDisposable Subscribe(string recipient, Func<LiveNotice, Task> handler) => dispatcher.Subscribe(recipient, handler);
}

using System.Collections.Concurrent;

namespace HelloWork.Domain.Notices;

/// <summary>What the live bus carries: a stored notice, addressed to a recipient key, with its sequence number.</summary>
/// <remarks>Data only (kind, subject, arguments): each reader renders it in their own language (R-NTC-1).</remarks>
public sealed record LiveNotice(string Recipient, long Seq, Guid NoticeId, NoticeKind Kind, Guid? SubjectId,
    IReadOnlyDictionary<string, string> Args, DateTimeOffset CreatedAt)
{
    public static LiveNotice From(Notice n) => new(n.Recipient, n.Seq, n.Id, n.Kind, n.SubjectId, NoticeArg.Read(n.Args), n.CreatedAt);

    /// <summary>
    /// Not a stored notice but a signal that the recipient's read/unread state changed (mark-as-read), so every open bell
    /// of that recipient, on every node, reloads its count. It has no sequence number (<see cref="Seq"/> is 0) and is
    /// never caught up: the count is read from the database anyway.
    /// </summary>
    public static LiveNotice ReadSignal(string recipient, DateTimeOffset now) =>
        new(recipient, 0, Guid.Empty, NoticeKind.Info, null, NoticeArg.None, now);

    public bool IsReadSignal => Seq == 0 && Recipient != AccessEndedRecipient && !IsTopicSignal;

    /// <summary>
    /// Not a stored notice but a signal on a topic (<see cref="Topics"/>): something many people see changed (<paramref name="kind"/>
    /// about <paramref name="subjectId"/>). No sequence number, never caught up: pages read the state again. A signal without a subject
    /// means "anything on this topic may have changed" (sent to a circuit after its connection comes back).
    /// </summary>
    public static LiveNotice TopicSignal(string topic, NoticeKind kind, Guid? subjectId, DateTimeOffset now) =>
        new(topic, 0, Guid.Empty, kind, subjectId, NoticeArg.None, now);

    public bool IsTopicSignal => Seq == 0 && Recipient.StartsWith(Topics.Prefix, StringComparison.Ordinal);

    /// <summary>The bus key of <see cref="AccessEnded"/> signals; no notice is ever addressed to it.</summary>
    public const string AccessEndedRecipient = "access-ended";

    /// <summary>
    /// Not a notice but a signal that a person's access has ended (login user disabled or removed, password changed, every
    /// session signed out: the security stamp changed): every node ends that person's hub connections and interactive pages
    /// at once (R-ACC-4). <see cref="NoticeId"/> carries the user id, <see cref="NewStamp"/> the account's new security stamp (empty for a
    /// removed account), so connections already made with the new stamp (the session that changed the password) stay. It goes out on the same bus as the notices, before the
    /// change commits, so on every node it is handled before any notice committed after the change.
    /// </summary>
    public static LiveNotice AccessEnded(Guid userId, string? newStamp, DateTimeOffset now) =>
        new(AccessEndedRecipient, 0, userId, NoticeKind.Info, null, new Dictionary<string, string> { [StampArg] = newStamp ?? "" }, now);

    public bool IsAccessEnded => Recipient == AccessEndedRecipient;

    /// <summary>The new security stamp an <see cref="AccessEnded"/> signal carries (empty for a removed account).</summary>
    public string NewStamp => Args.TryGetValue(StampArg, out var stamp) ? stamp : "";

    private const string StampArg = "stamp";
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
    private ImmutableHandlers _all = new([]);

    /// <summary>Raised when this node may have missed pushes (the cross-node bus lost and regained its connection):
    /// listeners catch up from the database (R-LIVE-2).</summary>
    public event Action? CatchUpRequested;

    public IDisposable Subscribe(string recipient, Func<LiveNotice, Task> handler)
    {
        _handlers.AddOrUpdate(recipient, _ => new([handler]), (_, h) => new([.. h.Items, handler]));
        return new Subscription(() => _handlers.AddOrUpdate(recipient, _ => new([]), (_, h) => new([.. h.Items.Where(x => x != handler)])));
    }

    /// <summary>
    /// Listens to every notice dispatched on this node, whatever its recipient: the hub bridge uses it to forward each
    /// notice to the SignalR group of its recipient without one subscription per recipient.
    /// </summary>
    public IDisposable SubscribeAll(Func<LiveNotice, Task> handler)
    {
        ImmutableHandlers current, updated;
        do
        {
            current = _all;
            updated = new([.. current.Items, handler]);
        }
        while (Interlocked.CompareExchange(ref _all, updated, current) != current);
        return new Subscription(() =>
        {
            ImmutableHandlers before, after;
            do
            {
                before = _all;
                after = new([.. before.Items.Where(x => x != handler)]);
            }
            while (Interlocked.CompareExchange(ref _all, after, before) != before);
        });
    }

    public void RequestCatchUp() => CatchUpRequested?.Invoke();

    public int ListenerCount(string recipient) => _handlers.TryGetValue(recipient, out var h) ? h.Items.Length : 0;

    public async Task DispatchAsync(LiveNotice notice)
    {
        var handlers = _handlers.TryGetValue(notice.Recipient, out var h) ? h.Items : [];
        foreach (var handler in handlers.Concat(_all.Items))
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

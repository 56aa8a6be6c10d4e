using System.Threading.Channels;
using HelloWork.Domain.Common;
using HelloWork.Domain.Notices;

namespace HelloWork.Web.Live;

/// <summary>
/// Live notices for one Blazor circuit (scoped): a component subscribes for the signed-in person's recipient keys and
/// gets each new notice once, in sequence order. The subscription remembers the last sequence per recipient; a push
/// that skips numbers, a cross-node bus that lost its connection, or a circuit whose connection comes back makes it read
/// what it missed from the database (R-LIVE-2): the database is the truth, the push is a hint. A page opened after a
/// server restart simply loads from the database. Read signals (mark-as-read) pass straight through; they are not stored,
/// so after a circuit reconnects each subscription gets, after its catch-up, one read signal per recipient: whatever shows
/// read/unread state (the bell, the applicant list's unread marks) reads it again.
/// Components do not use this class directly but the one live component, <c>LiveUpdates</c> (docs/decisions/0003). However
/// many components of a circuit listen, the circuit has one feed per person (one bus listener per recipient key, one
/// catch-up state) that hands each notice to every listening component: all of them see the same notices, once each.
/// </summary>
public sealed class LiveNotices(ILiveBus bus, NoticeService notices, LocalDispatcher dispatcher, TimeProvider clock, ILogger<LiveNotices> logger)
    : IDisposable
{
    private readonly List<Subscription> _subscriptions = [];
    private readonly Dictionary<Guid, Task<Subscription>> _feeds = [];
    private bool _ended;

    private ILiveBus Bus => bus;
    private NoticeService Notices => notices;
    private LocalDispatcher Dispatcher => dispatcher;
    private ILogger Logger => logger;
    private TimeProvider Clock => clock;

    /// <summary>Starts listening; <paramref name="onNotice"/> runs off the render thread (wrap it in <c>InvokeAsync</c>).</summary>
    public async Task<IDisposable> SubscribeAsync(Actor actor, Func<LiveNotice, Task> onNotice, CancellationToken ct = default)
    {
        Task<Subscription> feed;
        lock (_subscriptions)
        {
            if (_ended)
            {
                return new Ended(); // the person's access has ended: this page gets nothing more
            }
            if (!_feeds.TryGetValue(actor.UserId, out feed!) || feed.IsFaulted || feed.IsCanceled)
            {
                feed = StartFeedAsync(actor, ct);
                _feeds[actor.UserId] = feed;
            }
        }
        var subscription = await feed;
        lock (_subscriptions)
        {
            if (_ended)
            {
                return new Ended();
            }
        }
        return subscription.Add(onNotice);
    }

    private async Task<Subscription> StartFeedAsync(Actor actor, CancellationToken ct)
    {
        var subscription = new Subscription(this, actor);
        try
        {
            await subscription.StartAsync(ct);
        }
        catch
        {
            subscription.Dispose();
            throw;
        }
        lock (_subscriptions)
        {
            if (_ended)
            {
                subscription.Dispose();
                return subscription;
            }
            _subscriptions.Add(subscription);
        }
        return subscription;
    }

    /// <summary>Reads what every subscription of this circuit may have missed, then re-signals read state (called when the
    /// circuit's connection comes back).</summary>
    public void RequestCatchUp()
    {
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.RequestReconnectCatchUp());
        }
    }

    /// <summary>The person's access has ended (<see cref="AccessEnds"/>): every feed of this circuit stops now, for good.</summary>
    public void End()
    {
        lock (_subscriptions)
        {
            _ended = true;
        }
        Dispose();
    }

    public void Dispose()
    {
        lock (_subscriptions)
        {
            foreach (var s in _subscriptions.ToList())
            {
                s.Dispose();
            }
        }
    }

    private sealed class Ended : IDisposable
    {
        public void Dispose()
        {
        }
    }

    private sealed class Subscription(LiveNotices owner, Actor actor) : IDisposable
    {
        private readonly Lock _gate = new();
        private Func<LiveNotice, Task>[] _handlers = [];

        // null = "catch up everything"; Reconnected = catch up, then one read signal per recipient; otherwise a pushed notice.
        // One reader: handled one at a time, in arrival order.
        private static readonly LiveNotice Reconnected = LiveNotice.ReadSignal("", DateTimeOffset.MinValue);
        private readonly Channel<LiveNotice?> _queue = Channel.CreateUnbounded<LiveNotice?>(new() { SingleReader = true });
        private readonly Dictionary<string, long> _last = [];
        private readonly List<IDisposable> _busSubscriptions = [];
        private readonly CancellationTokenSource _stop = new();
        private int _disposed;

        public async Task StartAsync(CancellationToken ct)
        {
            var recipients = NoticeService.RecipientsOf(actor);
            // Listen first, then read where each recipient stands: a notice committed in between is either at or below
            // the baseline (skipped) or above it (handled), never lost.
            foreach (var recipient in recipients.Concat(NoticeService.TopicsOf(actor)))
            {
                _busSubscriptions.Add(owner.Bus.Subscribe(recipient, n => { _queue.Writer.TryWrite(n); return Task.CompletedTask; }));
            }
            foreach (var recipient in recipients)
            {
                _last[recipient] = await owner.Notices.LastSeqAsync(actor, recipient, ct);
            }
            owner.Dispatcher.CatchUpRequested += RequestCatchUp;
            _ = Task.Run(RunAsync, CancellationToken.None);
        }

        public void RequestCatchUp() => _queue.Writer.TryWrite(null);

        public void RequestReconnectCatchUp() => _queue.Writer.TryWrite(Reconnected);

        private async Task RunAsync()
        {
            try
            {
                await foreach (var item in _queue.Reader.ReadAllAsync(_stop.Token))
                {
                    if (item is null || ReferenceEquals(item, Reconnected))
                    {
                        foreach (var recipient in _last.Keys.ToList())
                        {
                            await CatchUpAsync(recipient);
                        }
                        if (item is not null)
                        {
                            foreach (var recipient in _last.Keys.ToList())
                            {
                                await DeliverAsync(LiveNotice.ReadSignal(recipient, owner.Clock.GetUtcNow()));
                            }
                        }
                        // Topics are state, not stored: after a reconnect (of the circuit or of the bus) the pages on them read it again (R-LIVE-2).
                        foreach (var topic in NoticeService.TopicsOf(actor))
                        {
                            await DeliverAsync(LiveNotice.TopicSignal(topic, NoticeKind.Info, null, owner.Clock.GetUtcNow()));
                        }
                    }
                    else if (item.IsReadSignal || item.IsTopicSignal)
                    {
                        await DeliverAsync(item);
                    }
                    else if (item.Seq == _last[item.Recipient] + 1)
                    {
                        _last[item.Recipient] = item.Seq;
                        await DeliverAsync(item);
                    }
                    else if (item.Seq > _last[item.Recipient])
                    {
                        await CatchUpAsync(item.Recipient); // a gap: read it from the database, in order
                    }
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
            }
#pragma warning disable CA1031 // a broken feed must not take the circuit down; the page still loads from the database
            catch (Exception e)
#pragma warning restore CA1031
            {
                owner.Logger.LogError(e, "Live notice feed stopped");
            }
        }

        private async Task CatchUpAsync(string recipient)
        {
            while (!_stop.IsCancellationRequested)
            {
                var missed = await owner.Notices.SinceAsync(actor, recipient, _last[recipient], LiveHub.CatchUpBatch, _stop.Token);
                foreach (var n in missed)
                {
                    _last[recipient] = n.Seq;
                    await DeliverAsync(n);
                }
                if (missed.Count < LiveHub.CatchUpBatch)
                {
                    return;
                }
            }
        }

        /// <summary>Adds a listening component; disposing the handle removes it, and the last one stops the feed.</summary>
        public IDisposable Add(Func<LiveNotice, Task> handler)
        {
            lock (_gate)
            {
                _handlers = [.. _handlers, handler];
            }
            return new Handle(() =>
            {
                bool last;
                lock (_gate)
                {
                    _handlers = [.. _handlers.Where(h => h != handler)];
                    last = _handlers.Length == 0;
                }
                if (last)
                {
                    lock (owner._subscriptions)
                    {
                        if (_handlers.Length > 0)
                        {
                            return;
                        }
                        owner._feeds.Remove(actor.UserId);
                    }
                    Dispose();
                }
            });
        }

        private async Task DeliverAsync(LiveNotice notice)
        {
            if (_stop.IsCancellationRequested)
            {
                return; // ended (the circuit closed, or the person's access ended) while this one was on its way
            }
            foreach (var handler in Volatile.Read(ref _handlers))
            {
                try
                {
                    await handler(notice);
                }
#pragma warning disable CA1031 // one failing component must not stop the feed
                catch (Exception e)
#pragma warning restore CA1031
                {
                    owner.Logger.LogWarning(e, "A live notice handler failed");
                }
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }
            owner.Dispatcher.CatchUpRequested -= RequestCatchUp;
            _busSubscriptions.ForEach(s => s.Dispose());
            _queue.Writer.TryComplete();
            _stop.Cancel();
            lock (owner._subscriptions)
            {
                owner._subscriptions.Remove(this);
            }
        }
    }

    private sealed class Handle(Action dispose) : IDisposable
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

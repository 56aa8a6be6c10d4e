namespace HelloWork.Domain.Common;

/// <summary>
/// At most <see cref="PermitLimit"/> actions of one kind per person within a sliding <see cref="Window"/> (a log of the last
/// actions per key, on the injected clock). Used for what a signed-in person does inside an interactive page, where no HTTP
/// request exists to throttle: sending messages (R-MSG-1). A refusal is a <see cref="DomainException"/> with the seconds to
/// wait, shown next to the field like every other refusal (R-ERR-1); nothing is saved.
/// </summary>
public sealed class ActionLimit(string name, int permitLimit, TimeSpan window, TimeProvider clock)
{
    private readonly Dictionary<string, Queue<DateTimeOffset>> log = [];
    private readonly Lock gate = new();
    private DateTimeOffset lastPrune = DateTimeOffset.MinValue;

    public string Name { get; } = name;
    public int PermitLimit { get; } = permitLimit > 0 ? permitLimit : throw new ArgumentOutOfRangeException(nameof(permitLimit));
    public TimeSpan Window { get; } = window > TimeSpan.Zero ? window : throw new ArgumentOutOfRangeException(nameof(window));

    /// <summary>Counts one action of <paramref name="key"/>, or throws <c>DomainException("TooManyRequests", field, seconds)</c>
    /// when the key already used its permits in the window.</summary>
    public void Take(string key, string? field = null)
    {
        if (!TryTake(key, out var retryAfter))
        {
            throw new DomainException(ErrorCodes.TooManyRequests, field, Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)));
        }
    }

    public bool TryTake(string key, out TimeSpan retryAfter)
    {
        var now = clock.GetUtcNow();
        lock (gate)
        {
            if (!log.TryGetValue(key, out var times))
            {
                log[key] = times = new Queue<DateTimeOffset>();
            }
            while (times.Count > 0 && times.Peek() <= now - Window)
            {
                times.Dequeue();
            }
            if (times.Count >= PermitLimit)
            {
                retryAfter = times.Peek() + Window - now;
                return false;
            }
            times.Enqueue(now);
            if (log.Count > 10_000 && now - lastPrune > Window)
            {
                Prune(now);
            }
            retryAfter = TimeSpan.Zero;
            return true;
        }
    }

    private void Prune(DateTimeOffset now)
    {
        lastPrune = now;
        foreach (var (key, times) in log.ToList())
        {
            if (times.Count == 0 || times.Last() <= now - Window)
            {
                log.Remove(key);
            }
        }
    }
}

/// <summary>The limit on messages one person sends (R-MSG-1), keyed by user id; registered by the host from configuration.</summary>
public sealed class MessageSendLimit(int permitLimit, TimeSpan window, TimeProvider clock)
{
    public ActionLimit Limit { get; } = new("Messages", permitLimit, window, clock);
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HelloWork.Bench;

/// <summary>
/// What one operation sends to the database and what each statement costs: listens to EF Core's diagnostic events (no change
/// to the domain's registration) and sums, per statement, the time from executing it to closing its reader (for a query that
/// includes reading and materialising the rows). What is left of an operation's wall time is our code, EF Core's and the
/// client side of the provider. Used by <c>writes --breakdown</c>.
/// </summary>
public sealed partial class StatementBreakdown : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly ConcurrentDictionary<string, (int Count, double Micros)> _statements = new();
    private readonly ConcurrentDictionary<Guid, long> _started = new();
    private readonly List<IDisposable> _subscriptions = [];
    private readonly IDisposable _all;
    private volatile bool _on;

    public StatementBreakdown() => _all = DiagnosticListener.AllListeners.Subscribe(this);

    /// <summary>Counts only between <see cref="Start"/> and <see cref="Stop"/> (the warm-up is not counted).</summary>
    public void Start() => _on = true;

    public void Stop() => _on = false;

    /// <summary>Statement (shortened) → how often it ran, total µs.</summary>
    public IReadOnlyDictionary<string, (int Count, double Micros)> Statements => _statements;

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (!_on)
        {
            return;
        }
        switch (value.Value)
        {
            case CommandExecutedEventData executed when executed.Result is not System.Data.Common.DbDataReader:
                Add(executed.Command.CommandText, executed.Duration);
                break;
            case CommandExecutedEventData reader:
                _started[reader.CommandId] = Stopwatch.GetTimestamp() - reader.Duration.Ticks * Stopwatch.Frequency / TimeSpan.TicksPerSecond;
                break;
            case DataReaderDisposingEventData disposing when _started.TryRemove(disposing.CommandId, out var start):
                Add(disposing.Command.CommandText, Stopwatch.GetElapsedTime(start));
                break;
            case TransactionEndEventData transaction:
                Add(value.Key[(value.Key.LastIndexOf('.') + 1)..], transaction.Duration);
                break;
            case ConnectionEndEventData connection:
                Add(value.Key[(value.Key.LastIndexOf('.') + 1)..], connection.Duration);
                break;
        }
    }

    private void Add(string sql, TimeSpan duration)
    {
        var key = Shorten(sql);
        _statements.AddOrUpdate(key, (1, duration.TotalMicroseconds), (_, v) => (v.Count + 1, v.Micros + duration.TotalMicroseconds));
    }

    /// <summary>The statement's kind and table, e.g. <c>SELECT … FROM "JobOffers"</c>, <c>INSERT INTO "Notices"</c>; a batch lists each.</summary>
    private static string Shorten(string sql)
    {
        if (!sql.Contains(' ', StringComparison.Ordinal))
        {
            return sql;
        }
        var parts = sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => Verb().Match(s) is { Success: true } m ? $"{m.Groups[1].Value.ToUpperInvariant()} {m.Groups[2].Value}" : s.Length > 40 ? s[..40] : s)
            .Where(s => !s.StartsWith("RETURNING", StringComparison.OrdinalIgnoreCase) && s.Length > 0);
        return string.Join(" + ", parts);
    }

    [GeneratedRegex("""^\s*(SELECT|INSERT INTO|UPDATE|DELETE FROM)\b(?:.*?\bFROM\s+)?\s*("[^"]+")""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Verb();

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _all.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }
}

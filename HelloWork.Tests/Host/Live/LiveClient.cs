using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using HelloWork.Domain.Notices;
using Microsoft.AspNetCore.SignalR.Client;

using HelloWork.Tests.Browser;

namespace HelloWork.Tests.Host.Live;

/// <summary>
/// A non-Blazor client of /hubs/live, written the way a mobile app would: bearer token from /api/auth/login, pushes as
/// hints, and a last-seen sequence per recipient so that each notice is handled exactly once, in order (R-LIVE-2).
/// </summary>
public sealed class LiveClient : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _last = [];
    private readonly List<LiveNotice> _handled = [];
    private readonly ConcurrentQueue<(LiveNotice Notice, long At)> _pushes = new();
    private HttpClient _http;
    private readonly string _email;

    private LiveClient(Uri baseAddress, string email, Uri? loginAddress)
    {
        _http = new HttpClient { BaseAddress = loginAddress ?? baseAddress };
        _email = email;
        Connection = Build(baseAddress);
    }

    public HubConnection Connection { get; private set; }

    /// <summary>Every push as it arrived, with its <see cref="Stopwatch"/> timestamp.</summary>
    public IReadOnlyList<(LiveNotice Notice, long At)> Pushes => [.. _pushes];

    /// <summary>What the client handled: pushes and catch-up merged, each once, in sequence order per recipient.</summary>
    public IReadOnlyList<LiveNotice> Handled
    {
        get
        {
            lock (_gate)
            {
                return [.. _handled];
            }
        }
    }

    /// <param name="loginAddress">Where to sign in, when not the node the hub runs on (another node: shared keys).</param>
    public static async Task<LiveClient> ConnectAsync(Uri baseAddress, string email, Uri? loginAddress = null)
    {
        var client = new LiveClient(baseAddress, email, loginAddress);
        await client.Connection.StartAsync();
        return client;
    }

    /// <summary>Points the client at another node (a restarted server, another port), signs in there and connects.</summary>
    public async Task ReconnectAsync(Uri baseAddress)
    {
        await Connection.DisposeAsync();
        _http.Dispose();
        _http = new HttpClient { BaseAddress = baseAddress };
        Connection = Build(baseAddress);
        await Connection.StartAsync();
    }

    public Task StopAsync() => Connection.StopAsync();

    public Task StartAsync() => Connection.StartAsync();

    /// <summary>The recipient keys the hub joined this connection to (its own person, establishment …).</summary>
    public Task<List<string>> RecipientsAsync() => Connection.InvokeAsync<List<string>>("Recipients");

    public Task<List<LiveNotice>> CatchUpRawAsync(string recipient, long afterSeq) =>
        Connection.InvokeAsync<List<LiveNotice>>("CatchUp", recipient, afterSeq);

    /// <summary>Reads everything after the last handled sequence of <paramref name="recipient"/>, batch after batch.</summary>
    public async Task CatchUpAsync(string recipient)
    {
        while (true)
        {
            var batch = await CatchUpRawAsync(recipient, Last(recipient));
            foreach (var n in batch)
            {
                Accept(n);
            }
            if (batch.Count < 500)
            {
                return;
            }
        }
    }

    public long Last(string recipient)
    {
        lock (_gate)
        {
            return _last.GetValueOrDefault(recipient);
        }
    }

    /// <summary>Waits until a push matching <paramref name="match"/> has arrived; returns it and its arrival timestamp.</summary>
    public async Task<(LiveNotice Notice, long At)?> WaitForPushAsync(Func<LiveNotice, bool> match, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            foreach (var p in _pushes)
            {
                if (match(p.Notice))
                {
                    return p;
                }
            }
            await Task.Delay(5);
        }
        return null;
    }

    private void Accept(LiveNotice n)
    {
        lock (_gate)
        {
            var last = _last.GetValueOrDefault(n.Recipient);
            if (n.Seq == last + 1)
            {
                _last[n.Recipient] = n.Seq;
                _handled.Add(n);
            }
            // n.Seq <= last: already handled. n.Seq > last + 1: a gap; the next catch-up fills it in order.
        }
    }

    private HubConnection Build(Uri baseAddress)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/hubs/live"), o => o.AccessTokenProvider = LoginAsync)
            .Build();
        connection.On<LiveNotice>("notice", n =>
        {
            _pushes.Enqueue((n, Stopwatch.GetTimestamp()));
            Accept(n);
        });
        return connection;
    }

    private async Task<string?> LoginAsync()
    {
        using var response = await _http.PostAsJsonAsync("/api/auth/login", new { email = _email, password = "HelloWork!2026" });
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("accessToken").GetString();
    }

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        _http.Dispose();
    }
}

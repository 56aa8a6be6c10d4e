using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using HelloWork.Domain.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Testing;

/// <summary>What a fault run does: how many kills, how the load is shaped, where the portal and its database are.</summary>
public sealed record FaultRunSettings
{
    /// <summary>The built portal, <c>HelloWork.Web/bin/{Debug|Release}/net10.0/HelloWork.Web.dll</c>.</summary>
    public required string WebDll { get; init; }

    /// <summary>A folder of the run's own: the SQLite file, the process log.</summary>
    public required string Folder { get; init; }

    public int Kills { get; init; } = 20;
    public int Seed { get; init; } = 20261123;

    /// <summary>Concurrent clients (each a jobseeker's app with its own bearer token), round-robin over the demo jobseekers.</summary>
    public int Workers { get; init; } = 4;

    /// <summary>How long the portal runs under load before each kill: uniformly between these two.</summary>
    public TimeSpan MinUptime { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxUptime { get; init; } = TimeSpan.FromSeconds(5);

    public Action<string> Log { get; init; } = _ => { };
}

/// <summary>One check after a restart: how many acknowledged changes it looked for, how many were missing, PRAGMA integrity_check.</summary>
public sealed record FaultCheck(int Kill, double RestartMs, int Acknowledged, int Lost, string Integrity);

public sealed record FaultRunResult
{
    public int Kills { get; init; }
    public double ColdStartMs { get; init; }
    public IReadOnlyList<FaultCheck> Checks { get; init; } = [];
    public int AcknowledgedApplications { get; init; }
    public int AcknowledgedMessages { get; init; }
    public int Acknowledged => AcknowledgedApplications + AcknowledgedMessages;

    /// <summary>Acknowledged changes missing from the database at the final check (must be 0).</summary>
    public int Lost { get; init; }

    public IReadOnlyList<string> LostExamples { get; init; } = [];

    /// <summary>Requests that reached the server (or may have) but got no answer: the connection died with the process, or timed out.</summary>
    public int InDoubt { get; init; }

    /// <summary>Of those, committed anyway (the commit happened, the answer was lost with the process): allowed.</summary>
    public int UnacknowledgedPresent { get; init; }

    /// <summary>Refused before reaching the server (connection refused while it was down): nothing to check.</summary>
    public int NotSent { get; init; }

    /// <summary>4xx answers: rule refusals such as 既に応募済み (counted, not a failure).</summary>
    public int Refused { get; init; }

    /// <summary>5xx answers: must be 0.</summary>
    public int ServerErrors { get; init; }

    public IReadOnlyList<string> ServerErrorExamples { get; init; } = [];
    public int IntegrityFailures => Checks.Count(c => c.Integrity != "ok");
    public string JournalMode { get; init; } = "";
    public string Synchronous { get; init; } = "";
    public int Seed { get; init; }

    public bool Passed => Lost == 0 && IntegrityFailures == 0 && ServerErrors == 0 && Checks.Count == Kills + 1 && Acknowledged > 0;
}

/// <summary>
/// The fault run: the real portal process (<c>dotnet HelloWork.Web.dll</c>, SQLite file of its own, demo data) under a
/// steady stream of applications and messages from bearer-token clients over HTTP (<c>/api/v1/me/...</c>), killed with SIGKILL at
/// random moments and restarted. After every restart, and at the end, the SQLite file is opened read-only beside the running
/// portal: every change whose 201 (with its id) a client received must be there, with its text, and
/// <c>PRAGMA integrity_check</c> must say ok. Shared by <c>HelloWork.Bench fault</c> and the short run in the test suite.
/// </summary>
public sealed class FaultRun
{
    private const string Password = "HelloWork!2026";
    private static readonly string[] Jobseekers = ["jobseeker1@example.jp", "jobseeker2@example.jp"];

    private readonly FaultRunSettings _s;
    private readonly string _dbPath;
    private readonly string _tag;
    private readonly ConcurrentQueue<Attempt> _attempts = new();
    private readonly ConcurrentQueue<string> _serverErrors = new();
    private int _refused;
    private int _acknowledged;
    private int _notSent;
    private int _serverErrorCount;
    private Uri? _base;
    private PortalProcess? _portal;

    public FaultRun(FaultRunSettings settings)
    {
        _s = settings;
        _dbPath = Path.Combine(settings.Folder, "hellowork.db");
        _tag = "fault-" + settings.Seed.ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
    }

    private enum Kind
    {
        Application,
        Message,
    }

    /// <summary>A create a client sent: its marker text, and the id the server acknowledged (null: no answer).</summary>
    private sealed record Attempt(Kind Kind, string Marker, Guid? AckId);

    public async Task<FaultRunResult> RunAsync(CancellationToken ct = default)
    {
        Directory.CreateDirectory(_s.Folder);
        var random = new Random(_s.Seed);
        var checks = new List<FaultCheck>();
        try
        {
            var cold = await StartPortalAsync(ct);
            _s.Log($"portal up (cold start: migrations + demo data) in {cold:N0} ms at {_base}");
            var offers = await SelfApplicationOffersAsync();
            _s.Log($"{offers.Count} open offers accept self-application; {_s.Workers} clients, marker '{_tag}'");

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var workers = Enumerable.Range(0, _s.Workers)
                .Select(i => Task.Run(() => WorkerAsync(i, offers, _s.Seed * 31 + i, stop.Token), CancellationToken.None)).ToArray();

            for (var kill = 1; kill <= _s.Kills; kill++)
            {
                // The kill falls while changes are flowing: first the clients must be through again (a few acknowledgements
                // since the start: sign-in and the first requests of a fresh process are slow), then a random time.
                await AcknowledgementsAsync(MinAcknowledgementsPerLife, ct);
                var uptime = _s.MinUptime + (_s.MaxUptime - _s.MinUptime) * random.NextDouble();
                await Task.Delay(uptime, ct);
                await KillAsync();
                var restart = await StartPortalAsync(ct);
                var check = await CheckAsync(kill, restart);
                checks.Add(check);
                _s.Log($"kill {kill,2}/{_s.Kills} after {uptime.TotalMilliseconds,5:N0} ms up: restart {restart,6:N0} ms, " +
                       $"{check.Acknowledged,5} acknowledged checked, lost {check.Lost}, integrity_check {check.Integrity}");
            }

            // A last stretch of load on the last restart, then the clients stop and everything is checked once more.
            await AcknowledgementsAsync(MinAcknowledgementsPerLife, ct);
            await Task.Delay(_s.MinUptime, ct);
            await stop.CancelAsync();
            await Task.WhenAll(workers);
            var final = await CheckAsync(_s.Kills + 1, 0);
            checks.Add(final);
            var (journal, synchronous) = await PragmasAsync();
            var present = await PresentMarkersAsync();
            var attempts = _attempts.ToArray();
            var acked = attempts.Where(a => a.AckId is not null).ToArray();
            var inDoubt = attempts.Where(a => a.AckId is null).ToArray();
            var lost = MissingAcknowledged(acked, present);
            return new FaultRunResult
            {
                Kills = _s.Kills,
                ColdStartMs = cold,
                Checks = checks,
                AcknowledgedApplications = acked.Count(a => a.Kind == Kind.Application),
                AcknowledgedMessages = acked.Count(a => a.Kind == Kind.Message),
                Lost = lost.Count,
                LostExamples = [.. lost.Take(5).Select(a => $"{a.Kind} {a.AckId} {a.Marker}")],
                InDoubt = inDoubt.Length,
                UnacknowledgedPresent = inDoubt.Count(a => present.ContainsKey(a.Marker)),
                NotSent = _notSent,
                Refused = _refused,
                ServerErrors = _serverErrorCount,
                ServerErrorExamples = [.. _serverErrors.Take(5)],
                JournalMode = journal,
                Synchronous = synchronous,
                Seed = _s.Seed,
            };
        }
        finally
        {
            await KillAsync();
            SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>Acknowledgements each life of the process sees before its kill is timed.</summary>
    private const int MinAcknowledgementsPerLife = 3;

    /// <summary>Waits until <paramref name="count"/> more changes have been acknowledged (at most 2 minutes: a stuck load is reported by
    /// the figures, not by hanging).</summary>
    private async Task AcknowledgementsAsync(int count, CancellationToken ct)
    {
        var target = Acknowledged() + count;
        var watch = Stopwatch.StartNew();
        while (Acknowledged() < target && watch.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(20, ct);
        }
    }

    private int Acknowledged() => Volatile.Read(ref _acknowledged);

    /// <summary>Starts <c>dotnet HelloWork.Web.dll</c> on a free loopback port; the milliseconds until /health answers 200.</summary>
    private async Task<double> StartPortalAsync(CancellationToken ct)
    {
        var environment = new Dictionary<string, string>
        {
            // Not Development (no developer pages) and not Production (which never seeds demo data).
            ["ASPNETCORE_ENVIRONMENT"] = "Staging",
            ["DOTNET_ENVIRONMENT"] = "Staging",
            ["Database__Provider"] = "Sqlite",
            ["ConnectionStrings__HelloWork"] = $"Data Source={_dbPath}",
            ["DemoData__Enabled"] = "true",
            ["Logging__Folder"] = Path.Combine(_s.Folder, "logs"),
        };
        _portal = await PortalProcess.StartAsync(_s.WebDll, environment, Path.Combine(_s.Folder, "portal.log"), TimeSpan.FromMinutes(3), ct: ct);
        _base = _portal.BaseAddress;
        return _portal.StartupMs;
    }

    /// <summary>SIGKILL (Process.Kill on Unix): no shutdown code runs, open transactions and connections die with the process.</summary>
    private async Task KillAsync()
    {
        var portal = _portal;
        if (portal is null)
        {
            return;
        }
        _portal = null;
        await portal.DisposeAsync();
    }

    /// <summary>The job numbers a client could apply to (what it would have found by searching): open, self-application accepted.</summary>
    private async Task<List<string>> SelfApplicationOffersAsync()
    {
        await using var db = new HelloWorkDb(new DbContextOptionsBuilder<HelloWorkDb>().UseSqlite(ReadOnly()).Options);
        var now = DateTimeOffset.UtcNow;
        var offers = await db.JobOffers.AsNoTracking().Where(o => o.JobNumber != null).ToListAsync();
        return [.. offers.Where(o => o.AcceptsSelfApplication(now)).OrderBy(o => o.JobNumber, StringComparer.Ordinal).Select(o => o.JobNumber!)];
    }

    /// <summary>One client: signs in, then applies to its share of the offers and writes messages on its applications, back to back.</summary>
    private async Task WorkerAsync(int index, IReadOnlyList<string> offers, int seed, CancellationToken stop)
    {
        var random = new Random(seed);
        var email = Jobseekers[index % Jobseekers.Length];
        // Clients of the same account take different offers (no two race for one).
        var perAccount = (_s.Workers + Jobseekers.Length - 1) / Jobseekers.Length;
        var share = new Queue<string>(offers.Where((_, i) => i % perAccount == index / Jobseekers.Length));
        var applications = new List<Guid>();
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(30) }) { Timeout = TimeSpan.FromSeconds(15) };
        string? token = null;
        var seq = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                token ??= await LoginAsync(http, email, stop);
                if (token is null)
                {
                    await Task.Delay(50, stop);
                    continue;
                }
                var apply = applications.Count == 0 || (share.Count > 0 && random.NextDouble() < 0.4);
                var marker = $"{_tag}-{index}-{++seq}";
                HttpResponseMessage response;
                if (apply && share.Count > 0)
                {
                    var jobNumber = share.Peek();
                    response = await SendAsync(http, token, "api/v1/me/applications",
                        new { jobNumber, motivation = $"貴社の業務に関心があり応募します。{marker}", selfApplicationAcknowledged = true }, Kind.Application, marker, stop);
                    if (response.StatusCode == HttpStatusCode.Created || (int)response.StatusCode is >= 400 and < 500 and not 401)
                    {
                        share.Dequeue();
                    }
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        applications.Add(await IdAsync(response, stop));
                    }
                }
                else if (applications.Count > 0)
                {
                    var application = applications[random.Next(applications.Count)];
                    response = await SendAsync(http, token, $"api/v1/me/applications/{application}/messages",
                        new { body = $"面接日程について確認させてください。{marker}" }, Kind.Message, marker, stop);
                }
                else
                {
                    // Nothing left to apply to and no application: this client is done.
                    return;
                }
                if (response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    token = null;
                }
                response.Dispose();
                await Task.Delay(random.Next(5, 30), stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or JsonException)
            {
                // The portal is down (killed, not yet restarted) or the answer was cut off: wait and go on.
                await DelayQuietlyAsync(50, stop);
            }
        }
    }

    private static async Task DelayQuietlyAsync(int ms, CancellationToken stop)
    {
        try
        {
            await Task.Delay(ms, stop);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task<string?> LoginAsync(HttpClient http, string email, CancellationToken stop)
    {
        var address = _base!;
        using var response = await http.PostAsJsonAsync(new Uri(address, "api/auth/login"), new { email, password = Password }, stop);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(stop));
        return json.RootElement.GetProperty("accessToken").GetString();
    }

    /// <summary>Sends one create. A 201 records the acknowledged id; no answer records the attempt as in doubt; a refused
    /// connection (the server was down) records nothing, since nothing can have reached it.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpClient http, string token, string path, object body, Kind kind, string marker, CancellationToken stop)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_base!, path)) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, stop);
        }
        catch (HttpRequestException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
        {
            Interlocked.Increment(ref _notSent);
            throw;
        }
        catch (HttpRequestException)
        {
            _attempts.Enqueue(new Attempt(kind, marker, null));
            throw;
        }
        catch (TaskCanceledException) when (!stop.IsCancellationRequested)
        {
            // The client's timeout: the request may or may not have been committed.
            _attempts.Enqueue(new Attempt(kind, marker, null));
            throw new HttpRequestException("timed out");
        }
        catch (OperationCanceledException)
        {
            _attempts.Enqueue(new Attempt(kind, marker, null));
            throw;
        }
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.Created)
        {
            try
            {
                _attempts.Enqueue(new Attempt(kind, marker, await IdAsync(response, stop)));
                Interlocked.Increment(ref _acknowledged);
            }
            catch (Exception e) when (e is HttpRequestException or IOException or JsonException)
            {
                // The status line arrived but the body was cut off by the kill: not a complete acknowledgement.
                _attempts.Enqueue(new Attempt(kind, marker, null));
                throw new HttpRequestException("acknowledgement cut off", e);
            }
        }
        else if (status >= 500)
        {
            Interlocked.Increment(ref _serverErrorCount);
            _attempts.Enqueue(new Attempt(kind, marker, null));
            _serverErrors.Enqueue($"{status} {path}: {await response.Content.ReadAsStringAsync(stop)}");
        }
        else if (status is >= 400 and not 401)
        {
            Interlocked.Increment(ref _refused);
        }
        return response;
    }

    private static async Task<Guid> IdAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await response.Content.LoadIntoBufferAsync(ct);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return json.RootElement.GetProperty("id").GetGuid();
    }

    private string ReadOnly() => new SqliteConnectionStringBuilder { DataSource = _dbPath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();

    /// <summary>The acknowledged changes so far must all be in the file, and the file must be sound.</summary>
    private async Task<FaultCheck> CheckAsync(int kill, double restartMs)
    {
        // Taken before reading: every acknowledgement in this list was sent after its commit.
        var acked = _attempts.Where(a => a.AckId is not null).ToArray();
        var present = await PresentMarkersAsync();
        var lost = MissingAcknowledged(acked, present);
        string integrity;
        await using (var connection = new SqliteConnection(ReadOnly()))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            var lines = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }
            integrity = string.Join("; ", lines);
        }
        return new FaultCheck(kill, restartMs, acked.Length, lost.Count, integrity);
    }

    private static List<Attempt> MissingAcknowledged(IEnumerable<Attempt> acked, IReadOnlyDictionary<string, Guid> present) =>
        [.. acked.Where(a => !present.TryGetValue(a.Marker, out var id) || id != a.AckId)];

    /// <summary>Marker → id of every application and message of this run in the database.</summary>
    private async Task<Dictionary<string, Guid>> PresentMarkersAsync()
    {
        var present = new Dictionary<string, Guid>(StringComparer.Ordinal);
        await using var connection = new SqliteConnection(ReadOnly());
        await connection.OpenAsync();
        foreach (var (table, column) in new[] { ("Applications", "Motivation"), ("Messages", "Body") })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT Id, {column} FROM {table} WHERE instr({column}, $tag) > 0";
            command.Parameters.AddWithValue("$tag", _tag);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var text = reader.GetString(1);
                var at = text.IndexOf(_tag, StringComparison.Ordinal);
                present[text[at..]] = Guid.Parse(reader.GetString(0));
            }
        }
        return present;
    }

    /// <summary>The journal mode of the file and the synchronous level a connection gets from this SQLite build by default
    /// (the portal sets neither per connection; WAL is set once at start-up and is persistent).</summary>
    private async Task<(string Journal, string Synchronous)> PragmasAsync()
    {
        await using var connection = new SqliteConnection(ReadOnly());
        await connection.OpenAsync();
        await using var journal = connection.CreateCommand();
        journal.CommandText = "PRAGMA journal_mode";
        var mode = Convert.ToString(await journal.ExecuteScalarAsync(), CultureInfo.InvariantCulture) ?? "";
        await using var sync = connection.CreateCommand();
        sync.CommandText = "PRAGMA synchronous";
        var level = Convert.ToInt32(await sync.ExecuteScalarAsync(), CultureInfo.InvariantCulture) switch
        {
            0 => "OFF",
            1 => "NORMAL",
            2 => "FULL",
            3 => "EXTRA",
            var n => n.ToString(CultureInfo.InvariantCulture),
        };
        return (mode, level);
    }
}

extern alias web;

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Audit;
using HelloWork.Domain.Common;
using HelloWork.Domain.Data;
using HelloWork.Domain.Notices;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HelloWork.Bench.Scenarios;

/// <summary>
/// <c>access-churn</c>: the real portal in this process (temp SQLite, demo data) with <c>--connections</c> live hub
/// connections of many identities — login users of many establishments, <c>--per-identity</c> connections each — while, every
/// <c>--end-every-ms</c>, a random identity's access ends: its employer disables or removes it, or it changes its password. A
/// new identity takes each ended one's place, so the connections stay near their number. Meanwhile notices are committed at
/// <c>--rate</c> a second to the identities' own keys and their establishments' keys, live and ended alike.
/// <para>The check: no notice reaches a connection whose access had ended. A notice is checked against an ended identity when
/// it went to one of the identity's keys and its operation started after the end had committed (this program's clock); each
/// end is looked up in the audit log (its action, about that user) and the notice's own time in the database must not be
/// before the audit entry's (else the pair is counted as an order mismatch). <c>leaked</c> counts checked notices that any
/// connection of the ended identity received; it must be 0. Connections of ended identities that the server did not close
/// within 10 s are counted too.</para>
/// </summary>
public static class AccessChurnScenario
{
    private const string Password = "HelloWork!2026";
    private const string NextPassword = "Atarashii!2026";

    public static async Task<int> RunAsync(Options options)
    {
        var settings = new Settings(
            Connections: options.Int("connections", 200),
            PerIdentity: Math.Max(1, options.Int("per-identity", 4)),
            Seconds: options.Int("seconds", options.Quick ? 60 : 20 * 60),
            EndEvery: TimeSpan.FromMilliseconds(options.Int("end-every-ms", 1500)),
            Rate: options.Double("rate", 20),
            Seed: options.Int("seed", 24));
        var report = await MeasureAsync(settings);
        report.Print(); // after the portal stopped: nothing of its shutdown log may follow the JSON line
        return report.Leaked == 0 && report.NotClosed == 0 && report.Unaudited == 0 ? 0 : 1;
    }

    private sealed record Settings(int Connections, int PerIdentity, int Seconds, TimeSpan EndEvery, double Rate, int Seed);

    private sealed class ChurnReport(Report report)
    {
        public Report Report { get; } = report;
        public long Leaked { get; init; }
        public int NotClosed { get; init; }
        public int Unaudited { get; init; }

        public void Print() => Report.Print();
    }

    private static async Task<ChurnReport> MeasureAsync(Settings s)
    {
        var folder = Path.Combine(RepoPaths.BenchOut, "access-churn-" + Guid.NewGuid().ToString("N")[..8]);
        var portal = new LiveScenario.LivePortal(folder);
        var world = new World(portal, s);
        try
        {
            var watch = Stopwatch.StartNew();
            world.BaseAddress = await Task.Run(portal.Start);
            Console.WriteLine($"portal on {world.BaseAddress} after {watch.Elapsed.TotalSeconds:N1} s (temp SQLite in {folder})");

            watch.Restart();
            var identities = (s.Connections + s.PerIdentity - 1) / s.PerIdentity;
            for (var i = 0; i < identities; i++)
            {
                await world.AddIdentityAsync();
            }
            Console.WriteLine($"{world.Live.Count} identities, {world.OpenConnections} connections in {watch.Elapsed.TotalSeconds:N1} s");

            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(s.Seconds));
            var started = Stopwatch.GetTimestamp();
            var producer = Task.Run(() => world.ProduceAsync(stop.Token));
            var churn = Task.Run(() => world.ChurnAsync(stop.Token));
            await Task.WhenAll(producer, churn);
            var runSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            await Task.Delay(TimeSpan.FromSeconds(5)); // deliveries in flight arrive, closes complete
            return await world.CheckAsync(runSeconds);
        }
        finally
        {
            await world.DisposeAsync();
            await portal.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // a leftover folder under bench-out/ is harmless
            }
        }
    }

    private sealed class Connection(HubConnection hub)
    {
        public HubConnection Hub { get; } = hub;
        public ConcurrentQueue<Guid> Received { get; } = new();
        public long ClosedAt { get; set; }
    }

    private sealed class Identity(Guid id, string email, Guid establishmentId, Actor main, Actor self)
    {
        public Guid Id { get; } = id;
        public string Email { get; } = email;
        public Guid EstablishmentId { get; } = establishmentId;
        public Actor Main { get; } = main;
        public Actor Self { get; } = self;
        public List<Connection> Connections { get; } = [];
        public long EndedAt { get; set; }
        public string? EndAction { get; set; }
        public string[] Keys => [Recipients.User(Id), Recipients.Establishment(EstablishmentId)];
    }

    private sealed record Produced(Guid Id, string Recipient, long Started, long Committed);

    private sealed class World(LiveScenario.LivePortal portal, Settings s) : IAsyncDisposable
    {
        private readonly Random _random = new(s.Seed);
        private readonly List<(Actor Main, int Used)> _establishments = [];
        private readonly ConcurrentBag<Produced> _produced = [];
        private int _failedNotices;
        private int _failedEnds;

        public Uri BaseAddress { get; set; } = null!;
        public List<Identity> Live { get; } = [];
        public List<Identity> Ended { get; } = [];
        public int OpenConnections => Live.Sum(i => i.Connections.Count);

        private T Get<T>() where T : notnull => portal.Services.GetRequiredService<T>();

        /// <summary>A login user of an establishment with room (a new establishment when none has), its password set, connected.</summary>
        public async Task AddIdentityAsync()
        {
            // The establishment's limit counts every account of it, the main account too.
            var index = _establishments.FindIndex(e => e.Used < EstablishmentUsers.MaxPerEstablishment - 1);
            if (index < 0)
            {
                var email = $"churn-{Guid.NewGuid():N}@example.jp";
                Guid mainId;
                await using (var scope = portal.Services.CreateAsyncScope())
                {
                    mainId = await scope.ServiceProvider.GetRequiredService<AccountService>().RegisterEmployerAsync(new EmployerRegistration(email, Password,
                        "負荷 太郎", $"株式会社負荷試験{_establishments.Count + 1}", "カブシキガイシャフカシケン", "100-0001", "東京都", "千代田区千代田1-1", "", 50));
                }
                await using var db = await Get<IDbContextFactory<HelloWorkDb>>().CreateDbContextAsync();
                var establishmentId = await db.Users.Where(u => u.Id == mainId).Select(u => u.EstablishmentId!.Value).SingleAsync();
                _establishments.Add((new Actor(mainId, Roles.Employer, "負荷 太郎", EstablishmentId: establishmentId), 0));
                index = _establishments.Count - 1;
            }
            var (main, used) = _establishments[index];
            _establishments[index] = (main, used + 1);
            var added = await Get<EstablishmentUsers>().AddAsync(main, $"churn-user-{Guid.NewGuid():N}@example.jp", "負荷 花子");
            var self = new Actor(added.Id, Roles.Employer, "負荷 花子", EstablishmentId: main.EstablishmentId);
            // The login user joins by the invitation mail's link, as a person would (R-MAIL-2).
            await HelloWork.Testing.Invitations.AcceptAsync(portal.Services, added.Email, Password);
            var identity = new Identity(added.Id, added.Email, main.EstablishmentId!.Value, main, self);
            var token = await TokenAsync(added.Email);
            for (var c = 0; c < s.PerIdentity; c++)
            {
                var hub = new HubConnectionBuilder()
                    .WithUrl(new Uri(BaseAddress, "/hubs/live"), HttpTransportType.WebSockets, o =>
                    {
                        o.SkipNegotiation = true;
                        o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                    })
                    .Build();
                var connection = new Connection(hub);
                hub.On<LiveNotice>("notice", n => connection.Received.Enqueue(n.NoticeId));
                hub.Closed += _ =>
                {
                    connection.ClosedAt = Stopwatch.GetTimestamp();
                    return Task.CompletedTask;
                };
                await hub.StartAsync();
                identity.Connections.Add(connection);
            }
            lock (Live)
            {
                Live.Add(identity);
            }
        }

        private async Task<string> TokenAsync(string email)
        {
            using var http = new HttpClient { BaseAddress = BaseAddress };
            using var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
            response.EnsureSuccessStatusCode();
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return json.RootElement.GetProperty("accessToken").GetString()!;
        }

        /// <summary>Notices at the rate, to a random key of a random identity: two in three live, one in three ended.</summary>
        public async Task ProduceAsync(CancellationToken stop)
        {
            var ops = Get<Operations>();
            var interval = TimeSpan.FromSeconds(1 / s.Rate);
            var pending = new List<Task>();
            while (!stop.IsCancellationRequested)
            {
                string recipient;
                lock (Live)
                {
                    var fromEnded = Ended.Count > 0 && _random.Next(3) == 0;
                    var pool = fromEnded ? Ended : Live;
                    var keys = pool[_random.Next(pool.Count)].Keys;
                    recipient = keys[_random.Next(keys.Length)];
                }
                pending.Add(Task.Run(async () =>
                {
                    var started = Stopwatch.GetTimestamp();
                    try
                    {
                        var id = await ops.RunAsync(Actor.System, async w =>
                            (await w.Notices.AddAsync(recipient, NoticeKind.Info, null, new Dictionary<string, string> { ["churn"] = "1" })).Id);
                        _produced.Add(new Produced(id, recipient, started, Stopwatch.GetTimestamp()));
                    }
#pragma warning disable CA1031 // a failed notice is counted and reported, not a crash of the benchmark
                    catch (Exception e)
#pragma warning restore CA1031
                    {
                        if (Interlocked.Increment(ref _failedNotices) <= 3)
                        {
                            Console.Error.WriteLine($"notice failed: {e.GetType().Name}: {e.Message}");
                        }
                    }
                }, CancellationToken.None));
                try
                {
                    await Task.Delay(interval, stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            await Task.WhenAll(pending);
        }

        /// <summary>Every interval one random live identity's access ends (disabled, removed, or its password changed); a new
        /// identity takes its place.</summary>
        public async Task ChurnAsync(CancellationToken stop)
        {
            var users = Get<EstablishmentUsers>();
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(s.EndEvery, stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                Identity victim;
                int kind;
                lock (Live)
                {
                    victim = Live[_random.Next(Live.Count)];
                    kind = _random.Next(3);
                }
                try
                {
                    switch (kind)
                    {
                        case 0:
                            await users.SetDisabledAsync(victim.Main, victim.Id, true, CancellationToken.None);
                            victim.EndAction = AuditActions.EstablishmentUserDisabled;
                            break;
                        case 1:
                            await users.RemoveAsync(victim.Main, victim.Id, CancellationToken.None);
                            victim.EndAction = AuditActions.EstablishmentUserRemoved;
                            break;
                        default:
                            await using (var scope = portal.Services.CreateAsyncScope())
                            {
                                await scope.ServiceProvider.GetRequiredService<PasswordChangeService>().ChangeAsync(victim.Self, Password, NextPassword, NextPassword,
                                    CancellationToken.None);
                            }
                            victim.EndAction = AuditActions.PasswordChanged;
                            break;
                    }
                    victim.EndedAt = Stopwatch.GetTimestamp(); // committed: every operation commits before it returns
                    lock (Live)
                    {
                        Live.Remove(victim);
                        Ended.Add(victim);
                    }
                    await AddIdentityAsync();
                }
#pragma warning disable CA1031 // a failed end is counted and reported, not a crash of the benchmark
                catch (Exception e)
#pragma warning restore CA1031
                {
                    if (Interlocked.Increment(ref _failedEnds) <= 3)
                    {
                        Console.Error.WriteLine($"end failed: {e.GetType().Name}: {e.Message}");
                    }
                }
            }
        }

        public async Task<ChurnReport> CheckAsync(double runSeconds)
        {
            await using var db = await Get<IDbContextFactory<HelloWorkDb>>().CreateDbContextAsync();
            var endedIds = Ended.Select(i => i.Id).ToList();
            string[] actions = [AuditActions.EstablishmentUserDisabled, AuditActions.EstablishmentUserRemoved, AuditActions.PasswordChanged];
            var audit = (await db.AuditEntries.AsNoTracking()
                    .Where(a => endedIds.Contains(a.SubjectId) && actions.Contains(a.Action))
                    .Select(a => new { a.SubjectId, a.Action, a.At }).ToListAsync())
                .GroupBy(a => (a.SubjectId, a.Action)).ToDictionary(g => g.Key, g => g.Max(a => a.At));
            var produced = _produced.ToList();
            var producedIds = produced.Select(p => p.Id).ToList();
            var createdAt = new Dictionary<Guid, DateTimeOffset>();
            foreach (var chunk in producedIds.Chunk(500))
            {
                foreach (var n in await db.Notices.AsNoTracking().Where(n => chunk.Contains(n.Id)).Select(n => new { n.Id, n.CreatedAt }).ToListAsync())
                {
                    createdAt[n.Id] = n.CreatedAt;
                }
            }

            long checkedPairs = 0, leaked = 0, orderMismatch = 0;
            var unaudited = 0;
            var notClosed = 0;
            var closeMs = new List<double>();
            foreach (var identity in Ended)
            {
                if (identity.EndAction is null || !audit.TryGetValue((identity.Id, identity.EndAction), out var auditedAt))
                {
                    unaudited++;
                    continue;
                }
                foreach (var c in identity.Connections)
                {
                    if (c.ClosedAt == 0 || Stopwatch.GetElapsedTime(identity.EndedAt, c.ClosedAt) > TimeSpan.FromSeconds(10))
                    {
                        notClosed++;
                    }
                    if (c.ClosedAt != 0)
                    {
                        closeMs.Add(Math.Max(0, Stopwatch.GetElapsedTime(identity.EndedAt, c.ClosedAt).TotalMilliseconds));
                    }
                }
                var keys = identity.Keys;
                var received = identity.Connections.SelectMany(c => c.Received).ToHashSet();
                foreach (var notice in produced.Where(p => p.Started > identity.EndedAt && keys.Contains(p.Recipient)))
                {
                    checkedPairs++;
                    if (createdAt.TryGetValue(notice.Id, out var at) && at < auditedAt)
                    {
                        orderMismatch++;
                    }
                    if (received.Contains(notice.Id))
                    {
                        leaked++;
                    }
                }
            }
            var liveDeliveries = Live.Sum(i => i.Connections.Sum(c => (long)c.Received.Count));
            var connections = Live.Concat(Ended).Sum(i => i.Connections.Count);

            var report = new Report("access-churn");
            report.Row("figure", "value", "note");
            report.Row("connections opened", connections, $"{s.PerIdentity} per identity; about {s.Connections} open at any time");
            report.Row("identities", Live.Count + Ended.Count, $"login users of {_establishments.Count} establishments");
            report.Row("ends", Ended.Count, $"{Ended.Count(i => i.EndAction == AuditActions.EstablishmentUserDisabled)} disabled, "
                + $"{Ended.Count(i => i.EndAction == AuditActions.EstablishmentUserRemoved)} removed, "
                + $"{Ended.Count(i => i.EndAction == AuditActions.PasswordChanged)} password changes; {_failedEnds} failed");
            report.Row("ends without their audit entry", unaudited, "must be 0 (R-AUD-1)");
            report.Row("notices committed", produced.Count, $"{produced.Count / runSeconds:N1}/s over {runSeconds:N0} s; {_failedNotices} failed");
            report.Row("deliveries to live identities", liveDeliveries, "notices do flow to the connections that keep access");
            report.Row("notices checked", checkedPairs, "(notice, ended identity) pairs: to one of its keys, started after its end committed");
            report.Row("leaked", leaked, "checked notices received by a connection of the ended identity: must be 0 (R-ACC-4)");
            report.Row("audit order mismatches", orderMismatch, "checked notices whose database time is before the end's audit entry");
            report.Row("connections not closed within 10 s", notClosed, "of the ended identities' connections");
            report.Row("close after end p50 / p95 / max ms", $"{Stats.Percentile(closeMs, 50):N0} / {Stats.Percentile(closeMs, 95):N0} / {(closeMs.Count > 0 ? closeMs.Max() : 0):N0}",
                "from the end's commit (seen here) to the client's Closed event");
            report.Figure("connections", connections);
            report.Figure("identities", Live.Count + Ended.Count);
            report.Figure("ends", Ended.Count);
            report.Figure("ends_unaudited", unaudited);
            report.Figure("notices", produced.Count);
            report.Figure("notices_checked", checkedPairs);
            report.Figure("leaked", leaked);
            report.Figure("audit_order_mismatch", orderMismatch);
            report.Figure("not_closed", notClosed);
            report.Figure("close_p95_ms", Stats.Percentile(closeMs, 95));
            report.Figure("live_deliveries", liveDeliveries);
            report.Figure("failed_ends", _failedEnds);
            report.Figure("failed_notices", _failedNotices);
            report.Figure("seconds", s.Seconds);
            return new ChurnReport(report) { Leaked = leaked, NotClosed = notClosed, Unaudited = unaudited };
        }

        public async ValueTask DisposeAsync()
        {
            var all = Live.Concat(Ended).SelectMany(i => i.Connections).ToList();
            await Task.WhenAll(all.Select(c => c.Hub.DisposeAsync().AsTask()));
        }
    }
}

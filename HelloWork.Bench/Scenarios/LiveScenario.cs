extern alias web;

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using HelloWork.Domain.Common;
using HelloWork.Domain.Notices;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace HelloWork.Bench.Scenarios;

/// <summary>
/// <c>live</c>: the real portal in this process on a loopback port (temp SQLite, demo data), <c>--clients</c> real
/// SignalR clients on <c>/hubs/live</c> over WebSockets, signed in with bearer tokens of a few demo accounts, and
/// <c>--rate</c> changes a second for <c>--seconds</c>: each a notice committed through the app's <see cref="Operations"/>
/// (outbox, transaction, publish after commit) to one of the recipients those clients listen to, round-robin. Latency is
/// receive − publish per delivery on the same <see cref="Stopwatch"/> clock; every delivery expected (each notice × the
/// clients listening to its recipient) that did not arrive counts as lost.
/// </summary>
public static class LiveScenario
{
    private const string Password = "HelloWork!2026";

    private static readonly string[] Accounts =
        ["employer1@example.jp", "employer2@example.jp", "staff1@example.jp", "staff2@example.jp", "jobseeker1@example.jp"];

    public static async Task<int> RunAsync(Options options)
    {
        var clients = options.Int("clients", options.Quick ? 200 : 1_000);
        var rate = options.Double("rate", 50);
        var seconds = options.Int("seconds", options.Quick ? 15 : 60);
        var drain = options.Int("drain", 10);
        var report = await MeasureAsync(clients, rate, seconds, drain);
        report.Print(); // after the portal stopped: nothing of its shutdown log may follow the JSON line
        return 0;
    }

    private static async Task<Report> MeasureAsync(int clientCount, double rate, int seconds, int drainSeconds)
    {
        var folder = Path.Combine(RepoPaths.BenchOut, "live-" + Guid.NewGuid().ToString("N")[..8]);
        var portal = new LivePortal(folder);
        var clients = new List<Client>(clientCount);
        try
        {
            var watch = Stopwatch.StartNew();
            var baseAddress = await Task.Run(portal.Start);
            Console.WriteLine($"portal on {baseAddress} after {watch.Elapsed.TotalSeconds:N1} s (migrations + demo data, temp SQLite in {folder})");

            // Sign in once per account: every client of an account uses its bearer token (valid 1 h).
            var tokens = new Dictionary<string, string>();
            using (var http = new HttpClient { BaseAddress = baseAddress })
            {
                foreach (var email in Accounts)
                {
                    using var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
                    response.EnsureSuccessStatusCode();
                    using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                    tokens[email] = json.RootElement.GetProperty("accessToken").GetString()!;
                }
            }

            var before = Memory.Take();
            watch.Restart();
            for (var i = 0; i < clientCount; i++)
            {
                var email = Accounts[i % Accounts.Length];
                clients.Add(new Client(email, baseAddress, tokens[email]));
            }
            await Parallel.ForEachAsync(clients, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (c, ct) => await c.Connection.StartAsync(ct));
            var connectSeconds = watch.Elapsed.TotalSeconds;
            Console.WriteLine($"{clientCount:N0} hub clients connected in {connectSeconds:N1} s");

            // What each account listens to, as the hub joined it (its own person key and its establishment/office).
            var recipientsOf = new Dictionary<string, HashSet<string>>();
            foreach (var email in Accounts.Take(Math.Min(Accounts.Length, clientCount)))
            {
                recipientsOf[email] = [.. await clients.First(c => c.Email == email).Connection.InvokeAsync<List<string>>("Recipients")];
            }
            var keys = recipientsOf.Values.SelectMany(r => r).Distinct().ToList();
            var listeners = keys.ToDictionary(k => k, k => clients.Count(c => recipientsOf[c.Email].Contains(k)));
            await Task.Delay(1000); // let the connect burst settle
            var connected = Memory.Take();

            // Produce at a fixed rate: change i is started at start + i/rate whether or not earlier ones have committed.
            var ops = portal.Services.GetRequiredService<Operations>();
            var total = (int)Math.Round(rate * seconds);
            var changes = new ConcurrentDictionary<Guid, (string Recipient, long Started, long Committed)>();
            var failed = 0;
            Console.WriteLine($"producing {total:N0} changes at {rate:N0}/s over {keys.Count} recipients (round-robin) ...");
            var tasks = new List<Task>(total);
            var cpuBefore = CpuTime();
            // Thread-pool queue and threads, sampled every 100 ms: a queue that grows while this process uses little CPU means
            // it waited for cores (others' work) or for the pool to add threads (blocking work on pool threads).
            using var sampling = new CancellationTokenSource();
            long maxQueue = 0;
            var maxThreads = 0;
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    maxQueue = Math.Max(maxQueue, ThreadPool.PendingWorkItemCount);
                    maxThreads = Math.Max(maxThreads, ThreadPool.ThreadCount);
                    await Task.Delay(100, CancellationToken.None);
                }
            }, CancellationToken.None);
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < total; i++)
            {
                var due = start + (long)(i / rate * Stopwatch.Frequency);
                var wait = due - Stopwatch.GetTimestamp();
                if (wait > 0)
                {
                    await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency));
                }
                var n = i;
                tasks.Add(Task.Run(async () =>
                {
                    var recipient = keys[n % keys.Count];
                    var started = Stopwatch.GetTimestamp();
                    try
                    {
                        var id = await ops.RunAsync(Actor.System, async w =>
                            (await w.Notices.AddAsync(recipient, NoticeKind.Info, null, new Dictionary<string, string> { ["n"] = $"{n}" })).Id);
                        changes[id] = (recipient, started, Stopwatch.GetTimestamp());
                    }
#pragma warning disable CA1031 // a change that fails is counted and reported, not a crash of the benchmark
                    catch (Exception e)
#pragma warning restore CA1031
                    {
                        if (Interlocked.Increment(ref failed) <= 3)
                        {
                            Console.Error.WriteLine($"change {n} failed: {e.GetType().Name}: {e.Message}");
                        }
                    }
                }));
            }
            await Task.WhenAll(tasks);
            var produceSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            var expected = changes.Values.Sum(c => (long)listeners[c.Recipient]);

            // Drain: wait until every expected delivery arrived or --drain seconds passed.
            watch.Restart();
            while (clients.Sum(c => (long)c.Count) < expected && watch.Elapsed.TotalSeconds < drainSeconds)
            {
                await Task.Delay(50);
            }
            var runSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            await sampling.CancelAsync();
            await sampler;
            var cpuShare = (CpuTime() - cpuBefore).TotalSeconds / (runSeconds * Environment.ProcessorCount);
            var pressure = CpuPressure();
            var end = Memory.Take();

            // Deliveries: each (client, notice) once; latency from the publish right after commit, and from the change's start.
            var published = portal.Published;
            var latency = new List<double>((int)Math.Min(expected, int.MaxValue));
            var fromChange = new List<double>(latency.Capacity);
            // p95 per 10 s window of publication: a steady backlog and a burst of outside load look different here.
            var windows = new SortedDictionary<int, List<double>>();
            long duplicates = 0, strays = 0;
            foreach (var c in clients)
            {
                var seen = new HashSet<Guid>();
                foreach (var (id, at) in c.Received())
                {
                    if (!changes.TryGetValue(id, out var change))
                    {
                        continue; // a notice of the demo data or the app itself, not one of ours
                    }
                    if (!recipientsOf[c.Email].Contains(change.Recipient))
                    {
                        strays++;
                    }
                    else if (!seen.Add(id))
                    {
                        duplicates++;
                    }
                    else
                    {
                        var ms = Stopwatch.GetElapsedTime(published[id], at).TotalMilliseconds;
                        latency.Add(ms);
                        var window = (int)(Stopwatch.GetElapsedTime(start, published[id]).TotalSeconds / 10);
                        if (!windows.TryGetValue(window, out var list))
                        {
                            windows[window] = list = [];
                        }
                        list.Add(ms);
                        fromChange.Add(Stopwatch.GetElapsedTime(change.Started, at).TotalMilliseconds);
                    }
                }
            }
            var commit = changes.Values.Select(c => Stopwatch.GetElapsedTime(c.Started, c.Committed).TotalMilliseconds).ToList();
            var lost = expected - latency.Count;
            var dropped = clients.Count(c => c.Dropped);
            var fanout = changes.IsEmpty ? 0 : (double)expected / changes.Count;

            var p50 = Stats.Percentile(latency, 50);
            var p95 = Stats.Percentile(latency, 95);
            var p99 = Stats.Percentile(latency, 99);
            var met = p95 <= 250 && p99 <= 1000 && lost == 0;
            var report = new Report("live");
            report.Row("figure", "value", "note");
            report.Row("hub clients", clientCount, $"WebSockets, bearer tokens of {Accounts.Length} demo accounts, connected in {connectSeconds:N1} s");
            report.Row("changes committed", changes.Count, $"{failed} failed; asked {rate:N0}/s for {seconds} s, achieved {changes.Count / produceSeconds:N1}/s");
            report.Row("recipients", keys.Count, $"round-robin; {fanout:N1} clients listen to each on average");
            report.Row("deliveries expected", expected, $"{expected / produceSeconds:N0} pushes/s");
            report.Row("deliveries received", (long)latency.Count, $"{duplicates} duplicates, {strays} to a client not listening");
            report.Row("lost", lost, $"{dropped} connections dropped");
            report.Row("latency p50 ms", p50, "receive − publish (right after commit)");
            report.Row("latency p95 ms", p95, "goal ≤ 250 ms");
            report.Row("latency p99 ms", p99, "goal ≤ 1,000 ms");
            report.Row("latency max ms", latency.Count > 0 ? latency.Max() : double.NaN, "");
            report.Row("change → receive p95 ms", Stats.Percentile(fromChange, 95), "from the start of the operation, commit included");
            report.Row("p95 ms per 10 s window", string.Join(" / ", windows.Values.Select(w => Report.Format(Stats.Percentile(w, 95)))), "by time of publication");
            report.Row("commit p50 / p95 ms", $"{Stats.Percentile(commit, 50):N1} / {Stats.Percentile(commit, 95):N1}", "operation: transaction, outbox, commit, publish");
            report.Row("GC heap MB: before / connected / end", $"{before.HeapMb:N1} / {connected.HeapMb:N1} / {end.HeapMb:N1}", "the clients share this process: figures include them");
            report.Row("working set MB: before / connected / end", $"{before.WorkingSetMb:N0} / {connected.WorkingSetMb:N0} / {end.WorkingSetMb:N0}", "");
            report.Row("KB per connection (heap / working set)",
                $"{(connected.HeapMb - before.HeapMb) * 1024 / clientCount:N1} / {(connected.WorkingSetMb - before.WorkingSetMb) * 1024 / clientCount:N1}",
                "server + client side of each connection together");
            report.Row("CPU of this process", $"{cpuShare:P0}", $"of all {Environment.ProcessorCount} cores while producing and draining (server and clients together)");
            report.Row("thread pool: most threads / longest queue", $"{maxThreads} / {maxQueue:N0}", "sampled every 100 ms while producing and draining");
            report.Row("CPU pressure (PSI some avg60)", pressure is { } psi ? $"{psi:N1} %" : "n/a",
                "share of the last 60 s in which some runnable task waited for a core (others' work included)");
            report.Row("goal", met ? "met" : "MISSED", "p95 ≤ 250 ms, p99 ≤ 1 s, nothing lost");
            report.Figure("clients", clientCount);
            report.Figure("p50_ms", p50);
            report.Figure("p95_ms", p95);
            report.Figure("p99_ms", p99);
            report.Figure("lost", lost);
            report.Figure("max_ms", latency.Count > 0 ? latency.Max() : double.NaN);
            report.Figure("p95_ms_from_change", Stats.Percentile(fromChange, 95));
            report.Figure("changes", changes.Count);
            report.Figure("failed", failed);
            report.Figure("rate", rate);
            report.Figure("seconds", seconds);
            report.Figure("deliveries", expected);
            report.Figure("fanout", fanout);
            report.Figure("duplicates", duplicates);
            report.Figure("dropped", dropped);
            report.Figure("heap_mb_before", before.HeapMb);
            report.Figure("heap_mb_connected", connected.HeapMb);
            report.Figure("heap_mb_end", end.HeapMb);
            report.Figure("working_set_mb_before", before.WorkingSetMb);
            report.Figure("working_set_mb_connected", connected.WorkingSetMb);
            report.Figure("working_set_mb_end", end.WorkingSetMb);
            report.Figure("p95_ms_by_10s", windows.Values.Select(w => Math.Round(Stats.Percentile(w, 95), 1)).ToArray());
            report.Figure("cpu_share", cpuShare);
            report.Figure("pool_threads_max", maxThreads);
            report.Figure("pool_queue_max", maxQueue);
            report.Figure("cpu_pressure_avg60", pressure ?? -1);
            report.Figure("goal_met", met);
            report.Figure("database", "sqlite");
            return report;
        }
        finally
        {
            await Task.WhenAll(clients.Select(c => c.Connection.DisposeAsync().AsTask()));
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

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>Linux pressure stall information: how much of the last minute runnable work waited for a CPU.</summary>
    private static double? CpuPressure()
    {
        try
        {
            var some = File.ReadLines("/proc/pressure/cpu").FirstOrDefault(l => l.StartsWith("some", StringComparison.Ordinal));
            var avg60 = some?.Split(' ').FirstOrDefault(f => f.StartsWith("avg60=", StringComparison.Ordinal));
            return avg60 is null ? null : double.Parse(avg60["avg60=".Length..], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>One hub client: the pushes it received, each with its <see cref="Stopwatch"/> timestamp.</summary>
    private sealed class Client
    {
        private readonly List<(Guid Id, long At)> _received = [];
        private int _count;

        public Client(string email, Uri baseAddress, string token)
        {
            Email = email;
            Connection = new HubConnectionBuilder()
                .WithUrl(new Uri(baseAddress, "/hubs/live"), HttpTransportType.WebSockets, o =>
                {
                    o.SkipNegotiation = true;
                    o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                })
                .Build();
            Connection.On<LiveNotice>("notice", n =>
            {
                var at = Stopwatch.GetTimestamp();
                lock (_received)
                {
                    _received.Add((n.NoticeId, at));
                }
                Interlocked.Increment(ref _count);
            });
            Connection.Closed += _ =>
            {
                Dropped = true;
                return Task.CompletedTask;
            };
        }

        public string Email { get; }
        public HubConnection Connection { get; }
        public bool Dropped { get; private set; }
        public int Count => Volatile.Read(ref _count);

        public List<(Guid Id, long At)> Received()
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    private readonly record struct Memory(double HeapMb, double WorkingSetMb)
    {
        public static Memory Take()
        {
            var heap = GC.GetTotalMemory(forceFullCollection: true);
            using var process = Process.GetCurrentProcess();
            return new Memory(heap / 1048576.0, process.WorkingSet64 / 1048576.0);
        }
    }

    /// <summary>
    /// The real portal (its Program, middleware, Identity, hub, SQLite) on Kestrel at a loopback port, as the integration
    /// tests start it. The only change: the live bus is wrapped to note when each notice is published (after commit).
    /// Also the portal of <c>access-churn</c>.
    /// </summary>
    internal sealed class LivePortal : WebApplicationFactory<web::Program>
    {
        private readonly string _folder;

        public LivePortal(string folder)
        {
            _folder = folder;
            UseKestrel(0);
        }

        /// <summary>Notice id → <see cref="Stopwatch"/> timestamp of its publication on the live bus.</summary>
        public ConcurrentDictionary<Guid, long> Published { get; } = new();

        public Uri Start()
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            Directory.CreateDirectory(_folder);
            // Development as in the integration tests: demo data, no HTTPS redirection on the plain-HTTP loopback port.
            builder.UseEnvironment("Development");
            builder.UseSetting("urls", "http://127.0.0.1:0");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:HelloWork", $"Data Source={Path.Combine(_folder, "hellowork.db")}");
            builder.UseSetting("DemoData:Enabled", "true");
            builder.UseSetting("Logging:Folder", Path.Combine(_folder, "logs"));
            builder.ConfigureTestServices(services =>
            {
                var inner = services.Last(d => d.ServiceType == typeof(ILiveBus));
                services.Remove(inner);
                services.AddSingleton<ILiveBus>(sp => new TimedBus((ILiveBus)(inner.ImplementationInstance
                    ?? inner.ImplementationFactory?.Invoke(sp)
                    ?? ActivatorUtilities.CreateInstance(sp, inner.ImplementationType!)), Published));
            });
        }
    }

    /// <summary>The app's own bus, noting the moment each notice is handed to it (Operations does so right after commit).</summary>
    private sealed class TimedBus(ILiveBus inner, ConcurrentDictionary<Guid, long> published) : ILiveBus
    {
        public Task PublishAsync(IReadOnlyList<LiveNotice> notices, CancellationToken cancellationToken = default)
        {
            var now = Stopwatch.GetTimestamp();
            foreach (var n in notices)
            {
                if (!n.IsReadSignal)
                {
                    published[n.NoticeId] = now;
                }
            }
            return inner.PublishAsync(notices, cancellationToken);
        }

        public IDisposable Subscribe(string recipient, Func<LiveNotice, Task> handler) => inner.Subscribe(recipient, handler);
    }
}

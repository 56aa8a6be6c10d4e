using System.Diagnostics;
using Microsoft.Playwright;
using HelloWork.Testing;

namespace HelloWork.Bench.Scenarios;

/// <summary>
/// <c>circuits</c>: real Blazor Server circuits held open by headless Chromium pages against the real portal process, and the
/// server memory they cost, measured in the server process from outside (EventPipe: managed heap right after an induced full
/// GC; /proc: resident set). The portal runs from its Release build with its own SQLite file and the demo data; pages are
/// signed-in interactive pages of six demo accounts (each account its own browser context, signed in once through the real
/// login form). The server's own circuit meter (<c>aspnetcore.components.circuit.active</c>) confirms how many are open.
/// Memory is taken at 0 circuits (after a warm-up), at half and at all N, so the per-circuit figure can be checked for linearity.
/// </summary>
public static class CircuitsScenario
{
    private static readonly (string Email, string Path)[] Accounts =
    [
        ("employer1@example.jp", "/employer/applicants"),
        ("jobseeker1@example.jp", "/jobseeker"),
        ("staff1@example.jp", "/staff"),
        ("employer2@example.jp", "/employer"),
        ("jobseeker2@example.jp", "/jobseeker/applications"),
        ("staff2@example.jp", "/staff/review"),
    ];

    private static int _consoleErrors;

    private const string Password = "HelloWork!2026";
    private const string CircuitsActive = "aspnetcore.components.circuit.active";
    private const double MicrosoftAnchorKb = 250;

    public static async Task<int> RunAsync(Options options)
    {
        var n = options.Int("circuits", options.Quick ? 50 : 200);
        var parallel = options.Int("parallel", 4);
        // Development, as the live scenario: run from the build output (not a publish folder), other environments serve no
        // static web assets of the referenced libraries, the browser's module scripts fail and no circuit ever starts.
        var environment = options.Text("environment", "Development");
        // --page PATH: only that page (of the accounts below), to see what one kind of page costs.
        var accounts = options.Text("page") is { } only ? Accounts.Where(a => a.Path == only).ToArray() : Accounts;
        if (accounts.Length == 0)
        {
            throw new ArgumentException($"--page must be one of: {string.Join(", ", Accounts.Select(a => a.Path))}.");
        }
        if (n < 2)
        {
            throw new ArgumentException("--circuits must be at least 2.");
        }
        if (!File.Exists("/usr/bin/chromium"))
        {
            Console.Error.WriteLine("/usr/bin/chromium is missing (Debian's chromium package; ./test.sh installs it).");
            return 1;
        }
        if (!await ReleasePortal.BuildAsync(!options.Flag("no-build")))
        {
            return 1;
        }
        var dbPath = Path.Combine(RepoPaths.BenchOut, "circuits.db");
        DeleteDb(dbPath);
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = environment,
            ["ConnectionStrings__HelloWork"] = $"Data Source={dbPath}",
            ["DemoData__Enabled"] = "true",
            ["Logging__Folder"] = Path.Combine(RepoPaths.BenchOut, "circuits-logs"),
            // Limits that protect production from one user's many tabs must not cap the benchmark's N pages per account.
            // (docs/trust-hardening.md: CircuitLimit:PerUser, RateLimits:SignIn; Development already raises both, this states it.)
            ["CircuitLimit__PerUser"] = "100000",
            ["RateLimits__SignIn__PermitLimit"] = "100000",
        };
        var total = Stopwatch.StartNew();
        Console.WriteLine($"Starting the portal ({environment}, {dbPath}) ...");
        var portalLog = Path.Combine(RepoPaths.BenchOut, "circuits-portal.log");
        File.Delete(portalLog); // this run's output only
        await using var portal = await ReleasePortal.StartAsync(settings, portalLog, TimeSpan.FromMinutes(3));
        await using var probe = new ServerProbe(portal.Pid);
        await probe.StartMetricsAsync();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--renderer-process-limit=8"],
        });
        var contexts = new List<(IBrowserContext Context, string Path)>();
        foreach (var (email, path) in accounts)
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = portal.BaseAddress.ToString(), Locale = "ja-JP" });
            context.SetDefaultTimeout(120_000);
            context.SetDefaultNavigationTimeout(120_000);
            await SignInAsync(context, email);
            contexts.Add((context, path));
        }
        Console.WriteLine($"Signed in {contexts.Count} accounts.");

        // Warm-up: every page once (JIT, caches, the first render of each component), then closed again.
        var warm = new List<IPage>();
        for (var i = 0; i < contexts.Count; i++)
        {
            warm.Add(await OpenAsync(contexts[i].Context, contexts[i].Path));
        }
        await WaitForCircuitsAsync(probe, contexts.Count, TimeSpan.FromSeconds(60));
        foreach (var page in warm)
        {
            await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
        }
        var drained = await WaitForCircuitsAsync(probe, 0, TimeSpan.FromSeconds(60), atMost: true);
        Console.WriteLine($"Warm-up done; server circuits now {drained}.");

        var levels = new List<Level> { await MeasureAsync(probe, portal.Port, 0, TimeSpan.Zero) };
        var typesBefore = await probe.HeapByTypeAsync(TimeSpan.FromMinutes(2));
        var pages = new List<IPage>();
        var openWatch = Stopwatch.StartNew();
        foreach (var target in new[] { n / 2, n })
        {
            var start = pages.Count;
            var levelWatch = Stopwatch.StartNew();
            using var gate = new SemaphoreSlim(parallel);
            var opened = await Task.WhenAll(Enumerable.Range(start, target - start).Select(async i =>
            {
                await gate.WaitAsync();
                try
                {
                    var (context, path) = contexts[i % contexts.Count];
                    return await OpenAsync(context, path);
                }
                finally
                {
                    gate.Release();
                }
            }));
            pages.AddRange(opened);
            var server = await WaitForCircuitsAsync(probe, target, TimeSpan.FromMinutes(2));
            Console.WriteLine($"  {pages.Count} pages open ({levelWatch.Elapsed.TotalSeconds:N1} s for {target - start}); the server counts {server} circuits");
            levels.Add(await MeasureAsync(probe, portal.Port, target, levelWatch.Elapsed));
        }
        var openSeconds = openWatch.Elapsed.TotalSeconds;
        var typesAfter = await probe.HeapByTypeAsync(TimeSpan.FromMinutes(2));
        if (options.Int("hold", 0) is > 0 and var hold)
        {
            // Time for an outside look at the portal with every page open (dotnet-trace, a heap walk with referrers ...).
            Console.WriteLine($"  holding {hold} s with {pages.Count} pages open: portal pid {portal.Pid}");
            await Task.Delay(TimeSpan.FromSeconds(hold));
        }
        // Still all there after measuring (no circuit dropped while the GCs ran)?
        await Task.Delay(TimeSpan.FromSeconds(2));
        var stillOpen = probe.Metric(CircuitsActive) ?? -1;

        foreach (var (context, _) in contexts)
        {
            await context.CloseAsync();
        }

        var baseline = levels[0];
        var report = new Report("circuits");
        report.Row("pages open", "server circuits", "WebSocket conns", "TCP conns", "heap after full GC MB", "RSS MB", "Δheap KB/circuit", "ΔRSS KB/circuit");
        foreach (var level in levels)
        {
            report.Row(level.Pages, level.ServerCircuits, level.WebSockets, level.TcpConnections, level.HeapBytes / 1048576.0, level.RssBytes / 1048576.0,
                level.Pages == 0 ? "" : PerCircuitKb(level.HeapBytes - baseline.HeapBytes, level.Pages),
                level.Pages == 0 ? "" : PerCircuitKb(level.RssBytes - baseline.RssBytes, level.Pages));
        }
        var half = levels[1];
        var full = levels[^1];
        var heapKb = (full.HeapBytes - baseline.HeapBytes) / 1024.0 / full.Pages;
        var rssKb = (full.RssBytes - baseline.RssBytes) / 1024.0 / full.Pages;
        // Between the two levels only: the slope, free of whatever the first circuits warmed up.
        var slopeHeapKb = (full.HeapBytes - half.HeapBytes) / 1024.0 / (full.Pages - half.Pages);
        var slopeRssKb = (full.RssBytes - half.RssBytes) / 1024.0 / (full.Pages - half.Pages);
        report.Row($"slope {half.Pages}→{full.Pages}", "", "", "", "", "", PerCircuitKb(full.HeapBytes - half.HeapBytes, full.Pages - half.Pages),
            PerCircuitKb(full.RssBytes - half.RssBytes, full.Pages - half.Pages));
        report.Row("anchor (Microsoft)", "", "", "", "", "", MicrosoftAnchorKb, "");
        PrintGrowthByType(typesBefore, typesAfter, full.Pages, options.Int("types", 25));
        Console.WriteLine();
        Console.WriteLine($"Anchor: Microsoft's Blazor Server guidance budgets about {MicrosoftAnchorKb:N0} KB of server memory per circuit.");
        Console.WriteLine($"Portal: Release build, {environment}, pid {portal.Pid}; {contexts.Count} signed-in accounts, pages round-robin: "
            + string.Join(", ", accounts.Select(a => a.Path)) + ".");
        Console.WriteLine("Heap: managed heap right after an induced full GC (EventPipe GCHeapStats; smallest of 3). RSS: /proc VmRSS after those GCs.");
        report.Figure("circuits", full.Pages);
        report.Figure("server_circuits", full.ServerCircuits);
        report.Figure("server_circuits_after", stillOpen);
        report.Figure("kb_per_circuit", Math.Round(heapKb, 1));
        report.Figure("kb_per_circuit_rss", Math.Round(rssKb, 1));
        report.Figure("kb_per_circuit_half", Math.Round((half.HeapBytes - baseline.HeapBytes) / 1024.0 / half.Pages, 1));
        report.Figure("kb_per_circuit_slope", Math.Round(slopeHeapKb, 1));
        report.Figure("kb_per_circuit_rss_slope", Math.Round(slopeRssKb, 1));
        report.Figure("heap_mb_baseline", baseline.HeapBytes / 1048576.0);
        report.Figure("rss_mb_baseline", baseline.RssBytes / 1048576.0);
        report.Figure("open_s", openSeconds);
        report.Figure("anchor_kb", MicrosoftAnchorKb);
        report.Figure("seconds", total.Elapsed.TotalSeconds);
        await browser.CloseAsync();
        await probe.DisposeAsync();
        await portal.DisposeAsync();
        DeleteDb(dbPath);
        report.Print();
        return full.ServerCircuits >= full.Pages ? 0 : 1;
    }

    /// <summary>What the open circuits hold, by type: live bytes and objects per circuit between no page and all pages open
    /// (a heap walk at each end), largest first, with the share of the whole growth.</summary>
    private static void PrintGrowthByType(Dictionary<string, (long Bytes, long Count)> before, Dictionary<string, (long Bytes, long Count)> after, int circuits,
        int top)
    {
        var growth = after.Select(kv =>
        {
            before.TryGetValue(kv.Key, out var b);
            return (Type: kv.Key, Bytes: kv.Value.Bytes - b.Bytes, Count: kv.Value.Count - b.Count);
        }).Where(g => g.Bytes > 0).OrderByDescending(g => g.Bytes).ToList();
        var total = after.Values.Sum(v => v.Bytes) - before.Values.Sum(v => v.Bytes);
        Console.WriteLine();
        Console.WriteLine($"Growth of the live heap by type with {circuits} circuits open (heap walks at 0 and {circuits}; shallow sizes; net {total / 1024.0 / circuits:N1} KB per circuit):");
        var types = new Report("circuits-types");
        types.Row("type", "KB per circuit", "objects per circuit", "share");
        foreach (var g in growth.Take(top))
        {
            types.Row(g.Type.Length > 110 ? g.Type[..107] + "..." : g.Type, g.Bytes / 1024.0 / circuits, (double)g.Count / circuits,
                $"{100.0 * g.Bytes / Math.Max(1, total):N1} %");
        }
        types.PrintTable();
    }

    private sealed record Level(int Pages, int ServerCircuits, int WebSockets, int TcpConnections, long HeapBytes, long RssBytes);

    private static string PerCircuitKb(long bytes, int circuits) => (bytes / 1024.0 / circuits).ToString("N1", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Signs in through the real login form; the context keeps the auth cookie for its pages.</summary>
    private static async Task SignInAsync(IBrowserContext context, string email)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/Account/Login", StringComparison.OrdinalIgnoreCase));
        await page.CloseAsync();
    }

    /// <summary>Opens the page and waits for its circuit's WebSocket (<c>/_blazor</c>) and the first message the server sends on it.</summary>
    private static async Task<IPage> OpenAsync(IBrowserContext context, string path)
    {
        var page = await context.NewPageAsync();
        page.Console += (_, m) =>
        {
            if (m.Type == "error" && Interlocked.Increment(ref _consoleErrors) <= 5)
            {
                Console.WriteLine($"  browser console ({path}): {m.Text}");
            }
        };
        page.PageError += (_, e) => Console.WriteLine($"  page error ({path}): {e}");
        var socket = await page.RunAndWaitForWebSocketAsync(
            async () => await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load }),
            new PageRunAndWaitForWebSocketOptions { Predicate = ws => ws.Url.Contains("/_blazor", StringComparison.Ordinal), Timeout = 120_000 });
        if (socket.IsClosed)
        {
            throw new InvalidOperationException($"The circuit connection of {path} closed at once.");
        }
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        return page;
    }

    /// <summary>Waits until the server's circuit meter reaches <paramref name="target"/> (or falls to it, with <paramref name="atMost"/>).</summary>
    private static async Task<int> WaitForCircuitsAsync(ServerProbe probe, int target, TimeSpan timeout, bool atMost = false)
    {
        var watch = Stopwatch.StartNew();
        var last = -1;
        while (watch.Elapsed < timeout)
        {
            last = (int)(probe.Metric(CircuitsActive) ?? (target == 0 ? 0 : -1));
            if (atMost ? last <= target : last >= target)
            {
                // Published once a second: one more period so that the value is current.
                await Task.Delay(1200);
                return (int)(probe.Metric(CircuitsActive) ?? last);
            }
            await Task.Delay(250);
        }
        Console.WriteLine($"  (the server counted {last} circuits after {timeout.TotalSeconds:N0} s, expected {(atMost ? "at most " : "")}{target})");
        return last;
    }

    /// <summary>Memory at one level: the smallest heap of three induced full GCs, the resident set right after the last one.</summary>
    private static async Task<Level> MeasureAsync(ServerProbe probe, int port, int pages, TimeSpan elapsed)
    {
        await Task.Delay(TimeSpan.FromSeconds(2));
        var heaps = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            heaps.Add(await probe.HeapAfterFullGcAsync(TimeSpan.FromSeconds(60)));
            await Task.Delay(500);
        }
        var rss = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            rss.Add(probe.ResidentBytes());
            await Task.Delay(300);
        }
        var (tcp, ws) = await ConnectionsAsync(port);
        var level = new Level(pages, (int)(probe.Metric(CircuitsActive) ?? 0), (int)(probe.Metric("kestrel.upgraded_connections") ?? ws), tcp, heaps.Min(),
            rss.Order().ElementAt(1));
        Console.WriteLine($"  {pages} pages: heap {level.HeapBytes / 1048576.0:N1} MB (GCs: {string.Join(", ", heaps.Select(h => (h / 1048576.0).ToString("N1", System.Globalization.CultureInfo.InvariantCulture)))}), "
            + $"RSS {level.RssBytes / 1048576.0:N1} MB, server circuits {level.ServerCircuits}, upgraded {level.WebSockets}, TCP {tcp}"
            + (elapsed > TimeSpan.Zero ? $", opened in {elapsed.TotalSeconds:N1} s" : ""));
        return level;
    }

    /// <summary>Established TCP connections to the portal's port, counted by the kernel (<c>ss</c>), server side.</summary>
    private static async Task<(int Tcp, int WebSockets)> ConnectionsAsync(int port)
    {
        try
        {
            using var ss = Process.Start(new ProcessStartInfo("ss", ["-Htn", "state", "established", $"( sport = :{port} )"]) { RedirectStandardOutput = true })!;
            var output = await ss.StandardOutput.ReadToEndAsync();
            await ss.WaitForExitAsync();
            return (output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, -1);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (-1, -1);
        }
    }

    private static void DeleteDb(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
    }
}

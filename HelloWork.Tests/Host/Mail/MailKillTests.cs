using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using HelloWork.Testing;
using HelloWork.Domain.Data;
using HelloWork.Domain.Mail;
using HelloWork.Tests.Host.Http;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Tests.Host.Mail;

/// <summary>
/// "Nothing lost, nothing twice" (R-MAIL-1): the real portal process (<c>dotnet HelloWork.Web.dll</c>) sending through
/// SMTP to a real server on loopback, killed with SIGKILL 10 times while registrations — each a committed change that asks for a
/// confirmation mail — stream in over HTTP. After a last start lets the outbox drain, every registration the database holds has
/// exactly one mail (one Message-Id) at the SMTP server, and every registration it does not hold has none. A Message-Id that
/// reached the server twice (a kill between the server's 250 and the row's mark) is counted and printed: the receiver keeps one.
/// </summary>
[RunsLong]
public sealed class MailKillTests(ITestOutputHelper output)
{
    private const int Kills = 10;

    [Fact]
    public async Task Every_committed_change_yields_exactly_one_mail_across_ten_SIGKILLs_R_MAIL_1()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("hellowork-mail-kill-").FullName;
        var dbPath = Path.Combine(folder, "portal.db");
        await using var smtp = LoopbackSmtp.Start();
        var attempted = new ConcurrentBag<string>();
        var acknowledged = new ConcurrentBag<string>();
        var random = new Random(18);
        try
        {
            for (var kill = 0; kill <= Kills; kill++)
            {
                await using var portal = await PortalProcess.StartAsync(PortalProcess.TestBuildDll, Environment(dbPath, smtp.Port, folder),
                    Path.Combine(folder, "portal.log"), TimeSpan.FromMinutes(3), ct: ct);
                if (kill == Kills)
                {
                    // The last start: no load, the outbox drains.
                    var drained = await WaitAsync(async () => await PendingAsync(dbPath) == 0, TimeSpan.FromSeconds(90), ct);
                    Assert.True(drained, "the outbox drained after the last start");
                    break;
                }
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
                var load = Task.WhenAll(Enumerable.Range(0, 2).Select(_ => RegisterLoopAsync(portal.BaseAddress, attempted, acknowledged, stop.Token)));
                // Kill while changes are being committed: after this start has acknowledged a few (a loaded machine takes seconds
                // for the first ones), then at a random moment.
                var before = acknowledged.Count;
                await WaitAsync(() => Task.FromResult(acknowledged.Count >= before + 3), TimeSpan.FromSeconds(90), ct);
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(200, 1500)), ct);
                await portal.StopAsync(); // SIGKILL while registrations and sends are under way
                await stop.CancelAsync();
                await load;
                output.WriteLine($"kill {kill + 1}: {acknowledged.Count} acknowledged of {attempted.Count} attempted, {smtp.Deliveries} deliveries so far");
            }

            var committed = await CommittedAsync(dbPath, [.. attempted]);
            var byAddress = smtp.Received
                .Where(m => (m.Subject ?? "").Contains("メールアドレスの確認", StringComparison.Ordinal))
                .GroupBy(m => m.To.Mailboxes.Single().Address, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => (Ids: g.Select(m => m.MessageId).Distinct().Count(), Deliveries: g.Count()), StringComparer.OrdinalIgnoreCase);
            var duplicates = byAddress.Values.Sum(v => v.Deliveries - v.Ids);
            output.WriteLine($"{attempted.Count} attempted, {acknowledged.Count} acknowledged, {committed.Count} committed; " +
                             $"{byAddress.Count} addresses mailed, {smtp.Deliveries} deliveries, {duplicates} repeated deliveries of one Message-Id");

            Assert.True(acknowledged.Count > 20, "the load produced acknowledged registrations");
            Assert.All(acknowledged, a => Assert.Contains(a, committed)); // acknowledged means committed
            var wrong = committed.Where(a => !byAddress.TryGetValue(a, out var v) || v.Ids != 1).ToList();
            Assert.True(wrong.Count == 0, $"committed registrations without exactly one mail: {string.Join(", ", wrong.Take(10))}");
            var ghosts = byAddress.Keys.Where(a => !committed.Contains(a)).ToList();
            Assert.True(ghosts.Count == 0, $"mails for registrations that were not committed: {string.Join(", ", ghosts.Take(10))}");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static Dictionary<string, string> Environment(string dbPath, int smtpPort, string folder) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Staging",
        ["DOTNET_ENVIRONMENT"] = "Staging",
        ["Database__Provider"] = "Sqlite",
        ["ConnectionStrings__HelloWork"] = $"Data Source={dbPath}",
        ["DemoData__Enabled"] = "true",
        ["Logging__Folder"] = Path.Combine(folder, "logs"),
        ["RateLimits__Registration__PermitLimit"] = "100000",
        ["Mail__SmtpHost"] = "127.0.0.1",
        ["Mail__SmtpPort"] = smtpPort.ToString(CultureInfo.InvariantCulture),
        ["Mail__StartTls"] = "false",
        ["Mail__PollMilliseconds"] = "50",
        ["Mail__BatchSize"] = "10",
        // A killed node's leases end soon, so the next start sends what it had claimed.
        ["Mail__LeaseSeconds"] = "5",
    };

    private static async Task RegisterLoopAsync(Uri baseAddress, ConcurrentBag<string> attempted, ConcurrentBag<string> acknowledged, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var email = Registrations.NewEmail("kill");
            using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
            using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
            attempted.Add(email);
            try
            {
                using var response = await Registrations.RegisterJobseekerAsync(client, Registrations.JobseekerForm(email)).WaitAsync(ct);
                if (response.StatusCode == HttpStatusCode.Redirect)
                {
                    acknowledged.Add(email);
                }
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or InvalidOperationException or IOException)
            {
                // Killed mid-request: the change is in doubt; the database says whether it was committed.
            }
        }
    }

    private static HelloWorkDb Open(string dbPath) =>
        new(new DbContextOptionsBuilder<HelloWorkDb>().UseSqlite($"Data Source={dbPath}").Options);

    private static async Task<int> PendingAsync(string dbPath)
    {
        await using var db = Open(dbPath);
        return await db.OutboxMails.CountAsync(m => m.Status == MailStatus.Pending);
    }

    private static async Task<HashSet<string>> CommittedAsync(string dbPath, List<string> attempted)
    {
        await using var db = Open(dbPath);
        var emails = await db.Users.Where(u => u.Email!.StartsWith("kill-")).Select(u => u.Email!).ToListAsync();
        return new HashSet<string>(emails.Where(attempted.Contains), StringComparer.OrdinalIgnoreCase);
    }

    private static async Task<bool> WaitAsync(Func<Task<bool>> done, TimeSpan timeout, CancellationToken ct)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (await done())
            {
                return true;
            }
            await Task.Delay(200, ct);
        }
        return await done();
    }
}

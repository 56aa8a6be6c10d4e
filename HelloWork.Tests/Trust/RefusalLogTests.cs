using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using HelloWork.Domain.Notices;
using HelloWork.Tests.Host.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace HelloWork.Tests.Trust;

/// <summary>The portal as it runs outside Development (environment <c>Staging</c>), with its log file in its own folder so that a test
/// reads exactly what an operator would.</summary>
public sealed class RefusalLogHost() : KestrelPortal("hellowork-refusal-")
{
    public string LogFolder => Path.Combine(Folder, "logs");

    /// <summary>Everything logged so far (the file sink writes each event through).</summary>
    public string ReadLog()
    {
        if (!Directory.Exists(LogFolder))
        {
            return "";
        }
        return string.Concat(Directory.GetFiles(LogFolder, "*.log").Order().Select(file =>
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }));
    }

    /// <summary>The log once <paramref name="done"/> holds for it (the file sink writes in the background: up to a minute on a busy
    /// machine), or as it is after that minute.</summary>
    public async Task<string> LogWhenAsync(Func<string, bool> done)
    {
        for (var i = 0; i < 600 && !done(ReadLog()); i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        return ReadLog();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Staging");
        builder.UseStaticWebAssets();
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseDemoSqlite(Folder, "refusal.db");
    }
}

/// <summary>
/// A malformed request is the client's error. Anyone can send one without signing in, so it must not fill the error log:
/// it is answered 400 problem details and logged as a warning without a stack trace, and the request's log line says 400, not 500.
/// A refused hub join (R-ACC-4) is the same: a warning naming the method, not SignalR's error with a stack (R-ERR-1).
/// </summary>
public sealed class RefusalLogTests(RefusalLogHost host) : IClassFixture<RefusalLogHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Malformed_requests_and_a_refused_hub_join_are_logged_as_client_warnings_without_a_stack_trace()
    {
        var address = host.Start();
        using var client = new HttpClient { BaseAddress = address };

        using (var login = await client.PostAsync("/api/auth/login", new StringContent("{", System.Text.Encoding.UTF8, "application/json"), Ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
            Assert.Equal("application/problem+json", login.Content.Headers.ContentType?.MediaType);
        }
        using (var paging = await client.GetAsync("/api/v1/provision/job-offers?pageSize=abc", Ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, paging.StatusCode);
            var problem = JsonDocument.Parse(await paging.Content.ReadAsStringAsync(Ct)).RootElement;
            Assert.Contains("pageSize", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        // jobseeker1 asks to join an office's group: refused (R-ACC-4).
        using var login1 = await client.PostAsJsonAsync("/api/auth/login", new { email = "jobseeker1@example.jp", password = PortalHost.DemoPassword }, Ct);
        login1.EnsureSuccessStatusCode();
        var token = JsonDocument.Parse(await login1.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("accessToken").GetString();
        await using (var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(address, "/hubs/live"), o => o.AccessTokenProvider = () => Task.FromResult(token))
            .Build())
        {
            await connection.StartAsync(Ct);
            await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync("Join", Recipients.Office(Guid.NewGuid()), Ct));
        }

        var log = await LogMentioningAsync("Join", "HTTP POST /api/auth/login responded 400", "HTTP GET /api/v1/provision/job-offers responded 400");
        Assert.DoesNotContain("[ERR]", log, StringComparison.Ordinal);
        Assert.DoesNotContain("[FTL]", log, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", log, StringComparison.Ordinal); // no stack frame anywhere
        Assert.DoesNotContain("responded 500", log, StringComparison.Ordinal);
        Assert.Contains("HTTP POST /api/auth/login responded 400", log, StringComparison.Ordinal);
        Assert.Contains("HTTP GET /api/v1/provision/job-offers responded 400", log, StringComparison.Ordinal);
        Assert.Equal(2, Lines(log).Count(l => l.Contains("[WRN] Refused", StringComparison.Ordinal) && l.Contains("BadHttpRequestException", StringComparison.Ordinal)));
        Assert.Single(Lines(log), l => l.Contains("[WRN] Hub call Join refused", StringComparison.Ordinal));
    }

    /// <summary>The host's whole log (it serves only this test), once it mentions every one of <paramref name="lines"/>.</summary>
    private Task<string> LogMentioningAsync(params string[] lines) =>
        host.LogWhenAsync(log => lines.All(line => log.Contains(line, StringComparison.Ordinal)));

    private static string[] Lines(string log) => log.Split('\n');
}

/// <summary>
/// Each portal host writes its own log (R-ERR-1): two hosts in one process, and one of them stopped, do not take the other's lines.
/// Serilog's default made every host write through the process-wide logger, set by the host built last and closed by the first
/// that stopped: a request's log line went to another host's file, or nowhere.
/// </summary>
public sealed class HostLogTests
{
    [Fact]
    public async Task A_host_logs_to_its_own_file_while_another_host_starts_and_stops()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var first = new RefusalLogHost();
        using var firstClient = new HttpClient { BaseAddress = first.Start() };
        await using (var second = new RefusalLogHost())
        {
            using var secondClient = new HttpClient { BaseAddress = second.Start() };
            (await secondClient.GetAsync("/health?second", ct)).EnsureSuccessStatusCode();
            (await firstClient.GetAsync("/health?while-second-runs", ct)).EnsureSuccessStatusCode();
            await WaitForAsync(second, "HTTP GET /health responded 200");
        }
        (await firstClient.GetAsync("/health?after-second-stopped", ct)).EnsureSuccessStatusCode();

        var log = await WaitForAsync(first, "HTTP GET /health responded 200", count: 2);
        Assert.Equal(2, Count(log, "HTTP GET /health responded 200"));
    }

    private static int Count(string log, string line) => log.Split('\n').Count(l => l.Contains(line, StringComparison.Ordinal));

    private static Task<string> WaitForAsync(RefusalLogHost host, string line, int count = 1) =>
        host.LogWhenAsync(log => Count(log, line) >= count);
}

using System.Diagnostics;
using HelloWork.Testing;
using HelloWork.Domain.Notices;
using Microsoft.EntityFrameworkCore;
using Npgsql;

using HelloWork.Tests.Browser;

namespace HelloWork.Tests.Host.Live;

/// <summary>
/// Two portal nodes over a real PostgreSQL and Redis (R-LIVE-1 "on every server node"): node A in the test process,
/// node B its own process. Needs <c>HELLOWORK_TEST_PG</c> (an Npgsql connection string of a role that may create
/// databases) and <c>HELLOWORK_TEST_REDIS</c> (host:port); <c>scripts/scaleout-services.sh</c> starts both and prints them.
/// </summary>
public sealed class ScaleOutTests(ScaleOutFixture nodes, ITestOutputHelper output) : IClassFixture<ScaleOutFixture>
{
    private static readonly TimeSpan ReceiveTimeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_change_through_node_A_reaches_a_hub_client_on_node_B()
    {
        Assert.SkipUnless(ScaleOutFixture.Configured, ScaleOutFixture.SkipReason);
        var (nodeA, nodeB) = (nodes.A, nodes.B);
        var jobseeker = await nodeA.ActorAsync("jobseeker1@example.jp");
        var employer1 = await nodeA.ActorAsync("employer1@example.jp");
        var est1 = Recipients.Establishment(employer1.EstablishmentId!.Value);
        // Signed in on node A, connected to node B: the bearer token is readable on every node (shared keys).
        await using var onB = await LiveClient.ConnectAsync(nodeB.BaseAddress, "employer1@example.jp", loginAddress: nodeA.BaseAddress);
        await using var otherOnB = await LiveClient.ConnectAsync(nodeB.BaseAddress, "employer2@example.jp");
        await using var onA = await LiveClient.ConnectAsync(nodeA.BaseAddress, "employer1@example.jp");
        var offerId = await nodeA.SelfApplicationOfferAsync(employer1, jobseeker);

        var started = Stopwatch.GetTimestamp();
        var applicationId = await nodeA.ApplyAsync(jobseeker, offerId);
        var pushB = await onB.WaitForPushAsync(n => n.SubjectId == applicationId, ReceiveTimeout);
        var pushA = await onA.WaitForPushAsync(n => n.SubjectId == applicationId, ReceiveTimeout);

        Assert.NotNull(pushB);
        Assert.NotNull(pushA);
        Assert.Equal(est1, pushB.Value.Notice.Recipient);
        var latency = Stopwatch.GetElapsedTime(started, pushB.Value.At);
        output.WriteLine($"node A → Redis → node B: {latency.TotalMilliseconds:0.0} ms from apply to the client on B; " +
            $"{Stopwatch.GetElapsedTime(started, pushA.Value.At).TotalMilliseconds:0.0} ms to the client on A " +
            $"(goal: within 1 s: {(latency < TimeSpan.FromSeconds(1) ? "met" : "MISSED")})");

        // A second change on warm paths: the application is cancelled (R-CAN-1) and node B hears of it.
        var warmStart = Stopwatch.GetTimestamp();
        await nodeA.Get<HelloWork.Domain.Applications.ApplicationService>().CancelAsync(jobseeker, applicationId, TestContext.Current.CancellationToken);
        var cancelled = await onB.WaitForPushAsync(n => n.SubjectId == applicationId && n.Kind == NoticeKind.ApplicationCancelled, ReceiveTimeout);
        Assert.NotNull(cancelled);
        output.WriteLine($"second change (warm): {Stopwatch.GetElapsedTime(warmStart, cancelled.Value.At).TotalMilliseconds:0.0} ms from cancel to the client on B");

        // The database is the truth on node B too, and nothing reached the other establishment.
        var caughtUp = await onB.CatchUpRawAsync(est1, pushB.Value.Notice.Seq - 1);
        Assert.Equal([NoticeKind.ApplicationReceived, NoticeKind.ApplicationCancelled], caughtUp.Select(n => n.Kind));
        Assert.All(caughtUp, n => Assert.Equal(applicationId, n.SubjectId));
        Assert.DoesNotContain(otherOnB.Pushes, p => p.Notice.SubjectId == applicationId);
    }

    /// <summary>The search counts and pages in one command with <c>count(*) OVER ()</c> (R-SRC-1): the same function on PostgreSQL,
    /// where words are matched by substring, and its count agrees with the offers counted one by one.</summary>
    [Fact]
    public async Task The_public_search_counts_and_pages_on_PostgreSQL_as_well()
    {
        Assert.SkipUnless(ScaleOutFixture.Configured, ScaleOutFixture.SkipReason);
        var ct = TestContext.Current.CancellationToken;
        var today = HelloWork.Domain.Common.JapanTime.Today(TimeProvider.System);
        await using var db = await nodes.A.Get<IDbContextFactory<HelloWork.Domain.Data.HelloWorkDb>>().CreateDbContextAsync(ct);
        var rows = await db.JobOffers
            .Where(o => o.Status == HelloWork.Domain.JobOffers.OfferStatus.Published && o.ValidUntil >= today)
            .Select(o => new { o.JobNumber, o.Scope, o.SearchText, o.EstablishmentName, o.ReceivedDate }).ToListAsync(ct);
        // The employer's name is searchable only where scope 1 publishes it (FreeWords).
        var expected = rows.Where(o => (o.Scope == HelloWork.Domain.JobOffers.PublicationScope.PublicWithName ? o.SearchText
                : o.SearchText.Replace(o.EstablishmentName, "", StringComparison.Ordinal)).Contains("営業", StringComparison.Ordinal))
            .OrderByDescending(o => o.ReceivedDate).ThenByDescending(o => o.JobNumber, StringComparer.Ordinal).Select(o => o.JobNumber!).ToList();
        Assert.True(expected.Count >= 2, "the demo data has offers with 営業");
        var search = nodes.A.Get<HelloWork.Domain.Search.JobSearch>();
        var first = await search.SearchAsync((HelloWork.Domain.Common.Actor?)null, new() { Words = "営業", PageSize = 10 }, ct);
        Assert.Equal(expected.Count, first.Total);
        Assert.Equal(expected.Take(10), first.Items.Select(i => i.JobNumber));
        var past = await search.SearchAsync((HelloWork.Domain.Common.Actor?)null, new() { Words = "営業", PageSize = 10, Page = first.Total / 10 + 2 }, ct);
        Assert.Empty(past.Items);
        Assert.Equal(first.Total, past.Total);
    }

    [Fact]
    public async Task Many_changes_through_node_A_reach_node_B_in_order_exactly_once()
    {
        Assert.SkipUnless(ScaleOutFixture.Configured, ScaleOutFixture.SkipReason);
        var (nodeA, nodeB) = (nodes.A, nodes.B);
        var jobseeker = await nodeA.ActorAsync("jobseeker1@example.jp");
        var employer1 = await nodeA.ActorAsync("employer1@example.jp");
        var est1 = Recipients.Establishment(employer1.EstablishmentId!.Value);
        await using var onB = await LiveClient.ConnectAsync(nodeB.BaseAddress, "employer1@example.jp");
        await onB.CatchUpAsync(est1);
        var seen = onB.Last(est1);

        await nodeA.MakeChangesAsync(jobseeker, await nodeA.SelfApplicationOfferAsync(employer1, jobseeker), 50);
        var watch = Stopwatch.StartNew();
        while (onB.Last(est1) < seen + 50 && watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        // Pushes alone (no catch-up call) brought all 50, in order, once each.
        Assert.Equal(Enumerable.Range(1, 50).Select(i => seen + i), onB.Handled.Where(n => n.Recipient == est1 && n.Seq > seen).Select(n => n.Seq));
        Assert.Equal(50, onB.Pushes.Count(p => p.Notice.Recipient == est1 && p.Notice.Seq > seen));
    }

    [Fact]
    public async Task A_client_that_left_node_B_catches_up_on_100_changes_from_node_A()
    {
        Assert.SkipUnless(ScaleOutFixture.Configured, ScaleOutFixture.SkipReason);
        var (nodeA, nodeB) = (nodes.A, nodes.B);
        var jobseeker = await nodeA.ActorAsync("jobseeker1@example.jp");
        var employer1 = await nodeA.ActorAsync("employer1@example.jp");
        var est1 = Recipients.Establishment(employer1.EstablishmentId!.Value);
        await using var client = await LiveClient.ConnectAsync(nodeB.BaseAddress, "employer1@example.jp");
        await client.CatchUpAsync(est1);
        var seen = client.Last(est1);
        await client.StopAsync();

        await nodeA.MakeChangesAsync(jobseeker, await nodeA.SelfApplicationOfferAsync(employer1, jobseeker), 100);
        await client.ReconnectAsync(nodeA.BaseAddress); // comes back on the other node (the balancer moved it)
        await client.CatchUpAsync(est1);

        var handled = client.Handled.Where(n => n.Recipient == est1 && n.Seq > seen).ToList();
        Assert.Equal(Enumerable.Range(1, 100).Select(i => seen + i), handled.Select(n => n.Seq));
        Assert.Equal(100, handled.Select(n => n.NoticeId).Distinct().Count());
    }
}

/// <summary>One PostgreSQL database of its own and two nodes on it for the class: A in this process, B its own process.</summary>
public sealed class ScaleOutFixture : IAsyncLifetime
{
    private static readonly string? Postgres = Environment.GetEnvironmentVariable("HELLOWORK_TEST_PG");
    private static readonly string? Redis = Environment.GetEnvironmentVariable("HELLOWORK_TEST_REDIS");
    private readonly string _run = Guid.NewGuid().ToString("N")[..10];
    private readonly string _folder = Directory.CreateTempSubdirectory("hellowork-scaleout-").FullName;
    private string? _database;

    public static bool Configured => !string.IsNullOrWhiteSpace(Postgres) && !string.IsNullOrWhiteSpace(Redis);

    public const string SkipReason =
        "Scale-out tests need HELLOWORK_TEST_PG and HELLOWORK_TEST_REDIS: run eval \"$(scripts/scaleout-services.sh)\" first (as root).";

    public PortalHost A { get; private set; } = null!;
    public PortalProcess B { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!Configured)
        {
            return;
        }
        var settings = Settings();
        A = PortalHost.On(settings);
        A.Start(); // migrates and seeds first
        B = await PortalProcess.StartAsync(settings, Path.Combine(_folder, "node-b.log"));
    }

    private Dictionary<string, string?> Settings()
    {
        var pg = new NpgsqlConnectionStringBuilder(Postgres) { Database = _database = $"hw_live_{_run}" };
        return new()
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:HelloWork"] = pg.ConnectionString,
            ["Live:Bus"] = "Redis",
            // A channel prefix of this run's own, so that concurrent runs on the same Redis do not hear each other.
            ["ConnectionStrings:Redis"] = $"{Redis},channelPrefix=hw-test-{_run}:",
            ["DemoData:Enabled"] = "true",
            ["Logging:Folder"] = Path.Combine(_folder, "logs"),
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (B is not null)
        {
            await B.DisposeAsync();
        }
        if (A is not null)
        {
            await A.DisposeAsync();
        }
        await CleanUpAsync(Postgres!, _database, _folder);
    }

    /// <summary>Drops a run's database (when it made one) and deletes its folder: the end of every fixture with nodes on PostgreSQL.</summary>
    internal static async Task CleanUpAsync(string postgres, string? database, string folder)
    {
        if (database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            var admin = new NpgsqlConnectionStringBuilder(postgres) { Database = "postgres" };
            await using var connection = new NpgsqlConnection(admin.ConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

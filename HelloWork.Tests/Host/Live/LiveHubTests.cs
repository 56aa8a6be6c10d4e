using System.Diagnostics;
using HelloWork.Domain.Common;
using HelloWork.Domain.Notices;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

using HelloWork.Tests.Browser;

namespace HelloWork.Tests.Host.Live;

/// <summary>The real portal on a loopback port, one SQLite file for the class, demo data, real SignalR clients.</summary>
public sealed class LiveHubFixture : IAsyncLifetime
{
    public TempDatabase Database { get; } = new();
    public PortalHost Host { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        Host = PortalHost.On(Database.Settings());
        Host.Start();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        Database.Dispose();
    }
}

public sealed class LiveHubTests(LiveHubFixture fixture, ITestOutputHelper output) : IClassFixture<LiveHubFixture>
{
    // The issue asks for delivery within 1 s (R-LIVE-1). The receive timeout is wider so that a loaded CI box does not
    // flake; the measured latency is printed against the 1 s figure.
    private static readonly TimeSpan ReceiveTimeout = TimeSpan.FromSeconds(5);
    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task Employer_receives_the_application_notice_when_a_jobseeker_applies_and_another_establishment_receives_nothing()
    {
        var jobseeker = await Host.ActorAsync("jobseeker1@example.jp");
        var employer1 = await Host.ActorAsync("employer1@example.jp");
        var employer2 = await Host.ActorAsync("employer2@example.jp");
        var est1 = Recipients.Establishment(employer1.EstablishmentId!.Value);
        await using var client1 = await LiveClient.ConnectAsync(Host.BaseAddress, "employer1@example.jp");
        await using var client2 = await LiveClient.ConnectAsync(Host.BaseAddress, "employer2@example.jp");
        var offerId = await Host.SelfApplicationOfferAsync(employer1, jobseeker);

        var started = Stopwatch.GetTimestamp();
        var applicationId = await Host.ApplyAsync(jobseeker, offerId);
        var committed = Stopwatch.GetTimestamp();
        var push = await client1.WaitForPushAsync(n => n.SubjectId == applicationId, ReceiveTimeout);

        Assert.NotNull(push);
        Assert.Equal(est1, push.Value.Notice.Recipient);
        Assert.Equal(NoticeKind.ApplicationReceived, push.Value.Notice.Kind);
        Assert.False(string.IsNullOrEmpty(push.Value.Notice.Args[NoticeArg.ApplicantName])); // data, rendered by each reader (R-NTC-1)
        var total = Stopwatch.GetElapsedTime(started, push.Value.At);
        var afterCommit = Stopwatch.GetElapsedTime(committed, push.Value.At);
        output.WriteLine($"application notice: {total.TotalMilliseconds:0.0} ms after apply started, {afterCommit.TotalMilliseconds:0.0} ms after commit (goal: within 1 s: {(total < TimeSpan.FromSeconds(1) ? "met" : "MISSED")})");

        await Task.Delay(500, TestContext.Current.CancellationToken); // room for a wrong delivery to show up
        Assert.DoesNotContain(client2.Pushes, p => p.Notice.SubjectId == applicationId);
        Assert.All(client2.Pushes, p => Assert.Equal(Recipients.Establishment(employer2.EstablishmentId!.Value), p.Notice.Recipient));
    }

    [Fact]
    public async Task Joining_or_reading_another_establishments_group_is_refused()
    {
        var employer1 = await Host.ActorAsync("employer1@example.jp");
        var est1 = Recipients.Establishment(employer1.EstablishmentId!.Value);
        await using var client2 = await LiveClient.ConnectAsync(Host.BaseAddress, "employer2@example.jp");

        await Assert.ThrowsAsync<HubException>(() => client2.Connection.InvokeAsync("Join", est1, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<HubException>(() => client2.CatchUpRawAsync(est1, 0));
        await Assert.ThrowsAsync<HubException>(() => client2.Connection.InvokeAsync("Join", Recipients.User(employer1.UserId), TestContext.Current.CancellationToken));
        // Its own groups are fine.
        var own = await client2.Connection.InvokeAsync<List<string>>("Recipients", TestContext.Current.CancellationToken);
        foreach (var recipient in own)
        {
            await client2.Connection.InvokeAsync("Join", recipient, TestContext.Current.CancellationToken);
        }
        Assert.DoesNotContain(est1, own);
    }

    [Theory]
    [InlineData("staff1@example.jp")]
    [InlineData("employer1@example.jp")]
    [InlineData("jobseeker1@example.jp")]
    public async Task Only_administrators_join_or_read_the_administrators_group_R_ACC_4(string email)
    {
        await using var other = await LiveClient.ConnectAsync(Host.BaseAddress, email);
        await Assert.ThrowsAsync<HubException>(() => other.Connection.InvokeAsync("Join", Recipients.Admins, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<HubException>(() => other.CatchUpRawAsync(Recipients.Admins, 0));

        await using var admin = await LiveClient.ConnectAsync(Host.BaseAddress, "admin@example.jp");
        Assert.Contains(Recipients.Admins, await admin.Connection.InvokeAsync<List<string>>("Recipients", TestContext.Current.CancellationToken));
        await admin.Connection.InvokeAsync("Join", Recipients.Admins, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task The_hub_refuses_connections_without_a_token()
    {
        await using var anonymous = new HubConnectionBuilder()
            .WithUrl(new Uri(Host.BaseAddress, "/hubs/live")).Build();
        var e = await Assert.ThrowsAsync<HttpRequestException>(() => anonymous.StartAsync(TestContext.Current.CancellationToken));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, e.StatusCode);
    }

    [Fact]
    public async Task A_client_that_reconnects_after_100_changes_gets_all_of_them_in_order_exactly_once()
    {
        var jobseeker = await Host.ActorAsync("jobseeker1@example.jp");
        var employer1 = await Host.ActorAsync("employer1@example.jp");
        var est1 = Recipients.Establishment(employer1.EstablishmentId!.Value);
        await using var client = await LiveClient.ConnectAsync(Host.BaseAddress, "employer1@example.jp");
        await client.CatchUpAsync(est1);
        var seen = client.Last(est1);
        var handledBefore = client.Handled.Count;
        await client.StopAsync();

        var offerId = await Host.SelfApplicationOfferAsync(employer1, jobseeker);
        await Host.MakeChangesAsync(jobseeker, offerId, 100);

        await client.StartAsync();
        var raw = await client.CatchUpRawAsync(est1, seen);
        await client.CatchUpAsync(est1);
        var missed = client.Handled.Skip(handledBefore).Where(n => n.Recipient == est1).ToList();

        Assert.Equal(Enumerable.Range(1, 100).Select(i => seen + i), raw.Select(n => n.Seq));
        Assert.Equal(Enumerable.Range(1, 100).Select(i => seen + i), missed.Select(n => n.Seq));
        Assert.Equal(100, missed.Select(n => n.NoticeId).Distinct().Count());
        Assert.Equal(50, missed.Count(n => n.Kind == NoticeKind.ApplicationReceived));
        Assert.Equal(50, missed.Count(n => n.Kind == NoticeKind.ApplicationCancelled));
        Assert.Empty(await client.CatchUpRawAsync(est1, client.Last(est1)));
        output.WriteLine($"caught up {missed.Count} notices after seq {seen}");
    }

    [Fact]
    public async Task Pushes_and_catch_up_together_never_hand_a_notice_over_twice()
    {
        var jobseeker = await Host.ActorAsync("jobseeker1@example.jp");
        var employer1 = await Host.ActorAsync("employer1@example.jp");
        var est1 = Recipients.Establishment(employer1.EstablishmentId!.Value);
        await using var client = await LiveClient.ConnectAsync(Host.BaseAddress, "employer1@example.jp");
        await client.CatchUpAsync(est1);
        var seen = client.Last(est1);

        var offerId = await Host.SelfApplicationOfferAsync(employer1, jobseeker);
        var changes = Host.MakeChangesAsync(jobseeker, offerId, 40);
        while (!changes.IsCompleted)
        {
            await client.CatchUpAsync(est1); // races with the pushes on purpose
        }
        await changes;
        await client.CatchUpAsync(est1);

        var handled = client.Handled.Where(n => n.Recipient == est1 && n.Seq > seen).Select(n => n.Seq).ToList();
        Assert.Equal(Enumerable.Range(1, 40).Select(i => seen + i), handled);
    }
}

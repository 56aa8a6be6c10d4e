using HelloWork.Testing;
using HelloWork.Domain.Notices;

using HelloWork.Tests.Browser;

namespace HelloWork.Tests.Host.Live;

/// <summary>R-LIVE-2 across a real server process restart: the catch-up comes from the database, not from memory.</summary>
public sealed class RestartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_client_catches_up_on_100_changes_after_the_server_process_restarts()
    {
        using var database = new TempDatabase();
        var settings = database.Settings();
        var log = Path.Combine(database.Folder, "process.log");

        await using var node1 = await PortalProcess.StartAsync(settings, log);
        await using var client = await LiveClient.ConnectAsync(node1.BaseAddress, "employer1@example.jp");
        var est1 = (await client.RecipientsAsync()).Single(r => r.StartsWith("est:", StringComparison.Ordinal));
        await client.CatchUpAsync(est1);
        var seen = client.Last(est1);

        // The server process ends (the client's connection drops with it) …
        await node1.StopAsync();
        // … 100 changes are made through another node on the same database file …
        await using (var writer = PortalHost.On(settings))
        {
            var jobseeker = await writer.ActorAsync("jobseeker1@example.jp");
            var employer1 = await writer.ActorAsync("employer1@example.jp");
            Assert.Equal(est1, Recipients.Establishment(employer1.EstablishmentId!.Value));
            await writer.MakeChangesAsync(jobseeker, await writer.SelfApplicationOfferAsync(employer1, jobseeker), 100);
        }
        // … and a new server process on the same file serves the reconnecting client.
        await using var node2 = await PortalProcess.StartAsync(settings, log);
        await client.ReconnectAsync(node2.BaseAddress);

        var raw = await client.CatchUpRawAsync(est1, seen);
        await client.CatchUpAsync(est1);
        var handled = client.Handled.Where(n => n.Recipient == est1 && n.Seq > seen).ToList();

        Assert.Equal(Enumerable.Range(1, 100).Select(i => seen + i), raw.Select(n => n.Seq));
        Assert.Equal(Enumerable.Range(1, 100).Select(i => seen + i), handled.Select(n => n.Seq));
        Assert.Equal(100, handled.Select(n => n.NoticeId).Distinct().Count());
        output.WriteLine($"after the restart the client caught up {handled.Count} notices after seq {seen}");
    }
}

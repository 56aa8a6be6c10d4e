using System.Collections.Concurrent;
using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using HelloWork.Domain.Data;
using HelloWork.Domain.Notices;
using HelloWork.Web.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using HelloWork.Tests.Browser;

namespace HelloWork.Tests.Host.Live;

/// <summary>The circuit feed that Blazor components subscribe through: what it hands over when pushes go missing.</summary>
public sealed class LiveNoticesTests(LiveHubFixture fixture) : IClassFixture<LiveHubFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private PortalHost Host => fixture.Host;

    [Fact]
    public async Task A_push_after_a_gap_makes_the_feed_read_the_missed_notices_in_order()
    {
        var (jobseeker, employer1, est1) = await ActorsAsync();
        await using var scope = Host.Services.CreateAsyncScope();
        var received = new ConcurrentQueue<LiveNotice>();
        using var subscription = await scope.ServiceProvider.GetRequiredService<LiveNotices>()
            .SubscribeAsync(employer1, n => { received.Enqueue(n); return Task.CompletedTask; }, TestContext.Current.CancellationToken);
        var before = await Host.Get<NoticeService>().LastSeqAsync(employer1, est1, TestContext.Current.CancellationToken);
        var offerId = await Host.SelfApplicationOfferAsync(employer1, jobseeker);

        await Silent().MakeChangesAsync(jobseeker, offerId, 2); // apply, cancel: committed, never pushed (a node that missed them)
        await Host.MakeChangesAsync(jobseeker, offerId, 1);      // apply, pushed: seq before+3 arrives after a gap

        await WaitForAsync(() => received.Count(n => n.Recipient == est1) >= 3);
        Assert.Equal(Enumerable.Range(1, 3).Select(i => before + i), received.Where(n => n.Recipient == est1).Select(n => n.Seq));
    }

    [Fact]
    public async Task A_catch_up_request_delivers_what_was_committed_without_a_push_and_nothing_twice()
    {
        var (jobseeker, employer1, est1) = await ActorsAsync();
        await using var scope = Host.Services.CreateAsyncScope();
        var received = new ConcurrentQueue<LiveNotice>();
        using var subscription = await scope.ServiceProvider.GetRequiredService<LiveNotices>()
            .SubscribeAsync(employer1, n => { received.Enqueue(n); return Task.CompletedTask; }, TestContext.Current.CancellationToken);
        var before = await Host.Get<NoticeService>().LastSeqAsync(employer1, est1, TestContext.Current.CancellationToken);

        await Silent().MakeChangesAsync(jobseeker, await Host.SelfApplicationOfferAsync(employer1, jobseeker), 2);
        Host.Get<LocalDispatcher>().RequestCatchUp(); // what the Redis bus does when its connection comes back
        Host.Get<LocalDispatcher>().RequestCatchUp();

        await WaitForAsync(() => received.Count(n => n.Recipient == est1) >= 2);
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.Equal([before + 1, before + 2], received.Where(n => n.Recipient == est1).Select(n => n.Seq));
    }

    [Fact]
    public async Task Mark_as_read_reaches_the_open_bells_of_the_recipient()
    {
        var (_, employer1, est1) = await ActorsAsync();
        await using var scope = Host.Services.CreateAsyncScope();
        var received = new ConcurrentQueue<LiveNotice>();
        using var subscription = await scope.ServiceProvider.GetRequiredService<LiveNotices>()
            .SubscribeAsync(employer1, n => { received.Enqueue(n); return Task.CompletedTask; }, TestContext.Current.CancellationToken);
        var notice = (await Host.Get<NoticeService>().ListAsync(employer1, ct: TestContext.Current.CancellationToken)).First(n => n.Recipient == est1);

        await Host.Get<NoticeService>().MarkReadAsync(employer1, notice.Id, TestContext.Current.CancellationToken);

        await WaitForAsync(() => received.Any(n => n.IsReadSignal && n.Recipient == est1));
    }

    private async Task<(Actor Jobseeker, Actor Employer, string Establishment)> ActorsAsync()
    {
        var employer1 = await Host.ActorAsync("employer1@example.jp");
        return (await Host.ActorAsync("jobseeker1@example.jp"), employer1, Recipients.Establishment(employer1.EstablishmentId!.Value));
    }

    /// <summary>The same domain operations on the same database, with a bus that drops everything.</summary>
    private SilentWriter Silent() => new(new ApplicationService(new Operations(
        Host.Get<IDbContextFactory<HelloWorkDb>>(), Host.Get<TimeProvider>(), new DroppingBus())));

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow + Timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "timed out");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }

    private sealed class SilentWriter(ApplicationService applications)
    {
        public async Task MakeChangesAsync(Actor jobseeker, Guid offerId, int count)
        {
            Guid? open = null;
            for (var i = 0; i < count; i++)
            {
                if (open is { } id)
                {
                    await applications.CancelAsync(jobseeker, id);
                    open = null;
                }
                else
                {
                    open = await applications.ApplyAsync(jobseeker, new ApplyInput(offerId, "志望動機", [], SelfApplicationAcknowledged: true));
                }
            }
        }
    }

    private sealed class DroppingBus : ILiveBus
    {
        public Task PublishAsync(IReadOnlyList<LiveNotice> notices, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public IDisposable Subscribe(string recipient, Func<LiveNotice, Task> handler) => throw new NotSupportedException();
    }
}

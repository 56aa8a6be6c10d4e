using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using HelloWork.Domain.Messaging;
using HelloWork.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Tests.Trust;

/// <summary>The message limit in the domain (R-MSG-1): sending is an interactive action with no HTTP request to
/// throttle, so <see cref="MessageService"/> counts per person on the injected clock.</summary>
public sealed class HardeningMessageLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_message_after_the_limit_is_refused_with_the_wait_and_saves_nothing_others_still_send_and_the_window_slides()
    {
        await using var world = await DomainWorld.CreateAsync();
        var limit = new MessageSendLimit(3, TimeSpan.FromMinutes(10), world.Clock);
        var messages = new MessageService(world.Ops, limit);
        var applicationId = await world.Applications.ApplyAsync(world.JobseekerActor1,
            new ApplyInput(world.Offer1.Id, "志望動機です。", [], SelfApplicationAcknowledged: true), Ct);
        Task<int> CountAsync() => world.WithDbAsync(db => db.Messages.CountAsync(m => m.ApplicationId == applicationId, Ct));

        for (var i = 0; i < 3; i++)
        {
            await messages.SendAsync(world.EmployerActor1, applicationId, $"ご連絡 {i + 1}", Ct);
            world.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        var refusal = await Assert.ThrowsAsync<DomainException>(() => messages.SendAsync(world.EmployerActor1, applicationId, "4通目", Ct));

        Assert.Equal("TooManyRequests", refusal.Code);
        Assert.Equal("body", refusal.Field);
        Assert.Equal(7 * 60, Assert.IsType<int>(Assert.Single(refusal.Args))); // the first message leaves the window in 7 minutes
        Assert.Equal(3, await CountAsync());

        // The applicant is another person with a limit of their own.
        await messages.SendAsync(world.JobseekerActor1, applicationId, "承知しました。", Ct);
        Assert.Equal(4, await CountAsync());

        // Once the first message is 10 minutes old, one more goes; the next is refused again.
        world.Clock.Advance(TimeSpan.FromMinutes(7));
        await messages.SendAsync(world.EmployerActor1, applicationId, "4通目", Ct);
        await Assert.ThrowsAsync<DomainException>(() => messages.SendAsync(world.EmployerActor1, applicationId, "5通目", Ct));
        Assert.Equal(5, await CountAsync());
    }

    [Fact]
    public async Task A_refusal_for_a_thread_outside_the_scope_does_not_use_up_the_limit()
    {
        await using var world = await DomainWorld.CreateAsync();
        var messages = new MessageService(world.Ops, new MessageSendLimit(1, TimeSpan.FromMinutes(10), world.Clock));
        var applicationId = await world.Applications.ApplyAsync(world.JobseekerActor1,
            new ApplyInput(world.Offer1.Id, "志望動機です。", [], SelfApplicationAcknowledged: true), Ct);

        var otherApplicationId = await world.Applications.ApplyAsync(world.JobseekerActor2,
            new ApplyInput(world.Offer2.Id, "志望動機です。", [], SelfApplicationAcknowledged: true), Ct);

        // employer1 writing into employer2's thread: refused for scope, twice, with a limit of one message.
        await Assert.ThrowsAsync<ScopeException>(() => messages.SendAsync(world.EmployerActor1, otherApplicationId, "横から", Ct));
        await Assert.ThrowsAsync<ScopeException>(() => messages.SendAsync(world.EmployerActor1, otherApplicationId, "横から", Ct));
        await messages.SendAsync(world.EmployerActor1, applicationId, "ご連絡", Ct);
    }
}

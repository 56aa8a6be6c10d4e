using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using HelloWork.Domain.Referrals;
using HelloWork.Tests.Support;

using HelloWork.Tests.Browser;
using HelloWork.Tests.Host.Http;

namespace HelloWork.Tests.Domain.Jobseekers;

/// <summary>R-CAN-1/2 and R-REF-3 as the jobseeker's read models report them while the clock moves.</summary>
public sealed class MyApplicationCancelWindowTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_detail_says_cancellable_until_24_hours_after_applying_and_a_late_cancel_is_refused()
    {
        await using var world = await DomainWorld.CreateAsync();
        var id = await world.Applications.ApplyAsync(world.JobseekerActor2, new ApplyInput(world.Offer1.Id, "志望動機です。", [], SelfApplicationAcknowledged: true), Ct);
        var query = new MyApplications(world.Ops);

        world.Clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        Assert.True((await query.DetailAsync(world.JobseekerActor2, id, Ct)).CanCancel(world.Clock.GetUtcNow()));
        world.Clock.Advance(TimeSpan.FromSeconds(1));
        var detail = await query.DetailAsync(world.JobseekerActor2, id, Ct);
        Assert.False(detail.CanCancel(world.Clock.GetUtcNow()));
        Assert.Equal(ApplicationStatus.InSelection, detail.Row.Status);
        Assert.Equal("CancelWindowClosed", (await Assert.ThrowsAsync<DomainException>(() => world.Applications.CancelAsync(world.JobseekerActor2, id, Ct))).Code);
    }

    [Fact]
    public async Task A_referral_past_its_deadline_is_listed_as_expired_and_online_only_users_learn_why_they_have_none()
    {
        await using var world = await DomainWorld.CreateAsync();
        await world.ReferAsync(world.Offer1, world.Jobseeker1, world.Office1);
        var query = new MyReferralsQuery(world.Ops);

        Assert.Equal(ReferralStatus.Proposed, Assert.Single((await query.ListAsync(world.JobseekerActor1, Ct)).Items).Status);
        world.Clock.Advance(Referral.DefaultApplicationPeriod);
        Assert.Equal(ReferralStatus.Expired, Assert.Single((await query.ListAsync(world.JobseekerActor1, Ct)).Items).Status);
        Assert.Equal(ReferralAvailability.HwisOnly, (await query.ListAsync(world.JobseekerActor2, Ct)).Availability);
    }
}

using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Messaging;
using HelloWork.Domain.Notices;
using HelloWork.Domain.Referrals;
using HelloWork.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Tests.Domain.Common;

/// <summary>The domain operations end to end on a real SQLite file, with the refusals next to the successes (R-ACC-4).</summary>
public sealed class OperationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_submitted_offer_accepted_by_its_office_gets_the_next_job_number_and_the_employer_is_notified()
    {
        await using var world = await DomainWorld.CreateAsync();
        var offers = new JobOfferService(world.Ops);
        var draft = await offers.CopyAsync(world.EmployerActor1, world.Offer1.Id, Ct);
        await offers.SubmitAsync(world.EmployerActor1, draft, Ct);

        await Assert.ThrowsAsync<ScopeException>(() => offers.AcceptAsync(world.StaffActor2, draft, Ct));
        var number = await offers.AcceptAsync(world.StaffActor1, draft, Ct);

        Assert.Equal("13010-00000002", number); // R-JOB-2: office code and the office's next serial
        var notices = await world.WithDbAsync(db => db.Notices.Where(n => n.Recipient == Recipients.Establishment(world.Establishment1.Id)).ToListAsync(Ct));
        Assert.Contains(notices, n => n.Kind == NoticeKind.OfferAccepted && n.Args.Contains(number, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Returning_an_offer_needs_a_comment_and_another_employer_cannot_touch_it()
    {
        await using var world = await DomainWorld.CreateAsync();
        var offers = new JobOfferService(world.Ops);
        var draft = await offers.CopyAsync(world.EmployerActor1, world.Offer1.Id, Ct);
        await Assert.ThrowsAsync<ScopeException>(() => offers.SubmitAsync(world.EmployerActor2, draft, Ct));
        await offers.SubmitAsync(world.EmployerActor1, draft, Ct);

        var refusal = await Assert.ThrowsAsync<DomainException>(() => offers.ReturnAsync(world.StaffActor1, draft, "  ", Ct));
        Assert.Equal("Required", refusal.Code);
        await offers.ReturnAsync(world.StaffActor1, draft, "固定残業代の時間数を記載してください。", Ct);
        var offer = await world.WithDbAsync(db => db.JobOffers.FirstAsync(o => o.Id == draft, Ct));
        Assert.Equal(OfferStatus.Returned, offer.Status);
    }

    [Fact]
    public async Task A_referral_is_refused_for_an_online_only_jobseeker_and_for_a_second_live_referral()
    {
        await using var world = await DomainWorld.CreateAsync();
        var referrals = new ReferralService(world.Ops);
        var input = new ReferralInput(world.Offer1.Id, world.Jobseeker2.Id, EmployerConfirmation.Confirmed, null);

        var online = await Assert.ThrowsAsync<DomainException>(() => referrals.SendAsync(world.StaffActor1, input, Ct));
        Assert.Equal("JobseekerNotRegisteredAtOffice", online.Code); // R-ACC-1

        var first = input with { JobseekerId = world.Jobseeker1.Id };
        await referrals.SendAsync(world.StaffActor1, first, Ct);
        var second = await Assert.ThrowsAsync<DomainException>(() => referrals.SendAsync(world.StaffActor1, first, Ct));
        Assert.Equal("ReferralAlreadyLive", second.Code);
    }

    [Fact]
    public async Task A_skipped_phone_confirmation_needs_its_reason_and_a_deadline_past_validity_is_refused()
    {
        await using var world = await DomainWorld.CreateAsync();
        var referrals = new ReferralService(world.Ops);
        var skipped = new ReferralInput(world.Offer1.Id, world.Jobseeker1.Id, EmployerConfirmation.SkippedUnreachable, null);
        Assert.Equal("SkipNeedsReason", (await Assert.ThrowsAsync<DomainException>(() => referrals.SendAsync(world.StaffActor1, skipped, Ct))).Code); // R-REF-1

        var late = new ReferralInput(world.Offer1.Id, world.Jobseeker1.Id, EmployerConfirmation.Confirmed, null, world.Offer1.ValidUntil!.Value.AddDays(1));
        Assert.Equal("DeadlineAfterValidity", (await Assert.ThrowsAsync<DomainException>(() => referrals.SendAsync(world.StaffActor1, late, Ct))).Code);
    }

    [Fact]
    public async Task Applying_to_a_referral_establishes_it_and_messages_stop_once_the_result_is_registered()
    {
        await using var world = await DomainWorld.CreateAsync();
        var referralId = await new ReferralService(world.Ops).SendAsync(world.StaffActor1,
            new ReferralInput(world.Offer1.Id, world.Jobseeker1.Id, EmployerConfirmation.Confirmed, null), Ct);
        var applicationId = await world.Applications.ApplyAsync(world.JobseekerActor1, new ApplyInput(world.Offer1.Id, "志望動機です。", [], referralId), Ct);
        var referral = await world.WithDbAsync(db => db.Referrals.FirstAsync(r => r.Id == referralId, Ct));
        Assert.Equal(ReferralStatus.Established, referral.Status); // R-REF-4

        var messages = new MessageService(world.Ops);
        await messages.SendAsync(world.EmployerActor1, applicationId, "面接日程のご相談です。", Ct);
        await Assert.ThrowsAsync<ScopeException>(() => messages.SendAsync(world.EmployerActor2, applicationId, "横から失礼します", Ct));
        await Assert.ThrowsAsync<ScopeException>(() => messages.ReadThreadAsync(world.JobseekerActor2, applicationId, Ct));
        var thread = await messages.ReadThreadAsync(world.JobseekerActor1, applicationId, Ct);
        Assert.Single(thread);

        await world.Applications.RegisterResultAsync(world.EmployerActor1, applicationId,
            new ResultInput(ResultOutcome.NotHired, SelectionReasons.ApplicantWithdrew, false, null, null), Ct);
        var closed = await Assert.ThrowsAsync<DomainException>(() => messages.SendAsync(world.JobseekerActor1, applicationId, "まだ送れますか", Ct));
        Assert.Equal("MessagingClosed.ResultRegistered", closed.Code); // R-MSG-1
    }
}

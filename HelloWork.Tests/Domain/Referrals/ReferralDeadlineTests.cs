using HelloWork.Domain.Common;
using HelloWork.Domain.Referrals;
using Microsoft.EntityFrameworkCore;
using static HelloWork.Tests.Domain.Samples;
using HelloWork.Tests.Support;

namespace HelloWork.Tests.Domain.Referrals;

/// <summary>R-REF-3: a proposed referral expires at its application deadline (7 days by default), computed on read.</summary>
public sealed class ReferralDeadlineTests
{
    private static readonly DateTimeOffset SentAt = Jst(2026, 11, 23, 10);

    private static Referral NewReferral() => new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "職員 高橋", ReferralKind.Online,
        EmployerConfirmation.Confirmed, null, SentAt, SentAt + Referral.DefaultApplicationPeriod);

    [Fact]
    public void A_proposal_is_open_until_just_before_its_deadline()
    {
        var referral = NewReferral();

        Assert.Equal(ReferralStatus.Proposed, referral.StatusAt(referral.Deadline.AddTicks(-1)));
        Assert.True(referral.IsLive(referral.Deadline.AddTicks(-1)));
    }

    [Fact]
    public void A_proposal_reads_as_expired_at_its_deadline_without_any_sweeper()
    {
        var referral = NewReferral();

        Assert.Equal(ReferralStatus.Expired, referral.StatusAt(referral.Deadline));
        Assert.False(referral.IsLive(referral.Deadline));
        Assert.Equal(ReferralStatus.Proposed, referral.Status);
    }

    [Fact]
    public void Applying_after_the_deadline_is_refused_as_expired()
    {
        var referral = NewReferral();

        var refusal = Assert.Throws<DomainException>(() => referral.Establish(Guid.NewGuid(), referral.Deadline.AddMinutes(1)));

        Assert.Equal("ReferralExpired", refusal.Code);
    }

    [Fact]
    public void The_default_application_period_is_seven_days()
    {
        Assert.Equal(TimeSpan.FromDays(7), Referral.DefaultApplicationPeriod);
        Assert.Equal(SentAt.AddDays(7), NewReferral().Deadline);
    }

    [Fact]
    public void A_skipped_employer_confirmation_needs_its_reason()
    {
        var refusal = Assert.Throws<DomainException>(() => new Referral(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "職員",
            ReferralKind.Online, EmployerConfirmation.SkippedUnreachable, " ", SentAt, SentAt.AddDays(7)));

        Assert.Equal("SkipNeedsReason", refusal.Code);
    }

    [Fact]
    public async Task A_stored_proposal_read_back_after_its_deadline_is_expired()
    {
        await using var database = await DomainWorld.CreateEmptyAsync(SentAt);
        var id = await database.ArrangeAsync(async db =>
        {
            var office = Samples.Office();
            var est = Samples.Establishment(office, 1, database.Now);
            var offer = AcceptedOffer(office, est.Id, database.Now);
            var jobseeker = Samples.Jobseeker(database.Now);
            jobseeker.RegisterAtOffice(office, database.Now);
            var referral = new Referral(offer.Id, jobseeker.Id, office.Id, Guid.NewGuid(), "職員 高橋", ReferralKind.Online,
                EmployerConfirmation.Confirmed, null, database.Now, database.Now + Referral.DefaultApplicationPeriod);
            db.AddRange(office, est, offer, jobseeker, referral);
            await Task.CompletedTask;
            return referral.Id;
        });

        database.Clock.Advance(TimeSpan.FromDays(7));
        var stored = await database.WithDbAsync(db => db.Referrals.AsNoTracking().SingleAsync(r => r.Id == id));

        Assert.Equal(ReferralStatus.Proposed, stored.Status);
        Assert.Equal(ReferralStatus.Expired, stored.StatusAt(database.Now));
    }
}

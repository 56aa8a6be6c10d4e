using HelloWork.Domain.Accounts;
using HelloWork.Domain.Applications;
using HelloWork.Domain.Audit;
using HelloWork.Domain.Common;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Referrals;
using HelloWork.Tests.Support;
using Microsoft.EntityFrameworkCore;

using HelloWork.Tests.Browser;

namespace HelloWork.Tests.Domain.Staff;

/// <summary>The staff console's refusals and scope : clear codes for bad input, nothing outside the office.</summary>
public sealed class StaffRulesTests
{
    private static ReferralInput Input(JobOffer offer, Jobseeker js, DateOnly? deadline = null) =>
        new(offer.Id, js.Id, EmployerConfirmation.Confirmed, null, deadline);

    [Fact]
    public async Task Returning_an_offer_without_a_correction_request_is_refused_next_to_the_comment()
    {
        await using var w = await DomainWorld.CreateAsync();
        var offer = await w.SubmittedOfferAsync(w.Establishment1, w.Clock.GetUtcNow());

        var refusal = await Assert.ThrowsAsync<DomainException>(() => new JobOfferService(w.Ops).ReturnAsync(w.StaffActor1, offer.Id, "  "));

        Assert.Equal(("Required", "CorrectionRequest"), (refusal.Code, refusal.Field));
        Assert.Equal(OfferStatus.Submitted, await w.WithDbAsync(db => db.JobOffers.Where(o => o.Id == offer.Id).Select(o => o.Status).FirstAsync()));
    }

    [Fact]
    public async Task The_queue_lists_the_office_s_submitted_offers_oldest_first_with_findings_and_another_office_sees_none_of_them()
    {
        await using var w = await DomainWorld.CreateAsync();
        var now = w.Clock.GetUtcNow();
        var newer = await w.SubmittedOfferAsync(w.Establishment1, now.AddHours(-1));
        var older = await w.SubmittedOfferAsync(w.Establishment1, now.AddHours(-5), s => s with
        {
            Work = s.Work with { Dispatch = DispatchKind.Dispatch, WorkplaceDisclosed = false },
            Hours = s.Hours with { Overtime = true, OvertimeMonthlyAverage = 60, SpecialClause36 = false },
        });
        var queue = new ReviewQueue(w.Ops);

        var mine = await queue.OffersAsync(w.StaffActor1);
        var theirs = await queue.OffersAsync(w.StaffActor2);

        Assert.Equal([older.Id, newer.Id], mine.Select(i => i.OfferId));
        Assert.Contains(mine[0].Findings, f => f.Field == "Hours.SpecialClause36" && f.Level == FindingLevel.Warning);
        Assert.Contains(CounterVisitReason.DispatchOrContracting, mine[0].CounterVisit);
        Assert.Empty(theirs);
        await Assert.ThrowsAsync<ScopeException>(() => new JobOfferService(w.Ops).AcceptAsync(w.StaffActor2, older.Id));
    }

    [Fact]
    public async Task Accepting_assigns_the_office_job_number_and_the_validity()
    {
        await using var w = await DomainWorld.CreateAsync();
        var offer = await w.SubmittedOfferAsync(w.Establishment1, w.Clock.GetUtcNow());

        var number = await new JobOfferService(w.Ops).AcceptAsync(w.StaffActor1, offer.Id);

        Assert.Matches(@"^13010-\d{8}$", number);
        Assert.Equal(new DateOnly(2027, 1, 31), await w.WithDbAsync(db => db.JobOffers.Where(o => o.Id == offer.Id).Select(o => o.ValidUntil).FirstAsync()));
    }

    [Fact]
    public async Task Referrals_to_an_online_only_or_invalid_jobseeker_past_the_validity_or_twice_are_refused_with_clear_codes()
    {
        await using var w = await DomainWorld.CreateAsync();
        var service = new ReferralService(w.Ops);
        var invalid = await w.JobseekerAsync("無効 四郎", w.Office1);
        await w.Ops.RunAsync(StaffWorld.JobseekerActor(invalid), async x => (await x.Db.Jobseekers.FirstAsync(j => j.Id == invalid.Id)).SetRegistrationActive(false, x.Now));

        var hwisOnly = await Assert.ThrowsAsync<DomainException>(() => service.SendAsync(w.StaffActor1, Input(w.Offer1, w.Jobseeker2)));
        var notValid = await Assert.ThrowsAsync<DomainException>(() => service.SendAsync(w.StaffActor1, Input(w.Offer1, invalid)));
        var pastValidity = await Assert.ThrowsAsync<DomainException>(() => service.SendAsync(w.StaffActor1, Input(w.Offer1, w.Jobseeker1, new DateOnly(2027, 2, 1))));
        var skip = await Assert.ThrowsAsync<DomainException>(() => service.SendAsync(w.StaffActor1,
            new ReferralInput(w.Offer1.Id, w.Jobseeker1.Id, EmployerConfirmation.SkippedUnreachable, " ")));
        await service.SendAsync(w.StaffActor1, Input(w.Offer1, w.Jobseeker1));
        var second = await Assert.ThrowsAsync<DomainException>(() => service.SendAsync(w.StaffActor1, Input(w.Offer1, w.Jobseeker1)));

        Assert.Equal(("JobseekerNotRegisteredAtOffice", "JobseekerId"), (hwisOnly.Code, hwisOnly.Field));
        Assert.Equal(("JobseekerRegistrationInvalid", "JobseekerId"), (notValid.Code, notValid.Field));
        Assert.Equal(("DeadlineAfterValidity", "Deadline"), (pastValidity.Code, pastValidity.Field));
        Assert.Equal(("SkipNeedsReason", "ConfirmationNote"), (skip.Code, skip.Field));
        Assert.Equal(("ReferralAlreadyLive", "JobseekerId"), (second.Code, second.Field));
        Assert.Equal(1, await w.WithDbAsync(db => db.Referrals.CountAsync()));
    }

    [Fact]
    public async Task A_referral_to_an_offer_past_its_validity_is_refused()
    {
        await using var w = await DomainWorld.CreateAsync();
        w.Clock.SetUtcNow(StaffWorld.Jst(2, 1, 9, year: 2027));

        var refusal = await Assert.ThrowsAsync<DomainException>(() => new ReferralService(w.Ops).SendAsync(w.StaffActor1, Input(w.Offer1, w.Jobseeker1)));

        Assert.Equal("OfferNotOpen", refusal.Code);
    }

    [Fact]
    public async Task A_look_up_of_a_jobseeker_outside_the_office_is_audited_as_such_and_registration_makes_an_online_registrant_full()
    {
        await using var w = await DomainWorld.CreateAsync();
        await w.AccountAsync(w.Jobseeker1, "js1@example.jp", w.Clock.GetUtcNow());
        await w.AccountAsync(w.Jobseeker2, "js2@example.jp", w.Clock.GetUtcNow());
        var registration = new OfficeRegistration(w.Ops);

        var outside = await registration.FindByEmailAsync(w.StaffActor2, "JS1@example.jp");
        var online = await registration.FindByEmailAsync(w.StaffActor2, "js2@example.jp");
        var number = await registration.RegisterAtOfficeAsync(w.StaffActor2, w.Jobseeker2.Id);

        Assert.False(outside!.InOwnOffice);
        Assert.Equal(JobseekerTier.HwisOnly, online!.Tier);
        Assert.StartsWith("27010-9", number, StringComparison.Ordinal);
        var audit = await w.WithDbAsync(db => db.AuditEntries.Where(a => a.ActorRole == Roles.Staff).Select(a => new { a.Action, a.JobseekerId, a.OfficeId }).ToListAsync());
        Assert.Contains(audit, a => a.Action == "JobseekerOutsideOfficeViewed" && a.JobseekerId == w.Jobseeker1.Id && a.OfficeId == w.Office2.Id);
        Assert.Contains(audit, a => a.Action == "JobseekerRegisteredAtOffice" && a.JobseekerId == w.Jobseeker2.Id);
        var js2 = await w.WithDbAsync(db => db.Jobseekers.FirstAsync(j => j.Id == w.Jobseeker2.Id));
        Assert.True(js2.CanReceiveReferrals(w.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task The_board_shows_each_state_with_counts_and_another_office_sees_an_empty_board()
    {
        await using var w = await DomainWorld.CreateAsync();
        var service = new ReferralService(w.Ops);
        var js3 = await w.JobseekerAsync("候補 一郎", w.Office1);
        var applied = await service.SendAsync(w.StaffActor1, Input(w.Offer1, w.Jobseeker1));
        await service.SendAsync(w.StaffActor1, Input(w.Offer1, js3));
        await service.CounterReferralAsync(w.StaffActor1, Input(w.Offer2, js3));
        var appId = await w.Applications.ApplyAsync(w.JobseekerActor1, new(w.Offer1.Id, "志望動機です。", [], applied));
        var board = new ReferralBoard(w.Ops);

        var before = await board.LoadAsync(w.StaffActor1);
        await w.Applications.RegisterResultAsync(w.EmployerActor1, appId, new(ResultOutcome.Hired, null, false, null, new DateOnly(2026, 12, 1)));
        w.Clock.Advance(TimeSpan.FromDays(8));
        var after = await board.LoadAsync(w.StaffActor1);
        var other = await board.LoadAsync(w.StaffActor2);

        Assert.Equal((3, 1, 2), (before.Sent, before.Counts[BoardState.AwaitingApplication], before.Counts[BoardState.Applied]));
        Assert.Equal((1, 1, 1), (after.Counts[BoardState.Expired], after.Counts[BoardState.ResultRegistered], after.Counts[BoardState.Applied]));
        Assert.Equal(0, other.Sent);
    }

    [Fact]
    public async Task Only_supervisors_read_the_audit_log_and_it_filters_by_person()
    {
        await using var w = await DomainWorld.CreateAsync();
        await new ReferralService(w.Ops).SendAsync(w.StaffActor1, Input(w.Offer1, w.Jobseeker1));
        var log = new AuditLog(w.Ops);

        await Assert.ThrowsAsync<ScopeException>(() => log.SearchAsync(w.StaffActor1, new()));
        var byName = await log.SearchAsync(w.Supervisor(), new(Person: "佐藤"));
        var nobody = await log.SearchAsync(w.Supervisor(), new(Person: "該当なし"));
        var reversed = await Assert.ThrowsAsync<DomainException>(() => log.SearchAsync(w.Supervisor(), new(From: new DateOnly(2026, 12, 1), To: new DateOnly(2026, 11, 1))));

        Assert.Contains(byName, r => r.Action == "ReferralSent" && r.JobseekerName == "佐藤 結衣");
        Assert.Empty(nobody);
        Assert.Equal("RangeReversed", reversed.Code);
    }
}

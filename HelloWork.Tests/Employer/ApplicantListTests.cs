using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using HelloWork.Domain.Data.Demo;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Messaging;
using HelloWork.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Tests.Employer;

/// <summary>The applicant list (R-APP-2) and detail (R-APP-3) with results (R-RES-1..3) and document deletion (R-DOC-1).</summary>
public sealed class ApplicantListTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_list_pages_sorts_and_filters_by_status_method_offer_and_date()
    {
        await using var world = await DomainWorld.CreateAsync();
        var referral = await world.ReferAsync(world.Offer1, world.Jobseeker1, world.Office1);
        var referred = await world.Applications.ApplyAsync(world.JobseekerActor1, new ApplyInput(world.Offer1.Id, "紹介で応募します。", [], referral.Id), Ct);
        world.Clock.Advance(TimeSpan.FromDays(2));
        var self = await world.Applications.ApplyAsync(world.JobseekerActor2,
            new ApplyInput(world.Offer1.Id, "自主応募です。", [], SelfApplicationAcknowledged: true), Ct);
        var list = new EmployerApplicants(world.Ops);

        var all = await list.PageAsync(world.EmployerActor1, new EmployerApplicantQuery(), Ct);
        Assert.Equal(2, all.Total);
        Assert.Equal([self, referred], all.Rows.Select(r => r.Id)); // newest first
        Assert.Equal([referred, self], (await list.PageAsync(world.EmployerActor1, new EmployerApplicantQuery(Descending: false), Ct)).Rows.Select(r => r.Id));
        var page2 = await list.PageAsync(world.EmployerActor1, new EmployerApplicantQuery(Page: 1, PageSize: 1), Ct);
        Assert.Equal(2, page2.Total);
        Assert.Equal(referred, Assert.Single(page2.Rows).Id);

        var selfOnly = await list.PageAsync(world.EmployerActor1, new EmployerApplicantQuery(Method: ApplicationMethod.SelfApplication), Ct);
        Assert.Equal(self, Assert.Single(selfOnly.Rows).Id);
        var today = world.Clock.Today();
        Assert.Equal(self, Assert.Single((await list.PageAsync(world.EmployerActor1, new EmployerApplicantQuery(From: today), Ct)).Rows).Id);
        Assert.Equal(referred, Assert.Single((await list.PageAsync(world.EmployerActor1, new EmployerApplicantQuery(To: today.AddDays(-1)), Ct)).Rows).Id);
        Assert.Empty((await list.PageAsync(world.EmployerActor1, new EmployerApplicantQuery(From: today, To: today.AddDays(-1)), Ct)).Rows);
        Assert.Equal(0, (await list.PageAsync(world.EmployerActor1, new EmployerApplicantQuery(OfferId: world.Offer2.Id), Ct)).Total);

        await world.Applications.CancelAsync(world.JobseekerActor2, self, Ct);
        var cancelled = await list.PageAsync(world.EmployerActor1, new EmployerApplicantQuery(Status: ApplicationStatus.Cancelled), Ct);
        Assert.Equal(self, Assert.Single(cancelled.Rows).Id);
        foreach (var sort in Enum.GetValues<EmployerApplicantSort>())
        {
            Assert.Equal(2, (await list.PageAsync(world.EmployerActor1, new EmployerApplicantQuery(Sort: sort, Descending: false), Ct)).Rows.Count);
        }
        var hostile = await list.PageAsync(world.EmployerActor1, new EmployerApplicantQuery(Page: -5, PageSize: 1_000_000), Ct);
        Assert.Equal(2, hostile.Rows.Count);
    }

    [Fact]
    public async Task Registering_a_result_deletes_the_documents_and_closes_the_thread()
    {
        await using var world = await DomainWorld.CreateAsync();
        var id = await world.Applications.ApplyAsync(world.JobseekerActor1, new ApplyInput(world.Offer1.Id, "<script>alert(1)</script>",
            [new UploadedFile("履歴書.pdf", DemoSeeder.MinimalPdf("x"))], SelfApplicationAcknowledged: true), Ct);
        var list = new EmployerApplicants(world.Ops);
        var before = await list.DetailAsync(world.EmployerActor1, id, Ct);
        Assert.Equal("<script>alert(1)</script>", before!.Motivation); // stored as text; pages encode it
        Assert.Single(before.Documents);
        Assert.True(before.CanRegisterResult);
        Assert.Null(before.MessagingClosed);

        var refused = await Assert.ThrowsAsync<DomainException>(() => world.Applications.RegisterResultAsync(world.EmployerActor1, id,
            new ResultInput(ResultOutcome.Hired, null, true, null, world.Clock.Today()), Ct));
        Assert.Equal("DiscrepancyNeedsNote", refused.Code);
        var reversed = await Assert.ThrowsAsync<DomainException>(() => world.Applications.RegisterResultAsync(world.EmployerActor1, id,
            new ResultInput(ResultOutcome.Hired, null, false, null, world.Clock.Today().AddDays(-30)), Ct));
        Assert.Equal("HiringDateOutOfRange", reversed.Code);

        await world.Applications.RegisterResultAsync(world.EmployerActor1, id, new ResultInput(ResultOutcome.NotHired, SelectionReasons.ApplicantWithdrew, false, null, null), Ct);
        var after = await list.DetailAsync(world.EmployerActor1, id, Ct);
        Assert.Equal(ApplicationStatus.Withdrawn, after!.Status);
        Assert.Empty(after.Documents);
        Assert.NotNull(after.DocumentsDeletedAt);
        Assert.Equal(0, await world.WithDbAsync(db => db.ApplicationDocuments.CountAsync(d => d.ApplicationId == id, Ct))); // content gone (R-DOC-1)
        Assert.Equal(ThreadClosedReason.ResultRegistered, after.MessagingClosed);
        Assert.False(after.CanRegisterResult);
    }

    [Fact]
    public async Task Past_the_result_deadline_the_form_gives_way_to_the_office_phone()
    {
        await using var world = await DomainWorld.CreateAsync();
        var id = await world.Applications.ApplyAsync(world.JobseekerActor1, new ApplyInput(world.Offer1.Id, "応募します。",
            [new UploadedFile("履歴書.pdf", DemoSeeder.MinimalPdf("x"))], SelfApplicationAcknowledged: true), Ct);
        await new JobOfferService(world.Ops).CloseAsync(world.EmployerActor1, world.Offer1.Id, InvalidReason.Filled, Ct);
        // Closed on 2026-11-23 (JST) → the window runs to the end of February 2027 (R-RES-3).
        world.Clock.SetUtcNow(JapanTime.EndOf(new DateOnly(2027, 2, 28)));
        var detail = await new EmployerApplicants(world.Ops).DetailAsync(world.EmployerActor1, id, Ct);

        Assert.True(detail!.ResultDeadlinePassed);
        Assert.False(detail.CanRegisterResult);
        Assert.Equal("03-3812-8609", detail.OfficePhone);
        Assert.Empty(detail.Documents); // R-DOC-1 on read, whatever the sweeper did
        Assert.Equal(ThreadClosedReason.DeadlinePassed, detail.MessagingClosed);
        var refused = await Assert.ThrowsAsync<DomainException>(() => world.Applications.RegisterResultAsync(world.EmployerActor1, id,
            new ResultInput(ResultOutcome.NotHired, 1, false, null, null), Ct));
        Assert.Equal("ResultDeadlinePassed", refused.Code);
    }
}

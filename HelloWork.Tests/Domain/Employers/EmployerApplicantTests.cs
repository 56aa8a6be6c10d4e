using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using HelloWork.Domain.Data.Demo;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Messaging;
using HelloWork.Tests.Support;
using Microsoft.EntityFrameworkCore;

using HelloWork.Tests.Browser;
using HelloWork.Tests.Host.Http;

namespace HelloWork.Tests.Domain.Employers;

/// <summary>The applicant list (R-APP-2) and detail (R-APP-3) with results (R-RES-1..3) and document deletion (R-DOC-1).</summary>
public sealed class EmployerApplicantTests
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
        var list = new ApplicantQueries(world.Ops);
        var est = world.Establishment1.Id;
        Task<ApplicantPage> Query(ApplicantQuery q) => list.QueryAsync(world.EmployerActor1, est, q, Ct);

        var all = await Query(new ApplicantQuery());
        Assert.Equal(2, all.TotalCount);
        Assert.Equal([self, referred], all.Rows.Select(r => r.ApplicationId)); // newest first
        Assert.Equal([referred, self], (await Query(new ApplicantQuery { Descending = false })).Rows.Select(r => r.ApplicationId));
        var page2 = await Query(new ApplicantQuery { Page = 1, PageSize = 1 });
        Assert.Equal(2, page2.TotalCount);
        Assert.Equal(referred, Assert.Single(page2.Rows).ApplicationId);
        Assert.Equal(ApplicationMethod.OnlineReferral, all.Rows[1].Method); // the method badge's source (R-SELF-3)

        var selfOnly = await Query(new ApplicantQuery { Method = ApplicationMethod.SelfApplication });
        Assert.Equal(self, Assert.Single(selfOnly.Rows).ApplicationId);
        var today = world.Clock.Today();
        Assert.Equal(self, Assert.Single((await Query(new ApplicantQuery { AppliedFrom = today })).Rows).ApplicationId);
        Assert.Equal(referred, Assert.Single((await Query(new ApplicantQuery { AppliedTo = today.AddDays(-1) })).Rows).ApplicationId);
        Assert.Equal(0, (await Query(new ApplicantQuery { JobOfferId = world.Offer2.Id })).TotalCount);
        Assert.Equal(2, (await Query(new ApplicantQuery { JobOfferId = world.Offer1.Id })).TotalCount);

        await world.Applications.CancelAsync(world.JobseekerActor2, self, Ct);
        var cancelled = await Query(new ApplicantQuery { Status = ApplicationStatus.Cancelled });
        Assert.Equal(self, Assert.Single(cancelled.Rows).ApplicationId);
        foreach (var sort in Enum.GetValues<ApplicantSort>())
        {
            Assert.Equal(2, (await Query(new ApplicantQuery { Sort = sort, Descending = false })).Rows.Count);
        }

        // Hostile paging and a reversed range are refused, not clamped into some other page (R-ERR-1).
        Assert.Equal("OutOfRange", (await Assert.ThrowsAsync<DomainException>(() => Query(new ApplicantQuery { Page = -5 }))).Code);
        Assert.Equal("OutOfRange", (await Assert.ThrowsAsync<DomainException>(() => Query(new ApplicantQuery { PageSize = 1_000_000 }))).Code);
        Assert.Equal("DateRangeReversed", (await Assert.ThrowsAsync<DomainException>(() =>
            Query(new ApplicantQuery { AppliedFrom = today, AppliedTo = today.AddDays(-1) }))).Code);
    }

    [Fact]
    public async Task The_export_gives_the_selected_rows_of_the_own_establishment_only_and_is_audited()
    {
        await using var world = await DomainWorld.CreateAsync();
        var first = await world.Applications.ApplyAsync(world.JobseekerActor1, new ApplyInput(world.Offer1.Id, "志望動機は出力しない。", [],
            SelfApplicationAcknowledged: true), Ct);
        world.Clock.Advance(TimeSpan.FromHours(1));
        var second = await world.Applications.ApplyAsync(world.JobseekerActor2, new ApplyInput(world.Offer1.Id, "二人目です。", [],
            SelfApplicationAcknowledged: true), Ct);
        var list = new ApplicantQueries(world.Ops);

        var rows = await list.ExportAsync(world.EmployerActor1, [first, second, first], Ct);
        Assert.Equal([second, first], rows.Select(r => r.ApplicationId)); // newest first, each once
        Assert.Equal(world.Jobseeker1.Name, rows[1].ApplicantName);
        Assert.Equal(1, await world.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "ApplicantsExported", Ct)));

        // One foreign or unknown id refuses the whole export; nothing is audited for it.
        await Assert.ThrowsAsync<ScopeException>(() => list.ExportAsync(world.EmployerActor2, [first], Ct));
        await Assert.ThrowsAsync<ScopeException>(() => list.ExportAsync(world.EmployerActor1, [first, Guid.NewGuid()], Ct));
        await Assert.ThrowsAsync<ScopeException>(() => list.ExportAsync(world.JobseekerActor1, [first], Ct));
        Assert.Equal("OutOfRange", (await Assert.ThrowsAsync<DomainException>(() => list.ExportAsync(world.EmployerActor1, [], Ct))).Code);
        Assert.Equal("OutOfRange", (await Assert.ThrowsAsync<DomainException>(() =>
            list.ExportAsync(world.EmployerActor1, [.. Enumerable.Range(0, ApplicantQueries.MaxExport + 1).Select(_ => Guid.NewGuid())], Ct))).Code);
        Assert.Equal(1, await world.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "ApplicantsExported", Ct)));
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

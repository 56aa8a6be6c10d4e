using System.Globalization;
using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Notices;
using HelloWork.Tests.Domain.Staff;
using HelloWork.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Tests.Domain.JobOffers;

/// <summary>
/// Changing a published offer (R-CHG-1): a pending sheet edited through the entry screens' save, reviewed as a difference against the
/// published version, which stays public until staff accept; the job number and the applicants stay. Applications keep the version
/// they were made on and people applying are told of a change to wage, hours, place or employment type (R-CHG-2). Another employer,
/// another office's staff and a jobseeker are refused (R-ACC-4).
/// </summary>
public sealed class OfferChangeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");

    private static async Task<(DomainWorld World, Guid ApplicationId, Guid UserId)> AppliedAsync()
    {
        var world = await DomainWorld.CreateAsync();
        await world.AccountAsync(world.Jobseeker1, "js1@example.jp", world.Now);
        // A confirmed address, so the notice can be mailed by the person's choice (the default: at once).
        await world.WithDbAsync(db => db.Users.Where(u => u.JobseekerId == world.Jobseeker1.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.EmailConfirmed, true), Ct));
        var userId = await world.WithDbAsync(db => db.Users.Where(u => u.JobseekerId == world.Jobseeker1.Id).Select(u => u.Id).FirstAsync(Ct));
        var applicationId = await world.Applications.ApplyAsync(world.JobseekerActor1,
            new ApplyInput(world.Offer1.Id, "志望動機です。", [], SelfApplicationAcknowledged: true), Ct);
        return (world, applicationId, userId);
    }

    private static JobSheet Raised(JobSheet s) => s with { Wages = s.Wages with { BaseMin = (s.Wages.BaseMin ?? 0) + 20_000, BaseMax = (s.Wages.BaseMax ?? 0) + 20_000 } };

    private static Task<JobOffer> OfferAsync(DomainWorld world, Guid id) => world.WithDbAsync(db => db.JobOffers.AsNoTracking().FirstAsync(o => o.Id == id, Ct));

    [Fact] // R-CHG-1, R-CHG-2
    public async Task A_change_is_reviewed_as_a_difference_and_replaces_the_published_version_only_when_accepted()
    {
        var (world, applicationId, userId) = await AppliedAsync();
        await using var _ = world;
        var changes = new OfferChangeService(world.Ops);
        var published = await OfferAsync(world, world.Offer1.Id);
        var changed = Raised(published.Sheet);

        await changes.StartAsync(world.EmployerActor1, published.Id, Ct);
        var saved = await new JobOfferService(world.Ops).SaveScreenAsync(world.EmployerActor1, published.Id, changed, 4, Ct);
        Assert.True(saved.Saved);
        var pending = await OfferAsync(world, published.Id);
        Assert.Equal(published.Sheet, pending.Sheet); // the public version is untouched while the change is edited
        Assert.Equal(published.WageMin, pending.WageMin);
        Assert.Equal(changed, pending.PendingSheet);

        await changes.SubmitAsync(world.EmployerActor1, published.Id, Ct);
        var item = Assert.Single(await new ReviewQueue(world.Ops).OffersAsync(world.StaffActor1, Ct), i => i.OfferId == published.Id);
        Assert.NotNull(item.Changes);
        var wage = Assert.Single(item.Changes!, c => c.Key == "Wages.BaseMin");
        Assert.NotEqual(wage.Old, wage.New);
        Assert.Equal([ChangedTerm.Wage], item.TermsChanged);
        Assert.Equal(changed, item.Sheet);
        Assert.Empty(await new ReviewQueue(world.Ops).OffersAsync(world.StaffActor2, Ct)); // another office sees nothing (R-ACC-4)
        Assert.Equal(published.WageMin, (await OfferAsync(world, published.Id)).WageMin); // still the published one until accepted

        var terms = await changes.AcceptAsync(world.StaffActor1, published.Id, Ct);

        Assert.Equal([ChangedTerm.Wage], terms);
        var after = await OfferAsync(world, published.Id);
        Assert.Equal(published.JobNumber, after.JobNumber);
        Assert.Equal(published.ValidUntil, after.ValidUntil);
        Assert.Equal(changed, after.Sheet);
        Assert.True(after.WageMin > published.WageMin);
        Assert.Equal(2, after.Version);
        Assert.Null(after.PendingSheet);
        var kept = await world.WithDbAsync(db => db.OfferVersions.AsNoTracking().SingleAsync(v => v.JobOfferId == published.Id, Ct));
        Assert.Equal((1, published.Sheet), (kept.Number, kept.Sheet));
        var application = await world.WithDbAsync(db => db.Applications.AsNoTracking().SingleAsync(a => a.JobOfferId == published.Id, Ct));
        Assert.Equal((applicationId, ApplicationStatus.InSelection, 1), (application.Id, application.Status, application.OfferVersion));
        var told = await world.WithDbAsync(db => db.Notices.AsNoTracking().Where(n => n.Kind == NoticeKind.OfferChanged).ToListAsync(Ct));
        var notice = Assert.Single(told);
        Assert.Equal((Recipients.User(userId), published.Id), (notice.Recipient, notice.SubjectId));
        Assert.Equal("Wage", NoticeArg.Read(notice.Args)[NoticeArg.Terms]);
        Assert.Contains(await world.WithDbAsync(db => db.OutboxMails.AsNoTracking().ToListAsync(Ct)), m => m.NoticeKind == NoticeKind.OfferChanged && m.UserId == userId);
    }

    [Fact] // R-CHG-2
    public async Task The_applicant_detail_shows_the_version_applied_to_and_the_differences_prefill_discrepancy()
    {
        var (world, applicationId, _) = await AppliedAsync();
        await using var _w = world;
        var changes = new OfferChangeService(world.Ops);
        var original = (await OfferAsync(world, world.Offer1.Id)).Sheet;
        await changes.StartAsync(world.EmployerActor1, world.Offer1.Id, Ct);
        await new JobOfferService(world.Ops).SaveScreenAsync(world.EmployerActor1, world.Offer1.Id, Raised(original), 4, Ct);
        await changes.SubmitAsync(world.EmployerActor1, world.Offer1.Id, Ct);
        await changes.AcceptAsync(world.StaffActor1, world.Offer1.Id, Ct);

        var detail = (await new EmployerApplicants(world.Ops).DetailAsync(world.EmployerActor1, applicationId, Ct))!;

        Assert.Equal((1, 2), (detail.AppliedVersion, detail.CurrentVersion));
        Assert.Equal(original, detail.AppliedSheet);
        Assert.Contains(detail.ChangesSinceApplied, c => c.Key == "Wages.BaseMin");
        // Hired on the current (raised) wage: it differs from the version applied to, so 相違 is prefilled; on the old wage it does not.
        var current = Raised(original);
        var hiredAtNewWage = new HiringConditions(original.Work.EmploymentType, original.Wages.Form, current.Wages.BaseMax! + (current.Wages.FixedAllowances ?? 0));
        Assert.Equal([ChangedTerm.Wage], hiredAtNewWage.DifferencesFrom(detail.AppliedSheet!));
        var hiredAsApplied = new HiringConditions(original.Work.EmploymentType, original.Wages.Form, original.Wages.BaseMin! + (original.Wages.FixedAllowances ?? 0),
            original.Hours.Start, original.Hours.End, original.Work.WorkplacePrefecture, original.Work.WorkplaceMunicipality);
        Assert.Empty(hiredAsApplied.DifferencesFrom(detail.AppliedSheet!));
        Assert.Equal([ChangedTerm.Hours, ChangedTerm.EmploymentType],
            new HiringConditions(EmploymentType: EmploymentType.NonRegular == original.Work.EmploymentType ? EmploymentType.Regular : EmploymentType.NonRegular,
                Start: new TimeOnly(5, 0)).DifferencesFrom(original));
        // The jobseeker's own detail shows the change too.
        var mine = await new MyApplications(world.Ops).DetailAsync(world.JobseekerActor1, applicationId, Ct);
        Assert.Contains(mine.ChangesSinceApplied, c => c.Key == "Wages.BaseMin");
    }

    [Fact] // R-CHG-1
    public async Task A_returned_change_keeps_the_published_version_and_tells_the_employer_why()
    {
        var (world, _, _) = await AppliedAsync();
        await using var _w = world;
        var changes = new OfferChangeService(world.Ops);
        var published = await OfferAsync(world, world.Offer1.Id);
        await changes.StartAsync(world.EmployerActor1, published.Id, Ct);
        await new JobOfferService(world.Ops).SaveScreenAsync(world.EmployerActor1, published.Id, Raised(published.Sheet), 4, Ct);
        await changes.SubmitAsync(world.EmployerActor1, published.Id, Ct);

        var empty = await Assert.ThrowsAsync<DomainException>(() => changes.ReturnAsync(world.StaffActor1, published.Id, " ", Ct));
        Assert.Equal(nameof(JobOffer.CorrectionRequest), empty.Field);
        await changes.ReturnAsync(world.StaffActor1, published.Id, "賃金の根拠を確認させてください。", Ct);

        var after = await OfferAsync(world, published.Id);
        Assert.Equal((published.Sheet, OfferChangeStatus.Returned, 1), (after.Sheet, after.ChangeStatus, after.Version));
        Assert.True(after.IsOpen(world.Now));
        var entry = (await new EmployerOffers(world.Ops).GetAsync(world.EmployerActor1, published.Id, Ct))!;
        Assert.True(entry.IsChanging && entry.IsEditable);
        Assert.Equal("賃金の根拠を確認させてください。", entry.CorrectionRequest);
        Assert.Contains(entry.Changes, c => c.Key == "Wages.BaseMin");
        var notice = await world.WithDbAsync(db => db.Notices.AsNoTracking().SingleAsync(n => n.Kind == NoticeKind.OfferChangeReturned
            && n.Recipient == Recipients.Establishment(world.Establishment1.Id), Ct));
        Assert.Equal("賃金の根拠を確認させてください。", NoticeArg.Read(notice.Args)[NoticeArg.Correction]);
        Assert.Equal(0, await world.WithDbAsync(db => db.Notices.CountAsync(n => n.Kind == NoticeKind.OfferChanged, Ct)));
    }

    [Fact] // R-CHG-1, R-CHG-2
    public async Task A_change_that_touches_no_working_condition_tells_no_jobseeker_and_an_unchanged_one_is_refused()
    {
        var (world, _, _) = await AppliedAsync();
        await using var _w = world;
        var changes = new OfferChangeService(world.Ops);
        var published = await OfferAsync(world, world.Offer1.Id);
        await changes.StartAsync(world.EmployerActor1, published.Id, Ct);
        var nothing = await Assert.ThrowsAsync<DomainException>(() => changes.SubmitAsync(world.EmployerActor1, published.Id, Ct));
        Assert.Equal(ErrorCodes.OfferChangeEmpty, nothing.Code);

        var pr = published.Sheet with { Company = published.Sheet.Company with { PrText = "職場見学を随時受け付けています。" } };
        await new JobOfferService(world.Ops).SaveScreenAsync(world.EmployerActor1, published.Id, pr, 7, Ct);
        await changes.SubmitAsync(world.EmployerActor1, published.Id, Ct);
        Assert.Empty(await changes.AcceptAsync(world.StaffActor1, published.Id, Ct));

        Assert.Equal(0, await world.WithDbAsync(db => db.Notices.CountAsync(n => n.Kind == NoticeKind.OfferChanged, Ct)));
        Assert.Equal(1, await world.WithDbAsync(db => db.Notices.CountAsync(n => n.Kind == NoticeKind.OfferChangeAccepted
            && n.Recipient == Recipients.Establishment(world.Establishment1.Id), Ct)));
    }

    [Fact] // R-CHG-1, R-ACC-4
    public async Task Another_employer_another_offices_staff_and_a_jobseeker_are_refused_and_change_nothing()
    {
        var (world, applicationId, _) = await AppliedAsync();
        await using var _w = world;
        var changes = new OfferChangeService(world.Ops);
        var id = world.Offer1.Id;
        await Assert.ThrowsAsync<ScopeException>(() => changes.StartAsync(world.EmployerActor2, id, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => changes.StartAsync(world.JobseekerActor1, id, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => changes.StartAsync(world.StaffActor1, id, Ct));
        Assert.Equal(OfferChangeStatus.None, (await OfferAsync(world, id)).ChangeStatus);

        await changes.StartAsync(world.EmployerActor1, id, Ct);
        var sheet = Raised((await OfferAsync(world, id)).Sheet);
        Assert.DoesNotContain((await new JobOfferService(world.Ops).SaveScreenAsync(world.EmployerActor1, id, sheet, 4, Ct)).Findings, f => f.Level == FindingLevel.Error);
        await Assert.ThrowsAsync<ScopeException>(() => new JobOfferService(world.Ops).SaveScreenAsync(world.EmployerActor2, id, sheet with { }, 4, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => changes.SubmitAsync(world.EmployerActor2, id, Ct));
        await changes.SubmitAsync(world.EmployerActor1, id, Ct);
        await Assert.ThrowsAsync<ScopeException>(() => changes.AcceptAsync(world.StaffActor2, id, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => changes.ReturnAsync(world.StaffActor2, id, "他所の職員", Ct));
        await Assert.ThrowsAsync<ScopeException>(() => changes.AcceptAsync(world.EmployerActor1, id, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => changes.AcceptAsync(world.JobseekerActor1, id, Ct));
        var still = await OfferAsync(world, id);
        Assert.Equal((OfferChangeStatus.Submitted, 1), (still.ChangeStatus, still.Version));
        await Assert.ThrowsAsync<ScopeException>(() => new EmployerApplicants(world.Ops).DetailAsync(world.EmployerActor2, applicationId, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => new EmployerOffers(world.Ops).GetAsync(world.EmployerActor2, id, Ct));
    }

    [Fact] // R-CHG-1
    public void The_difference_is_written_by_the_one_sheet_view_and_names_the_terms_it_touches()
    {
        var sheet = Samples.Sheet();
        var moved = sheet with
        {
            Work = sheet.Work with { WorkplaceMunicipality = sheet.Work.WorkplaceMunicipality + "北", EmploymentType = sheet.Work.EmploymentType == EmploymentType.Regular ? EmploymentType.NonRegular : EmploymentType.Regular },
            Hours = sheet.Hours with { Start = sheet.Hours.Start!.Value.AddMinutes(-30) },
        };
        var rows = SheetChanges.Between(sheet, moved, Japanese);
        Assert.Contains(rows, r => r.Key == "Work.EmploymentType" && r.Old == JobSheetView.Of(sheet, Japanese).Row("Work.EmploymentType").Value);
        Assert.Contains(rows, r => r.Key == "Hours.Start" && r.New != r.Old);
        Assert.Equal([ChangedTerm.Hours, ChangedTerm.Place, ChangedTerm.EmploymentType], SheetChanges.TermsChanged(sheet, moved));
        Assert.Empty(SheetChanges.Between(sheet, sheet with { }, Japanese));
        Assert.Empty(SheetChanges.TermsChanged(sheet, sheet with { Company = sheet.Company with { PrText = "別のPR" } }));
    }
}

using HelloWork.Domain.Audit;
using HelloWork.Domain.Common;
using HelloWork.Domain.JobOffers;
using HelloWork.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Tests.Domain.Employers;

/// <summary>R-JOB-1, R-ACC-4, R-AUD-1, R-ERR-1 (issue 25): 「新しい求人を作成」 clicked again does not leave one empty draft per click, and a
/// draft never submitted can be deleted by its own establishment only; the deletion is audited, and a refusal changes nothing.</summary>
public sealed class DraftLifecycleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<int> DraftsAsync(DomainWorld world, Guid establishmentId) =>
        world.WithDbAsync(db => db.JobOffers.CountAsync(o => o.EstablishmentId == establishmentId && o.Status == OfferStatus.Draft, Ct));

    [Fact]
    public async Task Creating_again_reuses_the_untouched_draft_and_a_draft_with_anything_typed_is_kept_apart()
    {
        await using var world = await DomainWorld.CreateAsync();
        var offers = new JobOfferService(world.Ops);
        var before = await DraftsAsync(world, world.Establishment1.Id);

        var first = await offers.CreateDraftAsync(world.EmployerActor1, ct: Ct);
        world.Clock.Advance(TimeSpan.FromMinutes(5));
        var again = await offers.CreateDraftAsync(world.EmployerActor1, ct: Ct);

        Assert.Equal(first, again);
        Assert.Equal(before + 1, await DraftsAsync(world, world.Establishment1.Id));

        // A colleague of the same establishment gets a draft of their own: two recruiters never type into one draft.
        var colleague = world.EmployerActor1 with { UserId = Guid.NewGuid() };
        var theirsToo = await offers.CreateDraftAsync(colleague, ct: Ct);
        Assert.NotEqual(first, theirsToo);
        Assert.Equal(theirsToo, await offers.CreateDraftAsync(colleague, ct: Ct));
        before++;

        // Once something is typed and kept, the draft is the employer's work: the next click starts a new one.
        var typed = await world.WithDbAsync(db => db.JobOffers.AsNoTracking().FirstAsync(o => o.Id == first, Ct));
        var saved = await offers.SaveDraftAsync(world.EmployerActor1, first, typed.Sheet with { Work = typed.Sheet.Work with { JobTitle = "経理事務" } }, 3, Ct);
        Assert.True(saved.Saved);
        var fresh = await offers.CreateDraftAsync(world.EmployerActor1, ct: Ct);

        Assert.NotEqual(first, fresh);
        Assert.Equal(before + 2, await DraftsAsync(world, world.Establishment1.Id));

        // Another establishment's untouched draft is never handed out.
        var theirs = await offers.CreateDraftAsync(world.EmployerActor2, ct: Ct);
        Assert.NotEqual(fresh, theirs);
    }

    [Fact]
    public async Task The_owner_deletes_a_draft_and_the_deletion_is_audited()
    {
        await using var world = await DomainWorld.CreateAsync();
        var offers = new JobOfferService(world.Ops);
        var draft = await offers.CreateDraftAsync(world.EmployerActor1, ct: Ct);

        await offers.DeleteDraftAsync(world.EmployerActor1, draft, Ct);

        Assert.False(await world.WithDbAsync(db => db.JobOffers.AnyAsync(o => o.Id == draft, Ct)));
        Assert.True(await world.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.OfferDraftDeleted && a.SubjectId == draft, Ct)));
    }

    [Fact]
    public async Task Another_establishment_and_staff_are_refused_and_nothing_changes()
    {
        await using var world = await DomainWorld.CreateAsync();
        var offers = new JobOfferService(world.Ops);
        var draft = await offers.CreateDraftAsync(world.EmployerActor1, ct: Ct);

        await Assert.ThrowsAsync<ScopeException>(() => offers.DeleteDraftAsync(world.EmployerActor2, draft, Ct));
        // An online draft is the employer's own work; staff do not delete it (they may only for counter drafts they entered).
        await Assert.ThrowsAsync<ScopeException>(() => offers.DeleteDraftAsync(world.StaffActor1, draft, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => offers.DeleteDraftAsync(world.JobseekerActor1, draft, Ct));

        Assert.True(await world.WithDbAsync(db => db.JobOffers.AnyAsync(o => o.Id == draft, Ct)));
        Assert.False(await world.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.OfferDraftDeleted, Ct)));
    }

    [Fact]
    public async Task A_submitted_or_published_offer_is_not_a_draft_and_is_refused_with_a_reason()
    {
        await using var world = await DomainWorld.CreateAsync();
        var offers = new JobOfferService(world.Ops);

        var refused = await Assert.ThrowsAsync<DomainException>(() => offers.DeleteDraftAsync(world.EmployerActor1, world.Offer1.Id, Ct));

        Assert.Equal(ErrorCodes.OfferNotDraft, refused.Code);
        Assert.Equal(OfferStatus.Published, await world.WithDbAsync(db => db.JobOffers.Where(o => o.Id == world.Offer1.Id).Select(o => o.Status).SingleAsync(Ct)));
    }
}

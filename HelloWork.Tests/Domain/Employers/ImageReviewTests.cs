using HelloWork.Domain.Accounts;
using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using HelloWork.Domain.Documents;
using HelloWork.Domain.Notices;
using HelloWork.Tests.Support;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

using HelloWork.Tests.Browser;
using HelloWork.Tests.Host.Http;

namespace HelloWork.Tests.Domain.Employers;

/// <summary>The staff check of company images (REFERENCE.md: 画像 are "published after a staff check"): 確認待ち until a staff member of
/// the establishment's office decides, 公開 or 非公開 with a reason; nobody else sees or decides (R-ACC-4); decisions are audited
/// (R-AUD-1) and told to the establishment (R-NTC-1).</summary>
public sealed class ImageReviewTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<Guid> UploadAsync(DomainWorld world, string caption = "外観") =>
        await new EstablishmentProfileService(world.Ops).AddImageAsync(world.EmployerActor1,
            new UploadedFile("a.png", EstablishmentProfileTests.Png()), caption, Ct);

    /// <summary>Approves as a staff member of Office1 (Establishment1's office) would: from the queue, naming the version shown.</summary>
    internal static async Task ApproveAsync(DomainWorld world, Guid imageId)
    {
        var review = new ImageReviewService(world.Ops);
        var shown = (await review.PendingAsync(world.StaffActor1, Ct)).Single(p => p.ImageId == imageId);
        await review.ApproveAsync(world.StaffActor1, imageId, shown.SubmittedAt, Ct);
    }

    private static async Task<EstablishmentImageView> OwnViewAsync(DomainWorld world, Guid id) =>
        (await new EstablishmentProfileService(world.Ops).GetAsync(world.EmployerActor1, Ct)).Images.Single(i => i.Id == id);

    private static Task<List<string>> AuditActionsAsync(DomainWorld world, Guid id) =>
        world.WithDbAsync(db => db.AuditEntries.Where(a => a.SubjectId == id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct));

    /// <summary>The notice as its Japanese reader sees it (R-NTC-1: stored as data, rendered by the web).</summary>
    private static HelloWork.Web.Notices.RenderedNotice Japanese(Notice n) => new HelloWork.Web.Notices.NoticeRenderer()
        .Render(n.Kind, n.Recipient, n.SubjectId, NoticeArg.Read(n.Args), new System.Globalization.CultureInfo("ja-JP"));

    private static Task<List<Notice>> EstablishmentNoticesAsync(DomainWorld world) =>
        world.WithDbAsync(db => db.Notices.Where(n => n.Recipient == Recipients.Establishment(world.Establishment1.Id) && (n.Kind == NoticeKind.ImageReviewed || n.Kind == NoticeKind.ImageRefused))
            .ToListAsync(Ct));

    private static async Task<string> JobSheetTextAsync(DomainWorld world, Actor? viewer)
    {
        var file = await new DocumentService(world.Ops).JobSheetAsync(viewer, world.Offer1.JobNumber!, Ct);
        using var doc = PdfDocument.Open(file!.Content);
        return string.Concat(doc.GetPages().Select(p => p.Text));
    }

    [Fact]
    public async Task A_new_image_waits_for_the_check_and_only_the_establishment_and_its_office_see_it()
    {
        await using var world = await DomainWorld.CreateAsync();
        var profiles = new EstablishmentProfileService(world.Ops);
        var id = await UploadAsync(world, "研修の様子");

        Assert.Equal(ImageReview.Pending, (await OwnViewAsync(world, id)).Review);
        // Offer1 is open and shows the name: an approved image would be public here, a pending one is not (REFERENCE.md).
        foreach (var outsider in new Actor?[] { null, world.JobseekerActor1, world.EmployerActor2, world.StaffActor2 })
        {
            Assert.Null(await profiles.ImageAsync(outsider, id, Ct));
            Assert.Empty(await profiles.ForOfferAsync(outsider, world.Offer1.Id, Ct));
        }
        Assert.NotNull(await profiles.ImageAsync(world.EmployerActor1, id, Ct));
        Assert.NotNull(await profiles.ImageAsync(world.StaffActor1, id, Ct));
        // The job sheet is what the public sees, for its own employer too; the PDF's 画像 row has no caption yet.
        Assert.Empty(await profiles.ForOfferAsync(world.EmployerActor1, world.Offer1.Id, Ct));
        Assert.DoesNotContain("研修の様子", await JobSheetTextAsync(world, null), StringComparison.Ordinal);

        // The office's queue has it; another office's has not.
        var queued = Assert.Single(await new ImageReviewService(world.Ops).PendingAsync(world.StaffActor1, Ct));
        Assert.Equal((id, "研修の様子", world.Establishment1.Number), (queued.ImageId, queued.Caption, queued.EstablishmentNumber));
        Assert.Empty(await new ImageReviewService(world.Ops).PendingAsync(world.StaffActor2, Ct));
    }

    [Fact]
    public async Task Approval_by_the_office_publishes_the_image_audits_and_tells_the_establishment()
    {
        await using var world = await DomainWorld.CreateAsync();
        var profiles = new EstablishmentProfileService(world.Ops);
        var id = await UploadAsync(world, "研修の様子");
        await ApproveAsync(world, id);

        var view = await OwnViewAsync(world, id);
        Assert.Equal((ImageReview.Approved, null), (view.Review, view.RefusalReason));
        Assert.NotNull(await profiles.ImageAsync(null, id, Ct));
        Assert.Equal(id, Assert.Single(await profiles.ForOfferAsync(null, world.Offer1.Id, Ct)).Id);
        Assert.Contains("研修の様子", await JobSheetTextAsync(world, null), StringComparison.Ordinal);
        Assert.Empty(await new ImageReviewService(world.Ops).PendingAsync(world.StaffActor1, Ct));

        Assert.Equal(["EstablishmentImageAdded", "EstablishmentImageApproved"], await AuditActionsAsync(world, id));
        var notice = Assert.Single(await EstablishmentNoticesAsync(world));
        var text = Japanese(notice);
        Assert.Equal((NoticeKind.ImageReviewed, "画像を公開しました", id), (notice.Kind, text.Title, notice.SubjectId));
        Assert.Contains("研修の様子", text.Body, StringComparison.Ordinal);

        // Decided once: a second click (or a second officer) is told so and changes nothing.
        var again = await Assert.ThrowsAsync<DomainException>(() =>
            new ImageReviewService(world.Ops).RefuseAsync(world.StaffActor1, id, view.UploadedAt, "重複", Ct));
        Assert.Equal("ImageAlreadyReviewed", again.Code);
        Assert.Equal(ImageReview.Approved, (await OwnViewAsync(world, id)).Review);
    }

    [Fact]
    public async Task Refusal_needs_a_reason_bad_input_changes_nothing_and_the_employer_reads_the_reason()
    {
        await using var world = await DomainWorld.CreateAsync();
        var review = new ImageReviewService(world.Ops);
        var id = await UploadAsync(world);
        var shown = Assert.Single(await review.PendingAsync(world.StaffActor1, Ct)).SubmittedAt;

        foreach (var (reason, code) in new[] { ((string?)null, "Required"), ("　 ", "Required"), (new string('あ', EstablishmentImage.MaxRefusalReason + 1), "TooLong"),
                     ("理由\u0000", "InvalidCharacters") })
        {
            var e = await Assert.ThrowsAsync<DomainException>(() => review.RefuseAsync(world.StaffActor1, id, shown, reason, Ct));
            Assert.Equal((code, "RefusalReason"), (e.Code, e.Field));
        }
        Assert.Equal(ImageReview.Pending, (await OwnViewAsync(world, id)).Review);
        Assert.Equal(["EstablishmentImageAdded"], await AuditActionsAsync(world, id));
        Assert.Empty(await EstablishmentNoticesAsync(world));

        await review.RefuseAsync(world.StaffActor1, id, shown, "従業員の顔がはっきり写っています。本人の同意を確認できる画像に差し替えてください。", Ct);
        var view = await OwnViewAsync(world, id);
        Assert.Equal(ImageReview.Refused, view.Review);
        Assert.StartsWith("従業員の顔", view.RefusalReason, StringComparison.Ordinal);
        Assert.Null(await new EstablishmentProfileService(world.Ops).ImageAsync(null, id, Ct));
        Assert.NotNull(await new EstablishmentProfileService(world.Ops).ImageAsync(world.EmployerActor1, id, Ct));
        Assert.Empty(await review.PendingAsync(world.StaffActor1, Ct));
        Assert.Equal(["EstablishmentImageAdded", "EstablishmentImageRefused"], await AuditActionsAsync(world, id));
        var notice = Assert.Single(await EstablishmentNoticesAsync(world));
        var text = Japanese(notice);
        Assert.Equal((NoticeKind.ImageRefused, "画像を公開しませんでした"), (notice.Kind, text.Title));
        Assert.Contains("従業員の顔", text.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_of_another_office_employers_and_jobseekers_cannot_decide()
    {
        await using var world = await DomainWorld.CreateAsync();
        var review = new ImageReviewService(world.Ops);
        var id = await UploadAsync(world);
        var shown = Assert.Single(await review.PendingAsync(world.StaffActor1, Ct)).SubmittedAt;

        foreach (var stranger in new[] { world.StaffActor2, world.EmployerActor1, world.EmployerActor2, world.JobseekerActor1 })
        {
            await Assert.ThrowsAsync<ScopeException>(() => review.ApproveAsync(stranger, id, shown, Ct));
            await Assert.ThrowsAsync<ScopeException>(() => review.RefuseAsync(stranger, id, shown, "理由", Ct));
        }
        await Assert.ThrowsAsync<ScopeException>(() => review.PendingAsync(world.EmployerActor1, Ct));
        // The other establishment's employer can neither see nor change the pending image.
        var profiles = new EstablishmentProfileService(world.Ops);
        Assert.Null(await profiles.ImageAsync(world.EmployerActor2, id, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => profiles.ReplaceImageAsync(world.EmployerActor2, id,
            new UploadedFile("b.png", EstablishmentProfileTests.Png(50, 50)), Ct));
        await Assert.ThrowsAsync<ScopeException>(() => profiles.UpdateCaptionAsync(world.EmployerActor2, id, "乗っ取り", Ct));

        Assert.Equal(ImageReview.Pending, (await OwnViewAsync(world, id)).Review);
        Assert.Equal(["EstablishmentImageAdded"], await AuditActionsAsync(world, id));
        Assert.Empty(await EstablishmentNoticesAsync(world));
        var unknown = await Assert.ThrowsAsync<DomainException>(() => review.ApproveAsync(world.StaffActor1, Guid.NewGuid(), shown, Ct));
        Assert.Equal("ImageNotFound", unknown.Code);
    }

    [Fact]
    public async Task Replacing_or_recaptioning_an_approved_image_starts_a_new_check_and_a_stale_decision_is_refused()
    {
        await using var world = await DomainWorld.CreateAsync();
        var profiles = new EstablishmentProfileService(world.Ops);
        var review = new ImageReviewService(world.Ops);
        var id = await UploadAsync(world, "外観");
        var firstShown = Assert.Single(await review.PendingAsync(world.StaffActor1, Ct)).SubmittedAt;
        await ApproveAsync(world, id);

        // The same caption again is no change.
        await profiles.UpdateCaptionAsync(world.EmployerActor1, id, " 外観 ", Ct);
        Assert.Equal(ImageReview.Approved, (await OwnViewAsync(world, id)).Review);

        world.Clock.Advance(TimeSpan.FromMinutes(5));
        await profiles.ReplaceImageAsync(world.EmployerActor1, id, new UploadedFile("new.png", EstablishmentProfileTests.Png(60, 40)), Ct);
        var replaced = await OwnViewAsync(world, id);
        Assert.Equal((ImageReview.Pending, 60, "外観", 1), (replaced.Review, replaced.Width, replaced.Caption, replaced.SortOrder));
        Assert.Null(await profiles.ImageAsync(null, id, Ct));
        Assert.Empty(await profiles.ForOfferAsync(null, world.Offer1.Id, Ct));

        // An officer who looked at the old picture cannot approve the new one unseen.
        var stale = await Assert.ThrowsAsync<DomainException>(() => review.ApproveAsync(world.StaffActor1, id, firstShown, Ct));
        Assert.Equal("ImageChangedSinceShown", stale.Code);
        Assert.Equal(ImageReview.Pending, (await OwnViewAsync(world, id)).Review);
        await ApproveAsync(world, id);

        // A refused image gets a new chance with a new caption; the old reason is gone.
        world.Clock.Advance(TimeSpan.FromMinutes(5));
        await profiles.UpdateCaptionAsync(world.EmployerActor1, id, "本社外観（山田太郎社長）", Ct);
        var shown = Assert.Single(await review.PendingAsync(world.StaffActor1, Ct)).SubmittedAt;
        await review.RefuseAsync(world.StaffActor1, id, shown, "説明文に個人名があります。", Ct);
        world.Clock.Advance(TimeSpan.FromMinutes(5));
        await profiles.UpdateCaptionAsync(world.EmployerActor1, id, "本社外観", Ct);
        var again = await OwnViewAsync(world, id);
        Assert.Equal((ImageReview.Pending, null), (again.Review, again.RefusalReason));
        Assert.Null(await profiles.ImageAsync(null, id, Ct));
    }

    [Fact]
    public async Task Deleting_a_pending_image_takes_it_out_of_the_queue()
    {
        await using var world = await DomainWorld.CreateAsync();
        var id = await UploadAsync(world);
        await new EstablishmentProfileService(world.Ops).DeleteImageAsync(world.EmployerActor1, id, Ct);
        Assert.Empty(await new ImageReviewService(world.Ops).PendingAsync(world.StaffActor1, Ct));
    }
}

using HelloWork.Domain.Applications;
using HelloWork.Domain.Audit;
using HelloWork.Domain.Common;
using HelloWork.Domain.Data;
using HelloWork.Domain.JobOffers;
using HelloWork.Domain.Search;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Accounts;

public sealed record EstablishmentPrInput(string? BusinessDescription, string? Features, string? PrText, string? Website);

public sealed record EstablishmentImageView(Guid Id, string Caption, int SortOrder, string ContentType, int Size, int Width, int Height,
    DateTimeOffset UploadedAt, ImageReview Review, string? RefusalReason, DateTimeOffset? ReviewedAt);

public sealed record EstablishmentProfileView(string Name, string Number, string? BusinessDescription, string? Features, string? PrText,
    string? Website, DateTimeOffset? UpdatedAt, IReadOnlyList<EstablishmentImageView> Images, int OpenOffers);

public sealed record ImageFile(string ContentType, byte[] Content);

/// <summary>
/// 事業所情報 / 事業所PR in the employer mypage: the PR texts and up to 10 company images (REFERENCE.md, R-JOB-8). Only the
/// establishment's own users change them (R-ACC-4). Images are public only where the establishment's name is: on an open offer
/// whose publication scope shows the name to the viewer (公開範囲; an image can show the name as well as the name does);
/// otherwise only the establishment's users and the staff of its office see them. Before any of that, an image must have passed the
/// office's check (<see cref="ImageReview"/>, <see cref="ImageReviewService"/>): until then only the establishment's users and its
/// office's staff see it.
/// </summary>
public sealed class EstablishmentProfileService(Operations ops)
{
    public Task<EstablishmentProfileView> GetAsync(Actor actor, CancellationToken ct = default) => ops.ReadAsync(async db =>
    {
        var id = actor.RequireEstablishment();
        var est = await db.Establishments.FirstAsync(e => e.Id == id, ct);
        var today = JapanTime.Today(ops.Clock);
        var open = await db.JobOffers.CountAsync(o => o.EstablishmentId == id && o.Status == OfferStatus.Published && o.ValidUntil >= today, ct);
        return new EstablishmentProfileView(est.Name, est.Number, est.BusinessDescription, est.Features, est.PrText, est.Website, est.ProfileUpdatedAt,
            await ImagesOf(db, id, approvedOnly: false).ToListAsync(ct), open);
    }, ct);

    public Task UpdatePrAsync(Actor actor, EstablishmentPrInput input, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var id = actor.RequireEstablishment();
        var est = await w.Db.Establishments.FirstAsync(e => e.Id == id, ct);
        est.UpdatePr(input.BusinessDescription, input.Features, input.PrText, input.Website, w.Now);
        w.Audit(AuditActions.EstablishmentPrUpdated, nameof(Establishment), id);
    }, ct);

    /// <summary>Adds an image at the end; the 11th is refused (REFERENCE.md: up to 10).</summary>
    public Task<Guid> AddImageAsync(Actor actor, UploadedFile file, string? caption, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var id = actor.RequireEstablishment();
        var orders = await w.Db.EstablishmentImages.Where(i => i.EstablishmentId == id).Select(i => i.SortOrder).ToListAsync(ct);
        if (orders.Count >= EstablishmentImage.MaxPerEstablishment)
        {
            throw new DomainException(ErrorCodes.TooManyImages, "Image", EstablishmentImage.MaxPerEstablishment);
        }
        var image = EstablishmentImage.Create(id, file.FileName, file.Content, caption, orders.Count == 0 ? 1 : orders.Max() + 1, w.Now);
        w.Db.EstablishmentImages.Add(image);
        w.Audit(AuditActions.EstablishmentImageAdded, nameof(EstablishmentImage), image.Id, detail: $"{image.ContentType} {image.Size}");
        return image.Id;
    }, ct);

    /// <summary>差し替え: a new picture in the same place with the same caption; it waits for the office's check again.</summary>
    public Task ReplaceImageAsync(Actor actor, Guid imageId, UploadedFile file, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var image = await OwnImageAsync(w, imageId, ct);
        var replacement = EstablishmentImage.Create(image.EstablishmentId, file.FileName, file.Content, image.Caption, image.SortOrder, w.Now);
        image.Replace(replacement, w.Now);
        w.Audit(AuditActions.EstablishmentImageReplaced, nameof(EstablishmentImage), image.Id, detail: $"{image.ContentType} {image.Size}");
    }, ct);

    /// <summary>A changed caption is new public text, so the image waits for the check again (the same caption changes nothing).</summary>
    public Task UpdateCaptionAsync(Actor actor, Guid imageId, string? caption, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var image = await OwnImageAsync(w, imageId, ct);
        if (image.SetCaption(caption, w.Now))
        {
            w.Audit(AuditActions.EstablishmentImageCaptioned, nameof(EstablishmentImage), image.Id);
        }
    }, ct);

    /// <summary>Moves an image one place earlier (<paramref name="delta"/> -1) or later (+1); at either end nothing changes.</summary>
    public Task MoveImageAsync(Actor actor, Guid imageId, int delta, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var image = await OwnImageAsync(w, imageId, ct);
        var all = await w.Db.EstablishmentImages.Where(i => i.EstablishmentId == image.EstablishmentId).OrderBy(i => i.SortOrder).ThenBy(i => i.UploadedAt)
            .ToListAsync(ct);
        var index = all.FindIndex(i => i.Id == imageId);
        var target = index + Math.Sign(delta);
        if (target < 0 || target >= all.Count)
        {
            return;
        }
        (all[index], all[target]) = (all[target], all[index]);
        for (var i = 0; i < all.Count; i++)
        {
            all[i].MoveTo(i + 1);
        }
        w.Audit(AuditActions.EstablishmentImageMoved, nameof(EstablishmentImage), image.Id, detail: (target + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }, ct);

    /// <summary>Deletes the image and its content (the row holds the bytes: nothing stays behind).</summary>
    public Task DeleteImageAsync(Actor actor, Guid imageId, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var image = await OwnImageAsync(w, imageId, ct);
        w.Db.EstablishmentImages.Remove(image);
        w.Audit(AuditActions.EstablishmentImageDeleted, nameof(EstablishmentImage), image.Id);
    }, ct);

    /// <summary>The approved images a viewer sees on an offer's job sheet: only while the offer is open and its publication scope shows
    /// the establishment's name to this viewer (anonymous included); the establishment itself and staff see them on their own offers.
    /// The job sheet shows what the public sees: an image waiting for the check, or refused, is never on it.</summary>
    public Task<List<EstablishmentImageView>> ForOfferAsync(Actor? actor, Guid offerId, CancellationToken ct = default) => ops.ReadAsync(async db =>
    {
        var offer = await db.JobOffers.Where(o => o.Id == offerId)
            .Select(o => new { o.EstablishmentId, o.Scope, o.Status, o.ValidUntil, o.AcceptingOfficeId }).FirstOrDefaultAsync(ct);
        if (offer is null)
        {
            return [];
        }
        var viewer = await SearchViewer.OfAsync(db, actor, ct);
        var open = offer.Status == OfferStatus.Published && offer.ValidUntil >= JapanTime.Today(ops.Clock);
        var visible = viewer.EstablishmentId == offer.EstablishmentId
            || (actor is { IsStaff: true } && await IsStaffOfAsync(db, actor, offer.EstablishmentId, ct))
            || (open && viewer.ShowsName(offer.Scope, offer.EstablishmentId));
        return visible ? await ImagesOf(db, offer.EstablishmentId, approvedOnly: true).ToListAsync(ct) : [];
    }, ct);

    /// <summary>One image's content for the image endpoint, or null when it does not exist or the caller may not see it (both look the
    /// same from outside, R-ACC-4). An image not approved (確認待ち, 非公開) is seen only by the establishment's users, to manage it, and
    /// the staff of its office, to check it.</summary>
    public Task<ImageFile?> ImageAsync(Actor? actor, Guid imageId, CancellationToken ct = default) => ops.ReadAsync(async db =>
    {
        var image = await db.EstablishmentImages.Where(i => i.Id == imageId).Select(i => new { i.EstablishmentId, i.ContentType, i.Review })
            .FirstOrDefaultAsync(ct);
        if (image is null)
        {
            return null;
        }
        var allowed = image.Review == ImageReview.Approved
            ? await MaySeeAsync(db, actor, image.EstablishmentId, ct)
            : (actor is { IsEmployer: true } && actor.EstablishmentId == image.EstablishmentId)
                || (actor is { IsStaff: true } && await IsOwnOfficeAsync(db, actor, image.EstablishmentId, ct));
        if (!allowed)
        {
            return null;
        }
        var content = await db.EstablishmentImages.Where(i => i.Id == imageId).Select(i => i.Content).FirstAsync(ct);
        return new ImageFile(image.ContentType, content);
    }, ct);

    private async Task<bool> MaySeeAsync(HelloWorkDb db, Actor? actor, Guid establishmentId, CancellationToken ct)
    {
        if (actor is { IsEmployer: true } && actor.EstablishmentId == establishmentId)
        {
            return true;
        }
        if (actor is { IsStaff: true } && await IsStaffOfAsync(db, actor, establishmentId, ct))
        {
            return true;
        }
        var today = JapanTime.Today(ops.Clock);
        var scopes = await db.JobOffers.Where(o => o.EstablishmentId == establishmentId && o.Status == OfferStatus.Published && o.ValidUntil >= today)
            .Select(o => o.Scope).Distinct().ToListAsync(ct);
        if (scopes.Count == 0)
        {
            return false;
        }
        var viewer = await SearchViewer.OfAsync(db, actor, ct);
        return scopes.Any(s => viewer.ShowsName(s, establishmentId));
    }

    /// <summary>Staff of the establishment's office, or of an office that accepted one of its offers (R-ACC-4).</summary>
    private static async Task<bool> IsStaffOfAsync(HelloWorkDb db, Actor actor, Guid establishmentId, CancellationToken ct) =>
        await IsOwnOfficeAsync(db, actor, establishmentId, ct)
        || await db.JobOffers.AnyAsync(o => o.EstablishmentId == establishmentId && o.AcceptingOfficeId == actor.OfficeId, ct);

    /// <summary>Staff of the establishment's own office: the only staff who see and check its images before approval.</summary>
    private static Task<bool> IsOwnOfficeAsync(HelloWorkDb db, Actor actor, Guid establishmentId, CancellationToken ct) =>
        db.Establishments.AnyAsync(e => e.Id == establishmentId && e.OfficeId == actor.OfficeId, ct);

    private static IQueryable<EstablishmentImageView> ImagesOf(HelloWorkDb db, Guid establishmentId, bool approvedOnly) =>
        Images(db, establishmentId, approvedOnly).Select(i => new EstablishmentImageView(i.Id, i.Caption, i.SortOrder, i.ContentType, i.Size,
            i.Width, i.Height, i.UploadedAt, i.Review, i.RefusalReason, i.ReviewedAt));

    /// <summary>The establishment's images in their order (all, or only the approved ones the public may see).</summary>
    private static IQueryable<EstablishmentImage> Images(HelloWorkDb db, Guid establishmentId, bool approvedOnly) =>
        db.EstablishmentImages.Where(i => i.EstablishmentId == establishmentId && (!approvedOnly || i.Review == ImageReview.Approved))
            .OrderBy(i => i.SortOrder).ThenBy(i => i.UploadedAt);

    /// <summary>Captions of the approved images, in order, for the job sheet PDF's 画像 row.</summary>
    internal static Task<List<string>> PublicCaptionsAsync(HelloWorkDb db, Guid establishmentId, CancellationToken ct) =>
        Images(db, establishmentId, approvedOnly: true).Select(i => i.Caption).Take(EstablishmentImage.MaxPerEstablishment).ToListAsync(ct);

    private static async Task<EstablishmentImage> OwnImageAsync(Work w, Guid imageId, CancellationToken ct)
    {
        var id = w.Actor.RequireEstablishment();
        return await w.Db.EstablishmentImages.FirstOrDefaultAsync(i => i.Id == imageId && i.EstablishmentId == id, ct)
            ?? throw new ScopeException("establishment image");
    }
}

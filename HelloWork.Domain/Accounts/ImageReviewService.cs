using HelloWork.Domain.Audit;
using HelloWork.Domain.Common;
using HelloWork.Domain.Data;
using HelloWork.Domain.Notices;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Accounts;

/// <summary>An image waiting for the office's check, with what the officer needs to decide: the picture (by id), its caption, whose it is.
/// <see cref="SubmittedAt"/> goes back with the decision, so a picture replaced meanwhile is not decided unseen.</summary>
public sealed record PendingImage(Guid ImageId, Guid EstablishmentId, string EstablishmentName, string EstablishmentNumber, string Caption,
    string ContentType, int Size, int Width, int Height, DateTimeOffset SubmittedAt);

/// <summary>
/// The staff check of company images (REFERENCE.md: 画像 are "published after a staff check"). The office of the establishment sees
/// its establishments' images waiting (確認待ち), oldest first, and approves (公開) or refuses them with a reason the employer reads
/// (非公開). Staff of another office neither see nor decide them (R-ACC-4). Each decision is audited (R-AUD-1) and told to the
/// establishment (R-NTC-1), as the offer review does.
/// </summary>
public sealed class ImageReviewService(Operations ops)
{
    public Task<IReadOnlyList<PendingImage>> PendingAsync(Actor actor, CancellationToken ct = default) => ops.ReadAsync(async db =>
    {
        var officeId = actor.RequireOffice();
        var rows = await (from i in PendingOf(db, officeId)
                          join e in db.Establishments on i.EstablishmentId equals e.Id
                          orderby i.SubmittedAt, e.Number, i.SortOrder
                          select new PendingImage(i.Id, e.Id, e.Name, e.Number, i.Caption, i.ContentType, i.Size, i.Width, i.Height, i.SubmittedAt))
            .Take(200).ToListAsync(ct);
        return (IReadOnlyList<PendingImage>)rows;
    }, ct);

    /// <summary>The images of the office's establishments that wait for the check: the queue here, the count on the staff home.</summary>
    internal static IQueryable<EstablishmentImage> PendingOf(HelloWorkDb db, Guid officeId) =>
        db.EstablishmentImages.Where(i => i.Review == ImageReview.Pending
            && db.Establishments.Any(e => e.Id == i.EstablishmentId && e.OfficeId == officeId));

    /// <summary>公開する: the image appears wherever the establishment's images are public.</summary>
    public Task ApproveAsync(Actor actor, Guid imageId, DateTimeOffset shownSubmittedAt, CancellationToken ct = default) => ops.RunAsync(actor, async w =>
    {
        var (image, est) = await OfficeImageAsync(w, imageId, ct);
        image.Approve(actor.UserId, shownSubmittedAt, w.Now);
        await w.Notices.AddAsync(Recipients.Establishment(est.Id), NoticeKind.ImageReviewed, image.Id,
            new Dictionary<string, string> { [NoticeArg.Caption] = image.Caption }, ct);
        w.Audit(AuditActions.EstablishmentImageApproved, nameof(EstablishmentImage), image.Id, detail: est.Number);
    }, ct);

    /// <summary>公開しない, with the reason (required; shown to the employer). Bad input changes nothing (R-ERR-1).</summary>
    public Task RefuseAsync(Actor actor, Guid imageId, DateTimeOffset shownSubmittedAt, string? reason, CancellationToken ct = default) =>
        ops.RunAsync(actor, async w =>
        {
            var (image, est) = await OfficeImageAsync(w, imageId, ct);
            image.Refuse(actor.UserId, shownSubmittedAt, reason, w.Now);
            await w.Notices.AddAsync(Recipients.Establishment(est.Id), NoticeKind.ImageRefused, image.Id,
                new Dictionary<string, string> { [NoticeArg.Caption] = image.Caption, [NoticeArg.Reason] = image.RefusalReason ?? "" }, ct);
            w.Audit(AuditActions.EstablishmentImageRefused, nameof(EstablishmentImage), image.Id, detail: image.RefusalReason);
        }, ct);

    /// <summary>The image, if it belongs to an establishment of the caller's office; another office's image is out of scope (R-ACC-4).</summary>
    private static async Task<(EstablishmentImage Image, Establishment Establishment)> OfficeImageAsync(Work w, Guid imageId, CancellationToken ct)
    {
        var officeId = w.Actor.RequireOffice();
        var image = await w.Db.EstablishmentImages.FirstOrDefaultAsync(i => i.Id == imageId, ct) ?? throw new DomainException(ErrorCodes.ImageNotFound);
        var est = await w.Db.Establishments.FirstAsync(e => e.Id == image.EstablishmentId, ct);
        if (est.OfficeId != officeId)
        {
            throw new ScopeException("image of another office's establishment");
        }
        return (image, est);
    }
}

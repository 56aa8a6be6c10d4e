using HelloWork.Domain.Common;
using SkiaSharp;

namespace HelloWork.Domain.Accounts;

/// <summary>Where a company image stands in the office's check (REFERENCE.md: 画像 are published after a staff check).</summary>
public enum ImageReview
{
    /// <summary>確認待ち: uploaded, replaced or re-captioned, not checked yet. Seen only by the establishment and its office.</summary>
    Pending = 0,

    /// <summary>公開: a staff member of the establishment's office approved it.</summary>
    Approved = 1,

    /// <summary>非公開: refused, with the reason shown to the employer.</summary>
    Refused = 2,
}

/// <summary>
/// A company image (画像) of the establishment, shown in section 9 of the job sheet (REFERENCE.md: up to 10, each at most 2 MB,
/// JPEG/GIF/PNG). The content lives in the database like application documents: no file on disk, deleted with the row.
/// It is public only after a staff member of the establishment's office approved it (REFERENCE.md "published after a staff check");
/// anything that changes what the public would see — a new picture, a new caption — starts a new check.
/// </summary>
public sealed class EstablishmentImage
{
    public const int MaxPerEstablishment = 10;
    public const int MaxBytes = 2 * 1024 * 1024;
    public const int MaxCaption = 100;
    public const int MaxRefusalReason = 500;

    /// <summary>What an image may be, decided by its content (<see cref="FileSniffer"/>), never by its name or declared type.</summary>
    public static readonly string[] AcceptedTypes = [FileSniffer.Jpeg, FileSniffer.Png, FileSniffer.Gif];

    private EstablishmentImage() { }

    private EstablishmentImage(Guid establishmentId, string contentType, byte[] content, int width, int height, string caption, int sortOrder,
        DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        EstablishmentId = establishmentId;
        ContentType = contentType;
        Content = content;
        Size = content.Length;
        Width = width;
        Height = height;
        Caption = caption;
        SortOrder = sortOrder;
        UploadedAt = now;
        SubmittedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid EstablishmentId { get; private set; }
    public string ContentType { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
    public int Size { get; private set; }
    public int Width { get; private set; }
    public int Height { get; private set; }

    /// <summary>The caption, also the image's alternative text (R-UI-1).</summary>
    public string Caption { get; private set; } = "";

    public int SortOrder { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }

    public ImageReview Review { get; private set; }

    /// <summary>When the image last entered the check (upload, replacement, new caption). A decision names the time it was shown
    /// for, so a picture changed after the officer looked at it is never approved unseen.</summary>
    public DateTimeOffset SubmittedAt { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    /// <summary>The staff user who decided (the audit log has the same).</summary>
    public Guid? ReviewedBy { get; private set; }

    /// <summary>Why it is not published (非公開の理由), shown to the employer.</summary>
    public string? RefusalReason { get; private set; }

    /// <summary>Checks an upload whole (size, type by content, decodable picture, caption) before anything is stored (R-ERR-1).</summary>
    public static EstablishmentImage Create(Guid establishmentId, string fileName, byte[] content, string? caption, int sortOrder, DateTimeOffset now)
    {
        const string field = "Image";
        if (content.Length == 0)
        {
            throw new DomainException(ErrorCodes.FileEmpty, field, fileName);
        }
        if (content.Length > MaxBytes)
        {
            throw new DomainException(ErrorCodes.ImageTooLarge, field, fileName);
        }
        var type = FileSniffer.Detect(content);
        if (type is null || !AcceptedTypes.Contains(type))
        {
            throw new DomainException(ErrorCodes.ImageTypeNotAccepted, field, fileName);
        }
        // The first bytes say "image"; the picture must also decode, so a file that only starts like one is refused.
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0)
        {
            throw new DomainException(ErrorCodes.ImageTypeNotAccepted, field, fileName);
        }
        var text = Text.Require(caption, nameof(Caption), MaxCaption);
        return new EstablishmentImage(establishmentId, type, content, codec.Info.Width, codec.Info.Height, text, sortOrder, now);
    }

    /// <summary>A new caption is new public text: unless it is the same, the image goes back to 確認待ち. True when it changed.</summary>
    public bool SetCaption(string? caption, DateTimeOffset now)
    {
        var text = Text.Require(caption, nameof(Caption), MaxCaption);
        if (text == Caption)
        {
            return false;
        }
        Caption = text;
        Resubmit(now);
        return true;
    }

    /// <summary>差し替え: the picture of <paramref name="replacement"/> (already checked whole by <see cref="Create"/>) takes this one's
    /// place, keeping caption and position, and starts a new check.</summary>
    public void Replace(EstablishmentImage replacement, DateTimeOffset now)
    {
        ContentType = replacement.ContentType;
        Content = replacement.Content;
        Size = replacement.Size;
        Width = replacement.Width;
        Height = replacement.Height;
        UploadedAt = now;
        Resubmit(now);
    }

    public void MoveTo(int sortOrder) => SortOrder = sortOrder;

    /// <summary>公開する. Only an image waiting for the check, and only the version the officer saw (<paramref name="shownSubmittedAt"/>).</summary>
    public void Approve(Guid staffUserId, DateTimeOffset shownSubmittedAt, DateTimeOffset now)
    {
        RequirePendingAsShown(shownSubmittedAt);
        Review = ImageReview.Approved;
        RefusalReason = null;
        ReviewedAt = now;
        ReviewedBy = staffUserId;
    }

    /// <summary>公開しない, with the reason the employer reads (required).</summary>
    public void Refuse(Guid staffUserId, DateTimeOffset shownSubmittedAt, string? reason, DateTimeOffset now)
    {
        var text = Text.Require(reason, nameof(RefusalReason), MaxRefusalReason);
        RequirePendingAsShown(shownSubmittedAt);
        Review = ImageReview.Refused;
        RefusalReason = text;
        ReviewedAt = now;
        ReviewedBy = staffUserId;
    }

    private void RequirePendingAsShown(DateTimeOffset shownSubmittedAt)
    {
        if (Review != ImageReview.Pending)
        {
            throw new DomainException(ErrorCodes.ImageAlreadyReviewed);
        }
        if (SubmittedAt != shownSubmittedAt)
        {
            throw new DomainException(ErrorCodes.ImageChangedSinceShown);
        }
    }

    private void Resubmit(DateTimeOffset now)
    {
        Review = ImageReview.Pending;
        SubmittedAt = now;
        RefusalReason = null;
        ReviewedAt = null;
        ReviewedBy = null;
    }
}

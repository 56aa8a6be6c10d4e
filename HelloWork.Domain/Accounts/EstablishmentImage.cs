using HelloWork.Domain.Common;
using SkiaSharp;

namespace HelloWork.Domain.Accounts;

/// <summary>
/// A company image (画像) of the establishment, shown in section 9 of the job sheet (REFERENCE.md: up to 10, each at most 2 MB,
/// JPEG/GIF/PNG). The content lives in the database like application documents: no file on disk, deleted with the row.
/// </summary>
public sealed class EstablishmentImage
{
    public const int MaxPerEstablishment = 10;
    public const int MaxBytes = 2 * 1024 * 1024;
    public const int MaxCaption = 100;

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

    /// <summary>Checks an upload whole (size, type by content, decodable picture, caption) before anything is stored (R-ERR-1).</summary>
    public static EstablishmentImage Create(Guid establishmentId, string fileName, byte[] content, string? caption, int sortOrder, DateTimeOffset now)
    {
        const string field = "Image";
        if (content.Length == 0)
        {
            throw new DomainException("FileEmpty", field, fileName);
        }
        if (content.Length > MaxBytes)
        {
            throw new DomainException("ImageTooLarge", field, fileName);
        }
        var type = FileSniffer.Detect(content);
        if (type is null || !AcceptedTypes.Contains(type))
        {
            throw new DomainException("ImageTypeNotAccepted", field, fileName);
        }
        // The first bytes say "image"; the picture must also decode, so a file that only starts like one is refused.
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0)
        {
            throw new DomainException("ImageTypeNotAccepted", field, fileName);
        }
        var text = Text.Require(caption, nameof(Caption), MaxCaption);
        return new EstablishmentImage(establishmentId, type, content, codec.Info.Width, codec.Info.Height, text, sortOrder, now);
    }

    public void SetCaption(string? caption) => Caption = Text.Require(caption, nameof(Caption), MaxCaption);

    public void MoveTo(int sortOrder) => SortOrder = sortOrder;
}

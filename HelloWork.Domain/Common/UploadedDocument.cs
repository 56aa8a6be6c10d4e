namespace HelloWork.Domain.Common;

/// <summary>
/// A file a person uploaded, kept in its row (the content goes with the row: deleting the row deletes the file, R-DOC-1): an applicant's
/// 応募書類 (<see cref="Applications.ApplicationDocument"/>) or an agency's application document (<see cref="Agencies.AgencyDocument"/>).
/// Its type was told from its content (<see cref="FileSniffer"/>) before it was stored. Each kind maps to its own table.
/// </summary>
public abstract class UploadedDocument
{
    protected UploadedDocument() { }

    protected UploadedDocument(string fileName, string contentType, byte[] content, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        FileName = Text.Require(fileName, nameof(FileName), 200);
        ContentType = contentType;
        Content = content;
        Size = content.Length;
        UploadedAt = now;
    }

    public Guid Id { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public int Size { get; private set; }
    public byte[] Content { get; private set; } = [];
    public DateTimeOffset UploadedAt { get; private set; }
}

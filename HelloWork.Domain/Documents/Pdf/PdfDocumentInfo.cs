namespace HelloWork.Domain.Documents.Pdf;

/// <summary>The PDF's document information. The creation time is passed in so rendering stays deterministic.</summary>
public sealed record PdfDocumentInfo(string Title, string Author, string Creator, DateTimeOffset CreatedAt)
{
    public string? Subject { get; init; }

    public string? Keywords { get; init; }
}

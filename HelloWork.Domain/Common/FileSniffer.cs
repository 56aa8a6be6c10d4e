using System.Text;

namespace HelloWork.Domain.Common;

/// <summary>Tells a file's type from its content, never from its name (uploads: R-ERR-1).</summary>
public static class FileSniffer
{
    public const string Pdf = "application/pdf";
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Gif = "image/gif";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Doc = "application/msword";

    public static string? Detect(ReadOnlySpan<byte> c)
    {
        if (c.StartsWith("%PDF-"u8)) return Pdf;
        if (c.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })) return Jpeg;
        if (c.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return Png;
        if (c.StartsWith("GIF87a"u8) || c.StartsWith("GIF89a"u8)) return Gif;
        if (c.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 })) return Doc;
        if (c.StartsWith("PK\u0003\u0004"u8) && c.Length < 64 * 1024 * 1024 && ContainsAscii(c, "word/")) return Docx;
        return null;
    }

    private static bool ContainsAscii(ReadOnlySpan<byte> haystack, string needle) => haystack.IndexOf(Encoding.ASCII.GetBytes(needle)) >= 0;
}

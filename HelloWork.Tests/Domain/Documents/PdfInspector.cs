using System.Text.RegularExpressions;
using UglyToad.PdfPig;

namespace HelloWork.Tests.Domain.Documents;

/// <summary>Reads a rendered PDF back the way a person's viewer would: text per page, fonts, metadata.</summary>
internal sealed partial class PdfInspector : IDisposable
{
    private readonly PdfDocument _document;

    public PdfInspector(byte[] pdf)
    {
        Bytes = pdf;
        _document = PdfDocument.Open(pdf);
        Pages = _document.GetPages().Select(p => p.Text).ToList();
    }

    public byte[] Bytes { get; }

    public IReadOnlyList<string> Pages { get; }

    /// <summary>All pages' text, without the spaces and line breaks extraction may insert.</summary>
    public string Text => string.Concat(Pages.Select(Squeeze));

    public PdfDocument Document => _document;

    public IReadOnlyList<string> FontNames =>
        [.. _document.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName ?? "").Distinct()];

    public static string Squeeze(string text) => Whitespace().Replace(text, "");

    public void AssertContains(string expected)
    {
        var squeezed = Squeeze(expected);
        Assert.True(Text.Contains(squeezed, StringComparison.Ordinal), $"PDF text lacks «{expected}». Text was:\n{Text}");
    }

    public void Dispose() => _document.Dispose();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

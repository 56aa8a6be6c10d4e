using SkiaSharp;

namespace HelloWork.Domain.Documents.Pdf;

public enum TextAlign
{
    Left,
    Center,
    Right,
}

/// <summary>How a run of text looks. Sizes are in points; the line box is <see cref="Size"/> × <see cref="LineSpacing"/>.</summary>
public sealed record TextStyle
{
    public static TextStyle Body { get; } = new();

    public float Size { get; init; } = 9f;

    public float LineSpacing { get; init; } = 1.35f;

    public TextAlign Align { get; init; } = TextAlign.Left;

    public SKColor Color { get; init; } = SKColors.Black;

    public float LineHeight => Size * LineSpacing;
}

/// <summary>Page size and margins in points. The header and footer sit inside the top and bottom margins.</summary>
public sealed record PageSetup(float Width, float Height, float MarginTop, float MarginRight, float MarginBottom, float MarginLeft)
{
    /// <summary>A4 portrait (210 × 297 mm) with 15 mm top/bottom and 12.5 mm side margins.</summary>
    public static PageSetup A4 { get; } = new(595.28f, 841.89f, 42.5f, 35.4f, 42.5f, 35.4f);

    public float ContentWidth => Width - MarginLeft - MarginRight;

    public float ContentHeight => Height - MarginTop - MarginBottom;
}

/// <summary>
/// What is repeated on every page: a header line (left and right text, with a rule below)
/// and a footer with "page / pages" in the middle.
/// </summary>
public sealed record PageDecoration
{
    public string? HeaderLeft { get; init; }

    public string? HeaderRight { get; init; }

    public string? FooterLeft { get; init; }

    public bool PageNumbers { get; init; } = true;

    public TextStyle Style { get; init; } = new() { Size = 8f, Color = new SKColor(0x40, 0x40, 0x40) };
}

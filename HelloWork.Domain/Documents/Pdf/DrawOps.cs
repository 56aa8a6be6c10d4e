using SkiaSharp;

namespace HelloWork.Domain.Documents.Pdf;

/// <summary>One positioned drawing instruction on a page, in points from the page's top-left corner.</summary>
internal abstract record DrawOp;

/// <summary>A single line of text; <paramref name="Baseline"/> is the y of the baseline.</summary>
internal sealed record TextOp(float X, float Baseline, string Text, float Size, SKColor Color) : DrawOp;

internal sealed record LineOp(float X1, float Y1, float X2, float Y2, float Thickness, bool Dashed, SKColor Color) : DrawOp;

internal sealed record RectOp(SKRect Rect, float Thickness, SKColor? Stroke, SKColor? Fill) : DrawOp;

internal sealed class PageContent
{
    public List<DrawOp> Ops { get; } = [];

    public IEnumerable<TextOp> Texts => Ops.OfType<TextOp>();
}

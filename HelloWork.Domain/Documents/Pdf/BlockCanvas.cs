using SkiaSharp;

namespace HelloWork.Domain.Documents.Pdf;

/// <summary>
/// Free drawing inside a fixed-height block of the flow (see <see cref="PdfComposer.Block"/>).
/// Coordinates are points from the block's top-left corner.
/// </summary>
public sealed class BlockCanvas
{
    private readonly PdfComposer _composer;
    private readonly PageContent _page;
    private readonly float _left;
    private readonly float _top;

    internal BlockCanvas(PdfComposer composer, PageContent page, float left, float top, float width, float height)
    {
        _composer = composer;
        _page = page;
        _left = left;
        _top = top;
        Width = width;
        Height = height;
    }

    public float Width { get; }

    public float Height { get; }

    /// <summary>Draws wrapped text in a column of the given width; returns the height it took.</summary>
    public float Text(string text, float x, float y, float width, TextStyle? style = null)
    {
        style ??= TextStyle.Body;
        var lines = _composer.WrapLines(text, width, style);
        PdfComposer.EmitLines(_page, lines, _left + x, _top + y, width, style);
        return lines.Count * style.LineHeight;
    }

    public void Line(float x1, float y1, float x2, float y2, float thickness = 0.5f, bool dashed = false) =>
        _page.Ops.Add(new LineOp(_left + x1, _top + y1, _left + x2, _top + y2, thickness, dashed, SKColors.Black));

    public void Box(float x, float y, float width, float height, float thickness = 0.5f, SKColor? fill = null) =>
        _page.Ops.Add(new RectOp(SKRect.Create(_left + x, _top + y, width, height), thickness, thickness > 0 ? SKColors.Black : null, fill));

    /// <summary>An empty square to tick by hand, or a ticked one.</summary>
    public void CheckBox(float x, float y, float size, bool isChecked = false)
    {
        Box(x, y, size, size);
        if (isChecked)
        {
            Line(x + size * 0.2f, y + size * 0.55f, x + size * 0.42f, y + size * 0.8f, 0.8f);
            Line(x + size * 0.42f, y + size * 0.8f, x + size * 0.85f, y + size * 0.2f, 0.8f);
        }
    }
}

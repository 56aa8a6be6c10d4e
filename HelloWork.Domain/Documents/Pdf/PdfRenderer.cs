using SkiaSharp;

namespace HelloWork.Domain.Documents.Pdf;

/// <summary>Replays laid-out pages on Skia's PDF backend with a font subset made for this document.</summary>
internal static class PdfRenderer
{
    public static byte[] Render(IReadOnlyList<IReadOnlyList<DrawOp>> pages, PageSetup setup, PdfDocumentInfo info)
    {
        var codepoints = new HashSet<int>();
        foreach (var text in pages.SelectMany(p => p).OfType<TextOp>())
        {
            foreach (var rune in text.Text.EnumerateRunes())
            {
                codepoints.Add(rune.Value);
            }
        }

        using var typeface = codepoints.Count > 0 ? PdfFont.Shared.CreateSubsetTypeface(codepoints) : null;
        var fonts = new Dictionary<float, SKFont>();
        using var stream = new MemoryStream();
        var metadata = SKDocumentPdfMetadata.Default;
        metadata.Title = info.Title;
        metadata.Author = info.Author;
        metadata.Creator = info.Creator;
        metadata.Subject = info.Subject ?? "";
        metadata.Keywords = info.Keywords ?? "";
        metadata.Producer = "HelloWork (SkiaSharp PDF)";
        // SkiaSharp writes the wall-clock fields with the machine's current UTC offset, so hand it local time.
        metadata.Creation = info.CreatedAt.LocalDateTime;
        metadata.Modified = info.CreatedAt.LocalDateTime;

        using var textPaint = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        using var linePaint = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke };
        using var fillPaint = new SKPaint { IsAntialias = false, Style = SKPaintStyle.Fill };
        using var dash = SKPathEffect.CreateDash([3f, 2f], 0);
        try
        {
            using (var document = SKDocument.CreatePdf(stream, metadata))
            {
                foreach (var ops in pages)
                {
                    var canvas = document.BeginPage(setup.Width, setup.Height);
                    foreach (var op in ops)
                    {
                        switch (op)
                        {
                            case TextOp t when typeface is not null:
                                textPaint.Color = t.Color;
                                canvas.DrawText(t.Text, t.X, t.Baseline, SKTextAlign.Left, FontOf(t.Size), textPaint);
                                break;
                            case LineOp l:
                                linePaint.Color = l.Color;
                                linePaint.StrokeWidth = l.Thickness;
                                linePaint.PathEffect = l.Dashed ? dash : null;
                                canvas.DrawLine(l.X1, l.Y1, l.X2, l.Y2, linePaint);
                                break;
                            case RectOp r:
                                if (r.Fill is { } fill)
                                {
                                    fillPaint.Color = fill;
                                    canvas.DrawRect(r.Rect, fillPaint);
                                }

                                if (r.Stroke is { } stroke && r.Thickness > 0)
                                {
                                    linePaint.Color = stroke;
                                    linePaint.StrokeWidth = r.Thickness;
                                    linePaint.PathEffect = null;
                                    canvas.DrawRect(r.Rect, linePaint);
                                }

                                break;
                        }
                    }

                    document.EndPage();
                }

                document.Close();
            }
        }
        finally
        {
            foreach (var font in fonts.Values)
            {
                font.Dispose();
            }
        }

        return stream.ToArray();

        SKFont FontOf(float size)
        {
            if (!fonts.TryGetValue(size, out var font))
            {
                font = new SKFont(typeface, size) { Subpixel = true, LinearMetrics = true, Hinting = SKFontHinting.None };
                fonts[size] = font;
            }

            return font;
        }
    }
}

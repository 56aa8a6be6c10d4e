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
        var glyphOf = typeface is null ? [] : GlyphMap(typeface, codepoints);
        var fonts = new Dictionary<float, SKFont>();
        using var blobs = new SKTextBlobBuilder();
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
                                DrawText(canvas, t);
                                break;
                            case LineOp l:
                                linePaint.Color = l.Color;
                                linePaint.StrokeWidth = l.Thickness;
                                if (l.Dashed)
                                {
                                    using var dashes = Dashes(l);
                                    canvas.DrawPath(dashes, linePaint);
                                }
                                else
                                {
                                    canvas.DrawLine(Snap(l.X1), Snap(l.Y1), Snap(l.X2), Snap(l.Y2), linePaint);
                                }
                                break;
                            case RectOp r:
                                var rect = new SKRect(Snap(r.Rect.Left), Snap(r.Rect.Top), Snap(r.Rect.Right), Snap(r.Rect.Bottom));
                                if (r.Fill is { } fill)
                                {
                                    fillPaint.Color = fill;
                                    canvas.DrawRect(rect, fillPaint);
                                }

                                if (r.Stroke is { } stroke && r.Thickness > 0)
                                {
                                    linePaint.Color = stroke;
                                    linePaint.StrokeWidth = r.Thickness;
                                    canvas.DrawRect(rect, linePaint);
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

        // The glyphs at the positions the layout measured (PdfFont.Advance), as one run: Skia then neither maps characters
        // nor measures glyphs at each font size, which it does under FreeType's process-wide lock (two cores made
        // 1.4× the slips of one).
        void DrawText(SKCanvas canvas, TextOp t)
        {
            var count = 0;
            foreach (var _ in t.Text.EnumerateRunes())
            {
                count++;
            }
            if (count == 0)
            {
                return;
            }
            Span<ushort> glyphs = count <= 256 ? stackalloc ushort[count] : new ushort[count];
            Span<float> xs = count <= 256 ? stackalloc float[count] : new float[count];
            var x = Snap(t.X);
            var i = 0;
            foreach (var rune in t.Text.EnumerateRunes())
            {
                glyphs[i] = glyphOf[rune.Value];
                xs[i++] = x;
                x += PdfFont.Shared.Advance(rune.Value) * t.Size;
            }
            blobs.AddHorizontalRun(glyphs, FontOf(t.Size), xs, Snap(t.Baseline));
            using var blob = blobs.Build();
            if (blob is not null)
            {
                canvas.DrawText(blob, 0, 0, textPaint);
            }
        }

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

    /// <summary>
    /// A position on the 1/100 pt grid (0.0035 mm, far below what print or screen shows): Skia writes each coordinate as the
    /// shortest decimal of its float, so 35.4 instead of 35.400002 (the slip's drawing commands are 25 KB before
    /// compression, most of it numbers). Glyphs after the first of a run stay at exact advances from it.
    /// </summary>
    private static float Snap(float v) => MathF.Round(v * 100f) / 100f;

    /// <summary>A dashed line (3 pt on, 2 pt off) as one stroked path of its dashes: one move and one line per dash, where a
    /// dash path effect made Skia write every dash as a filled outline of four points.</summary>
    private static SKPath Dashes(LineOp l)
    {
        const float on = 3f, period = 5f;
        using var path = new SKPathBuilder();
        var length = MathF.Sqrt((l.X2 - l.X1) * (l.X2 - l.X1) + (l.Y2 - l.Y1) * (l.Y2 - l.Y1));
        if (length <= 0)
        {
            return path.Detach();
        }
        var (dx, dy) = ((l.X2 - l.X1) / length, (l.Y2 - l.Y1) / length);
        for (var d = 0f; d < length; d += period)
        {
            var end = MathF.Min(d + on, length);
            path.MoveTo(Snap(l.X1 + dx * d), Snap(l.Y1 + dy * d));
            path.LineTo(Snap(l.X1 + dx * end), Snap(l.Y1 + dy * end));
        }
        return path.Detach();
    }

    /// <summary>The glyph of each code point in the document's subset, asked of the typeface once.</summary>
    private static Dictionary<int, ushort> GlyphMap(SKTypeface typeface, IReadOnlyCollection<int> codepoints)
    {
        var ordered = codepoints.ToArray();
        using var font = new SKFont(typeface, 12f);
        var glyphs = font.GetGlyphs(string.Concat(ordered.Select(char.ConvertFromUtf32)));
        var map = new Dictionary<int, ushort>(ordered.Length);
        for (var i = 0; i < ordered.Length; i++)
        {
            map[ordered[i]] = glyphs[i];
        }
        return map;
    }
}

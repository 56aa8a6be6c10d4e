using HelloWork.Domain.Documents.Pdf;
using SkiaSharp;

namespace HelloWork.Tests.Domain.Documents.Pdf;

public class PdfFontTests
{
    private const string Sample = "人紹介状求人票ハローワークAbg013,円（）。";

    [Fact]
    public void A_subset_typeface_keeps_outlines_and_advances_on_its_coarser_grid()
    {
        using var subset = PdfFont.Shared.CreateSubsetTypeface(Sample.EnumerateRunes().Select(r => r.Value));
        using var full = SKTypeface.FromData(SKData.CreateCopy(PdfFont.FullFontBytes()));
        using var small = new SKFont(subset, 100) { LinearMetrics = true, Subpixel = true };
        using var large = new SKFont(full, 100) { LinearMetrics = true, Subpixel = true };

        Assert.Equal(PdfFont.EmbeddedUnitsPerEm, subset.UnitsPerEm);
        foreach (var rune in Sample.EnumerateRunes())
        {
            var text = rune.ToString();
            Assert.InRange(small.MeasureText(text) - large.MeasureText(text), -0.3f, 0.3f);
            Assert.Equal(100 * PdfFont.Shared.Advance(rune.Value), small.MeasureText(text), 0.01f);
            using var a = small.GetTextPath(text, new SKPoint(0, 0));
            using var b = large.GetTextPath(text, new SKPoint(0, 0));
            Assert.Equal(b.Bounds.Left, a.Bounds.Left, 0.3f);
            Assert.Equal(b.Bounds.Top, a.Bounds.Top, 0.3f);
            Assert.Equal(b.Bounds.Right, a.Bounds.Right, 0.3f);
            Assert.Equal(b.Bounds.Bottom, a.Bounds.Bottom, 0.3f);
            Assert.Equal(b.PointCount, a.PointCount);
        }
    }

    [Fact]
    public void A_subset_maps_only_the_characters_it_was_made_for()
    {
        using var subset = PdfFont.Shared.CreateSubsetTypeface("人".EnumerateRunes().Select(r => r.Value));
        using var font = new SKFont(subset, 10);

        Assert.NotEqual(0, font.GetGlyph(0x4EBA));
        Assert.Equal(0, font.GetGlyph(0x2F08)); // ⼈ KANGXI RADICAL MAN shares the glyph in the full font
    }

}

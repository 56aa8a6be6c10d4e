using System.Collections.Concurrent;
using SkiaSharp;

namespace HelloWork.Domain.Documents.Pdf;

/// <summary>
/// The one Japanese font of the PDFs (IPAexGothic), loaded once per process.
/// Layout measures with the full font; each document is drawn with a typeface built
/// from a HarfBuzz subset of just its characters, so Skia embeds a few KB instead of
/// the whole font and the subset's cmap gives each glyph exactly the code point the
/// text used (人 U+4EBA, not the Kangxi radical ⼈ that shares its glyph).
/// </summary>
internal sealed class PdfFont
{
    public const string FileName = "ipaexg.ttf";

    /// <summary>The repository ships the font gzip-compressed (6.1 MB → 4.2 MB); it is inflated once, in memory.</summary>
    public const string ShippedFileName = FileName + ".gz";

    /// <summary>The em grid the embedded subsets are drawn on (see <see cref="TrueTypeRescaler"/>); layout measures on the same grid.</summary>
    public const int EmbeddedUnitsPerEm = 256;

    /// <summary>Ascent of the font's em box, used to put the baseline inside a line box.</summary>
    public const float Ascent = 0.88f;

    private static readonly Lazy<PdfFont> LazyShared = new(() => new PdfFont(FullFontBytes()), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly SKTypeface _measureTypeface;
    private readonly HarfBuzzSubsetter _subsetter;
    private readonly float[] _bmpAdvances = new float[0x10000];
    private readonly ConcurrentDictionary<int, float> _otherAdvances = new();

    private PdfFont(byte[] bytes)
    {
        _measureTypeface = SKTypeface.FromData(SKData.CreateCopy(bytes))
            ?? throw new InvalidOperationException("Skia could not read the PDF font.");
        _subsetter = new HarfBuzzSubsetter(HarfBuzzSubsetter.PrepareSource(bytes, EmbeddedUnitsPerEm));
        Array.Fill(_bmpAdvances, float.NaN);
    }

    public static PdfFont Shared => LazyShared.Value;

    /// <summary>Advance of one code point in em units (multiply by the font size).</summary>
    public float Advance(int codepoint)
    {
        if (codepoint < 0x10000)
        {
            var cached = _bmpAdvances[codepoint];
            if (float.IsNaN(cached))
            {
                // Racing writers store the same value; a float store is atomic.
                cached = _bmpAdvances[codepoint] = MeasureEm(codepoint);
            }

            return cached;
        }

        return _otherAdvances.GetOrAdd(codepoint, MeasureEm);
    }

    public float Measure(ReadOnlySpan<char> text, float size)
    {
        var width = 0f;
        foreach (var rune in text.EnumerateRunes())
        {
            width += Advance(rune.Value);
        }

        return width * size;
    }

    /// <summary>A typeface holding only the given code points, for one document.</summary>
    public SKTypeface CreateSubsetTypeface(IEnumerable<int> codepoints)
    {
        using var data = SKData.CreateCopy(_subsetter.Subset(codepoints));
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException("Skia could not read the font subset.");
    }

    private float MeasureEm(int codepoint)
    {
        using var font = new SKFont(_measureTypeface, 1000f) { LinearMetrics = true, Subpixel = true, Hinting = SKFontHinting.None };
        var em = font.MeasureText(char.ConvertFromUtf32(codepoint)) / 1000f;
        return MathF.Round(em * EmbeddedUnitsPerEm, MidpointRounding.AwayFromZero) / EmbeddedUnitsPerEm;
    }

    /// <summary>
    /// Next to the assemblies (the Domain project copies wwwroot-assets/fonts to fonts/), compressed,
    /// else in a wwwroot-assets/fonts folder above them (running from a source tree),
    /// else Debian's fonts-ipaexfont-gothic.
    /// </summary>
    private static string Locate()
    {
        var candidates = new List<string> { Path.Combine(AppContext.BaseDirectory, "fonts", ShippedFileName) };
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            candidates.Add(Path.Combine(dir.FullName, "wwwroot-assets", "fonts", ShippedFileName));
        }

        candidates.Add(Path.Combine("/usr/share/fonts/opentype/ipaexfont-gothic", FileName));
        candidates.Add(Path.Combine("/usr/share/fonts/truetype/ipaexfont-gothic", FileName));
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"The PDF font {FileName} was not found. Looked in: {string.Join(", ", candidates)}");
    }

    /// <summary>The whole font file, inflated.</summary>
    internal static byte[] FullFontBytes() => Load(Locate());

    private static byte[] Load(string path)
    {
        if (!path.EndsWith(".gz", StringComparison.Ordinal))
        {
            return File.ReadAllBytes(path);
        }
        using var gzip = new System.IO.Compression.GZipStream(File.OpenRead(path), System.IO.Compression.CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        gzip.CopyTo(bytes);
        return bytes.ToArray();
    }
}

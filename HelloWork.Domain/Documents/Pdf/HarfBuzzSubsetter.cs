using System.Runtime.InteropServices;

namespace HelloWork.Domain.Documents.Pdf;

/// <summary>
/// Font subsetting through the <c>hb_subset_*</c> functions that the native
/// libHarfBuzzSharp (HarfBuzzSharp.NativeAssets.*) exports but HarfBuzzSharp does not wrap.
/// The source face is created once and shared: HarfBuzz faces are immutable and
/// safe to subset from several threads at once.
/// </summary>
internal sealed class HarfBuzzSubsetter : IDisposable
{
    private const string Lib = "libHarfBuzzSharp";
    private const int MemoryModeReadOnly = 1;
    private const uint FlagNoHinting = 0x1;
    private const int SetDropTableTag = 3;

    // Tables a horizontal, unshaped PDF text run never reads; dropping them keeps the subset small and fast.
    private static readonly string[] DroppedTables = ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "vhea", "vmtx", "VORG", "DSIG", "gasp", "kern"];

    private readonly IntPtr _data;
    private readonly IntPtr _blob;
    private readonly IntPtr _face;

    public HarfBuzzSubsetter(byte[] font)
    {
        _data = Marshal.AllocHGlobal(font.Length);
        Marshal.Copy(font, 0, _data, font.Length);
        _blob = hb_blob_create(_data, (uint)font.Length, MemoryModeReadOnly, IntPtr.Zero, IntPtr.Zero);
        var face = hb_face_create(_blob, 0);
        if (hb_face_get_glyph_count(face) == 0)
        {
            hb_face_destroy(face);
            throw new InvalidOperationException("HarfBuzz could not read the font.");
        }

        // Precomputes what every subset of this face needs (cmap, glyph closure tables), so a subset per document costs
        // a fraction of a plain hb_subset call; the preprocessed face is immutable and shared by all threads.
        _face = hb_subset_preprocess(face);
        hb_face_destroy(face);
        if (_face == IntPtr.Zero)
        {
            throw new InvalidOperationException("hb_subset_preprocess failed.");
        }
    }

    /// <summary>
    /// The face the per-document subsets are cut from, prepared once: every character of <paramref name="font"/> kept,
    /// the tables a PDF text run never reads and the hinting dropped, and the outlines moved to
    /// <paramref name="unitsPerEm"/> by <see cref="TrueTypeRescaler"/> (so no document pays for rescaling).
    /// </summary>
    public static byte[] PrepareSource(byte[] font, int unitsPerEm)
    {
        using var all = new HarfBuzzSubsetter(font);
        return TrueTypeRescaler.Rescale(all.Subset(null), unitsPerEm);
    }

    /// <summary>A TrueType font holding only the glyphs of <paramref name="codepoints"/>, with a cmap for exactly those.</summary>
    /// <remarks><paramref name="codepoints"/> null keeps every character the font maps.</remarks>
    public byte[] Subset(IEnumerable<int>? codepoints)
    {
        var input = hb_subset_input_create_or_fail();
        if (input == IntPtr.Zero)
        {
            throw new InvalidOperationException("hb_subset_input_create_or_fail failed.");
        }

        try
        {
            var unicodes = hb_subset_input_unicode_set(input);
            if (codepoints is null)
            {
                hb_face_collect_unicodes(_face, unicodes);
            }
            else
            {
                foreach (var cp in codepoints)
                {
                    hb_set_add(unicodes, (uint)cp);
                }
            }

            var dropped = hb_subset_input_set(input, SetDropTableTag);
            foreach (var tag in DroppedTables)
            {
                hb_set_add(dropped, Tag(tag));
            }

            hb_subset_input_set_flags(input, FlagNoHinting);
            var subset = hb_subset_or_fail(_face, input);
            if (subset == IntPtr.Zero)
            {
                throw new InvalidOperationException("hb_subset_or_fail failed.");
            }

            try
            {
                var blob = hb_face_reference_blob(subset);
                try
                {
                    var data = hb_blob_get_data(blob, out var length);
                    var bytes = new byte[length];
                    Marshal.Copy(data, bytes, 0, (int)length);
                    return bytes;
                }
                finally
                {
                    hb_blob_destroy(blob);
                }
            }
            finally
            {
                hb_face_destroy(subset);
            }
        }
        finally
        {
            hb_subset_input_destroy(input);
        }
    }

    public void Dispose()
    {
        hb_face_destroy(_face);
        hb_blob_destroy(_blob);
        Marshal.FreeHGlobal(_data);
    }

    private static uint Tag(string tag) => (uint)(tag[0] << 24 | tag[1] << 16 | tag[2] << 8 | tag[3]);

    [DllImport(Lib)] private static extern IntPtr hb_blob_create(IntPtr data, uint length, int mode, IntPtr userData, IntPtr destroy);
    [DllImport(Lib)] private static extern IntPtr hb_blob_get_data(IntPtr blob, out uint length);
    [DllImport(Lib)] private static extern void hb_blob_destroy(IntPtr blob);
    [DllImport(Lib)] private static extern IntPtr hb_face_create(IntPtr blob, uint index);
    [DllImport(Lib)] private static extern uint hb_face_get_glyph_count(IntPtr face);
    [DllImport(Lib)] private static extern IntPtr hb_face_reference_blob(IntPtr face);
    [DllImport(Lib)] private static extern void hb_face_destroy(IntPtr face);
    [DllImport(Lib)] private static extern void hb_face_collect_unicodes(IntPtr face, IntPtr set);
    [DllImport(Lib)] private static extern IntPtr hb_subset_preprocess(IntPtr face);
    [DllImport(Lib)] private static extern void hb_set_add(IntPtr set, uint codepoint);
    [DllImport(Lib)] private static extern IntPtr hb_subset_input_create_or_fail();
    [DllImport(Lib)] private static extern IntPtr hb_subset_input_unicode_set(IntPtr input);
    [DllImport(Lib)] private static extern IntPtr hb_subset_input_set(IntPtr input, int setType);
    [DllImport(Lib)] private static extern void hb_subset_input_set_flags(IntPtr input, uint flags);
    [DllImport(Lib)] private static extern void hb_subset_input_destroy(IntPtr input);
    [DllImport(Lib)] private static extern IntPtr hb_subset_or_fail(IntPtr face, IntPtr input);
}

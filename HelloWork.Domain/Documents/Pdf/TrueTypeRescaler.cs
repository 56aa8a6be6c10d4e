using System.Buffers.Binary;

namespace HelloWork.Domain.Documents.Pdf;

/// <summary>
/// Rewrites a (subset, unhinted) TrueType font on a coarser em grid. IPAexGothic draws
/// on 2048 units per em, so most outline deltas need two bytes; on 256 units most fit in
/// one, which makes the embedded glyph data about a third smaller after compression.
/// One unit of 256 per em is 0.04 pt at 10 pt type (0.01 mm), below what print or screen shows.
/// Every coordinate-bearing field a renderer reads is scaled: head, hhea, hmtx, OS/2,
/// post, and the glyf outlines (simple glyphs re-encoded, composite offsets scaled).
/// </summary>
internal static class TrueTypeRescaler
{
    public static byte[] Rescale(byte[] font, int targetUnitsPerEm)
    {
        var tables = ReadTables(font);
        var head = tables["head"].ToArray();
        var sourceUnits = BinaryPrimitives.ReadUInt16BigEndian(head.AsSpan(18));
        if (sourceUnits <= targetUnitsPerEm || !tables.ContainsKey("glyf"))
        {
            return font;
        }

        var scale = (double)targetUnitsPerEm / sourceUnits;
        short S(short v) => (short)Math.Round(v * scale, MidpointRounding.AwayFromZero);
        void ScaleI16(byte[] t, int offset) => BinaryPrimitives.WriteInt16BigEndian(t.AsSpan(offset), S(BinaryPrimitives.ReadInt16BigEndian(t.AsSpan(offset))));
        void ScaleU16(byte[] t, int offset) => BinaryPrimitives.WriteUInt16BigEndian(t.AsSpan(offset), (ushort)Math.Round(BinaryPrimitives.ReadUInt16BigEndian(t.AsSpan(offset)) * scale, MidpointRounding.AwayFromZero));

        // head: unitsPerEm, bounding box, long loca offsets.
        BinaryPrimitives.WriteUInt16BigEndian(head.AsSpan(18), (ushort)targetUnitsPerEm);
        foreach (var o in new[] { 36, 38, 40, 42 })
        {
            ScaleI16(head, o);
        }

        var shortLoca = BinaryPrimitives.ReadInt16BigEndian(head.AsSpan(50)) == 0;
        BinaryPrimitives.WriteUInt32BigEndian(head.AsSpan(8), 0); // checkSumAdjustment, recomputed below

        var hhea = tables["hhea"].ToArray();
        foreach (var o in new[] { 4, 6, 8, 12, 14, 16, 22 })
        {
            ScaleI16(hhea, o);
        }

        ScaleU16(hhea, 10);
        var numberOfHMetrics = BinaryPrimitives.ReadUInt16BigEndian(hhea.AsSpan(34));

        var glyphCount = BinaryPrimitives.ReadUInt16BigEndian(tables["maxp"].Span[4..]);
        var hmtx = tables["hmtx"].ToArray();
        for (var i = 0; i < glyphCount; i++)
        {
            if (i < numberOfHMetrics)
            {
                ScaleU16(hmtx, i * 4);
                ScaleI16(hmtx, i * 4 + 2);
            }
            else if (numberOfHMetrics * 4 + (i - numberOfHMetrics) * 2 + 2 <= hmtx.Length)
            {
                ScaleI16(hmtx, numberOfHMetrics * 4 + (i - numberOfHMetrics) * 2);
            }
        }

        var result = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["head"] = head,
            ["hhea"] = hhea,
            ["hmtx"] = hmtx,
        };

        if (tables.TryGetValue("OS/2", out var os2Memory))
        {
            var os2 = os2Memory.ToArray();
            ScaleI16(os2, 2);
            foreach (var o in new[] { 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 68, 70, 72 })
            {
                ScaleI16(os2, o);
            }

            ScaleU16(os2, 74);
            ScaleU16(os2, 76);
            if (BinaryPrimitives.ReadUInt16BigEndian(os2) >= 2 && os2.Length >= 90)
            {
                ScaleI16(os2, 86);
                ScaleI16(os2, 88);
            }

            result["OS/2"] = os2;
        }

        if (tables.TryGetValue("post", out var postMemory))
        {
            var post = postMemory.ToArray();
            ScaleI16(post, 8);
            ScaleI16(post, 10);
            result["post"] = post;
        }

        var (glyf, loca) = RescaleGlyphs(tables["glyf"].Span, tables["loca"].Span, shortLoca, glyphCount, scale);
        result["glyf"] = glyf;
        result["loca"] = glyf.Length < 0x20000 ? ShortLoca(loca) : loca;
        BinaryPrimitives.WriteInt16BigEndian(head.AsSpan(50), (short)(glyf.Length < 0x20000 ? 0 : 1));
        foreach (var (tag, data) in tables)
        {
            result.TryAdd(tag, data.ToArray());
        }

        result.Remove("hdmx"); // device metrics in the old units; optional
        result.Remove("LTSH");
        result.Remove("VDMX");
        return WriteFont(result);
    }

    private static (byte[] Glyf, byte[] Loca) RescaleGlyphs(ReadOnlySpan<byte> glyf, ReadOnlySpan<byte> loca, bool shortLoca, int glyphCount, double scale)
    {
        var output = new MemoryStream(glyf.Length);
        var newLoca = new byte[(glyphCount + 1) * 4];
        for (var g = 0; g < glyphCount; g++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(g * 4), (uint)output.Length);
            var start = shortLoca ? BinaryPrimitives.ReadUInt16BigEndian(loca[(g * 2)..]) * 2 : (int)BinaryPrimitives.ReadUInt32BigEndian(loca[(g * 4)..]);
            var end = shortLoca ? BinaryPrimitives.ReadUInt16BigEndian(loca[((g + 1) * 2)..]) * 2 : (int)BinaryPrimitives.ReadUInt32BigEndian(loca[((g + 1) * 4)..]);
            if (end > start)
            {
                var glyph = glyf[start..end];
                var contours = BinaryPrimitives.ReadInt16BigEndian(glyph);
                output.Write(contours >= 0 ? SimpleGlyph(glyph, contours, scale) : CompositeGlyph(glyph, scale));
                while (output.Length % 4 != 0)
                {
                    output.WriteByte(0);
                }
            }
        }

        BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(glyphCount * 4), (uint)output.Length);
        return (output.ToArray(), newLoca);
    }

    /// <summary>Offsets halved into 16 bits; glyphs are 4-byte aligned so nothing is lost.</summary>
    private static byte[] ShortLoca(byte[] longLoca)
    {
        var count = longLoca.Length / 4;
        var loca = new byte[count * 2];
        for (var i = 0; i < count; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(loca.AsSpan(i * 2), (ushort)(BinaryPrimitives.ReadUInt32BigEndian(longLoca.AsSpan(i * 4)) / 2));
        }

        return loca;
    }

    private static byte[] SimpleGlyph(ReadOnlySpan<byte> glyph, int contours, double scale)
    {
        var endPoints = new ushort[contours];
        for (var i = 0; i < contours; i++)
        {
            endPoints[i] = BinaryPrimitives.ReadUInt16BigEndian(glyph[(10 + 2 * i)..]);
        }

        var p = 10 + 2 * contours;
        p += 2 + BinaryPrimitives.ReadUInt16BigEndian(glyph[p..]); // skip instructions
        var pointCount = contours == 0 ? 0 : endPoints[^1] + 1;
        var flags = new byte[pointCount];
        for (var i = 0; i < pointCount;)
        {
            var f = glyph[p++];
            flags[i++] = f;
            if ((f & 8) != 0)
            {
                for (var r = glyph[p++]; r > 0; r--)
                {
                    flags[i++] = f;
                }
            }
        }

        var xs = ReadCoordinates(glyph, ref p, flags, 2, 16);
        var ys = ReadCoordinates(glyph, ref p, flags, 4, 32);

        var w = new MemoryStream(glyph.Length);
        var buffer = new byte[2];
        void I16(int v)
        {
            BinaryPrimitives.WriteInt16BigEndian(buffer, (short)v);
            w.Write(buffer);
        }

        I16(contours);
        short xMin = 0, yMin = 0, xMax = 0, yMax = 0;
        for (var i = 0; i < pointCount; i++)
        {
            xs[i] = (int)Math.Round(xs[i] * scale, MidpointRounding.AwayFromZero);
            ys[i] = (int)Math.Round(ys[i] * scale, MidpointRounding.AwayFromZero);
            xMin = (short)(i == 0 ? xs[i] : Math.Min(xMin, xs[i]));
            yMin = (short)(i == 0 ? ys[i] : Math.Min(yMin, ys[i]));
            xMax = (short)(i == 0 ? xs[i] : Math.Max(xMax, xs[i]));
            yMax = (short)(i == 0 ? ys[i] : Math.Max(yMax, ys[i]));
        }

        I16(xMin);
        I16(yMin);
        I16(xMax);
        I16(yMax);
        foreach (var e in endPoints)
        {
            I16(e);
        }

        I16(0); // no instructions
        var newFlags = new byte[pointCount];
        var xBytes = new MemoryStream();
        var yBytes = new MemoryStream();
        int px = 0, py = 0;
        for (var i = 0; i < pointCount; i++)
        {
            var f = (byte)(flags[i] & 1);
            f |= Encode(xs[i] - px, 2, 16, xBytes);
            f |= Encode(ys[i] - py, 4, 32, yBytes);
            px = xs[i];
            py = ys[i];
            newFlags[i] = f;
        }

        for (var i = 0; i < pointCount;)
        {
            var run = 0;
            while (i + run + 1 < pointCount && newFlags[i + run + 1] == newFlags[i] && run < 255)
            {
                run++;
            }

            if (run > 0)
            {
                w.WriteByte((byte)(newFlags[i] | 8));
                w.WriteByte((byte)run);
            }
            else
            {
                w.WriteByte(newFlags[i]);
            }

            i += run + 1;
        }

        xBytes.WriteTo(w);
        yBytes.WriteTo(w);
        return w.ToArray();
    }

    private static int[] ReadCoordinates(ReadOnlySpan<byte> glyph, ref int p, byte[] flags, byte shortFlag, byte sameOrPositiveFlag)
    {
        var values = new int[flags.Length];
        var v = 0;
        for (var i = 0; i < flags.Length; i++)
        {
            var f = flags[i];
            if ((f & shortFlag) != 0)
            {
                var d = glyph[p++];
                v += (f & sameOrPositiveFlag) != 0 ? d : -d;
            }
            else if ((f & sameOrPositiveFlag) == 0)
            {
                v += BinaryPrimitives.ReadInt16BigEndian(glyph[p..]);
                p += 2;
            }

            values[i] = v;
        }

        return values;
    }

    private static byte Encode(int delta, byte shortFlag, byte sameOrPositiveFlag, MemoryStream bytes)
    {
        if (delta == 0)
        {
            return sameOrPositiveFlag;
        }

        if (delta is >= -255 and <= 255)
        {
            bytes.WriteByte((byte)Math.Abs(delta));
            return (byte)(shortFlag | (delta > 0 ? sameOrPositiveFlag : 0));
        }

        Span<byte> buffer = stackalloc byte[2];
        BinaryPrimitives.WriteInt16BigEndian(buffer, (short)delta);
        bytes.Write(buffer);
        return 0;
    }

    private static byte[] CompositeGlyph(ReadOnlySpan<byte> glyph, double scale)
    {
        var g = glyph.ToArray();
        short S(int offset) => (short)Math.Round(BinaryPrimitives.ReadInt16BigEndian(g.AsSpan(offset)) * scale, MidpointRounding.AwayFromZero);
        for (var o = 2; o <= 8; o += 2)
        {
            BinaryPrimitives.WriteInt16BigEndian(g.AsSpan(o), S(o));
        }

        var p = 10;
        ushort flags;
        do
        {
            flags = BinaryPrimitives.ReadUInt16BigEndian(g.AsSpan(p));
            p += 4;
            var words = (flags & 0x1) != 0;
            if ((flags & 0x2) != 0)
            {
                if (words)
                {
                    BinaryPrimitives.WriteInt16BigEndian(g.AsSpan(p), S(p));
                    BinaryPrimitives.WriteInt16BigEndian(g.AsSpan(p + 2), S(p + 2));
                }
                else
                {
                    g[p] = (byte)(sbyte)Math.Round((sbyte)g[p] * scale, MidpointRounding.AwayFromZero);
                    g[p + 1] = (byte)(sbyte)Math.Round((sbyte)g[p + 1] * scale, MidpointRounding.AwayFromZero);
                }
            }

            p += words ? 4 : 2;
            p += (flags & 0x8) != 0 ? 2 : (flags & 0x40) != 0 ? 4 : (flags & 0x80) != 0 ? 8 : 0;
        }
        while ((flags & 0x20) != 0);

        if ((flags & 0x100) != 0)
        {
            // Drop the trailing instructions and the flag that announces them.
            var last = p;
            BinaryPrimitives.WriteUInt16BigEndian(g.AsSpan(FindLastFlagOffset(g)), (ushort)(flags & ~0x100));
            return g[..last];
        }

        return g[..p];
    }

    private static int FindLastFlagOffset(byte[] g)
    {
        var p = 10;
        while (true)
        {
            var flags = BinaryPrimitives.ReadUInt16BigEndian(g.AsSpan(p));
            if ((flags & 0x20) == 0)
            {
                return p;
            }

            p += 4 + ((flags & 0x1) != 0 ? 4 : 2) + ((flags & 0x8) != 0 ? 2 : (flags & 0x40) != 0 ? 4 : (flags & 0x80) != 0 ? 8 : 0);
        }
    }

    private static Dictionary<string, ReadOnlyMemory<byte>> ReadTables(byte[] font)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        var tables = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var record = font.AsSpan(12 + 16 * i);
            var tag = System.Text.Encoding.ASCII.GetString(record[..4]);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
            tables[tag] = font.AsMemory(offset, length);
        }

        return tables;
    }

    private static byte[] WriteFont(Dictionary<string, byte[]> tables)
    {
        var tags = tables.Keys.OrderBy(t => t, StringComparer.Ordinal).ToList();
        var count = tags.Count;
        var searchRange = 1;
        var entrySelector = 0;
        while (searchRange * 2 <= count)
        {
            searchRange *= 2;
            entrySelector++;
        }

        var headerLength = 12 + 16 * count;
        var total = headerLength + tags.Sum(t => (tables[t].Length + 3) & ~3);
        var font = new byte[total];
        BinaryPrimitives.WriteUInt32BigEndian(font, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(4), (ushort)count);
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(6), (ushort)(searchRange * 16));
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(8), (ushort)entrySelector);
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(10), (ushort)(count * 16 - searchRange * 16));
        var offset = headerLength;
        var headOffset = 0;
        for (var i = 0; i < count; i++)
        {
            var data = tables[tags[i]];
            var record = font.AsSpan(12 + 16 * i);
            System.Text.Encoding.ASCII.GetBytes(tags[i], record);
            data.CopyTo(font, offset);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], Checksum(font.AsSpan(offset, (data.Length + 3) & ~3)));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)data.Length);
            if (tags[i] == "head")
            {
                headOffset = offset;
            }

            offset += (data.Length + 3) & ~3;
        }

        BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(headOffset + 8), 0xB1B0AFBA - Checksum(font));
        return font;
    }

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        for (var i = 0; i + 4 <= data.Length; i += 4)
        {
            sum += BinaryPrimitives.ReadUInt32BigEndian(data[i..]);
        }

        return sum;
    }
}

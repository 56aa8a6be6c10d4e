using System.Buffers;
using System.Globalization;
using System.Text;

namespace HelloWork.Domain.Common;

/// <summary>
/// The one CSV cell writer of the portal's downloads (provision, selected applicants, scorecards): RFC 4180 quoting, and a cell a
/// spreadsheet would run as a formula (starting with = + - @, tab or CR) is prefixed with ' (CSV injection) — except a plain
/// number such as -5, which stays a number.
/// </summary>
public static class Csv
{
    private static readonly SearchValues<char> Special = SearchValues.Create(",\"\r\n");

    /// <summary>Appends one cell, defused and quoted when needed; no separator.</summary>
    public static StringBuilder Cell(StringBuilder sb, string value)
    {
        if (NeedsDefusing(value))
        {
            value = "'" + value;
        }
        if (!NeedsQuotes(value))
        {
            return sb.Append(value);
        }
        return sb.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    /// <summary>The most UTF-8 bytes <see cref="Cell(Span{byte}, ReadOnlySpan{char})"/> writes for a value of this many UTF-16
    /// characters: three bytes a character (a doubled quote is two), the defusing ' and the two quotes.</summary>
    public static int MaxCellBytes(int length) => 3 * length + 3;

    /// <summary>The same cell as <see cref="Cell(StringBuilder, string)"/>, written as UTF-8 straight into <paramref name="destination"/>
    /// (at least <see cref="MaxCellBytes"/> long); returns the bytes written. For writers that stream large files without a string per cell.</summary>
    public static int Cell(Span<byte> destination, ReadOnlySpan<char> value)
    {
        var n = 0;
        var quoted = NeedsQuotes(value);
        if (quoted)
        {
            destination[n++] = (byte)'"';
        }
        if (NeedsDefusing(value))
        {
            destination[n++] = (byte)'\'';
        }
        if (!quoted)
        {
            return n + Encoding.UTF8.GetBytes(value, destination[n..]);
        }
        for (int quote; (quote = value.IndexOf('"')) >= 0; value = value[(quote + 1)..])
        {
            n += Encoding.UTF8.GetBytes(value[..quote], destination[n..]);
            destination[n++] = (byte)'"';
            destination[n++] = (byte)'"';
        }
        n += Encoding.UTF8.GetBytes(value, destination[n..]);
        destination[n++] = (byte)'"';
        return n;
    }

    /// <summary>Appends the cells separated by commas and a CRLF line end.</summary>
    public static void Row(StringBuilder sb, IEnumerable<string> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                sb.Append(',');
            }
            Cell(sb, cell);
            first = false;
        }
        sb.Append("\r\n");
    }

    private static bool NeedsDefusing(ReadOnlySpan<char> value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !IsNumber(value);

    private static bool NeedsQuotes(ReadOnlySpan<char> value) => value.IndexOfAny(Special) >= 0;

    private static bool IsNumber(ReadOnlySpan<char> value) =>
        decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out _);
}

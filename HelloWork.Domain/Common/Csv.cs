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
    /// <summary>Appends one cell, defused and quoted when needed; no separator.</summary>
    public static StringBuilder Cell(StringBuilder sb, string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !IsNumber(value))
        {
            value = "'" + value;
        }
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return sb.Append(value);
        }
        return sb.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
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

    private static bool IsNumber(string value) =>
        decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out _);
}

using System.Text;

namespace HelloWork.Domain.Documents.Pdf;

/// <summary>
/// Greedy line breaking for Japanese mixed with Latin text. A break is allowed between
/// any two CJK characters, but never inside a Latin word or number (13010-12345678,
/// 250,000円), never before a character that may not start a line (行頭禁則: 、。）」ー…)
/// and never after one that may not end a line (行末禁則: （「『…). Words wider than the
/// line are cut by character as a last resort. Explicit newlines are kept.
/// </summary>
public static class LineBreaker
{
    /// <summary>Characters that may not start a line.</summary>
    public const string NoLineStart =
        "、。，．,.・：；:;？！?!‼⁇⁈⁉゛゜ヽヾゝゞ々〻ー‐゠–〜～" +
        "）〕］｝〉》」』】〙〗〟’”｠»)]}" +
        "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ" +
        "％%‰℃°′″";

    /// <summary>Characters that may not end a line.</summary>
    public const string NoLineEnd = "（〔［｛〈《「『【〘〖〝‘“｟«([{￥＄$£＃#";

    /// <summary>Splits <paramref name="text"/> into lines no wider than <paramref name="maxWidth"/>.</summary>
    public static IReadOnlyList<string> Wrap(string text, float maxWidth, Func<string, float> measure)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(measure);
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            WrapParagraph(paragraph, maxWidth, measure, lines);
        }

        return lines;
    }

    /// <summary>Splits text into units that must stay on one line: a Latin word, a CJK character, a space, with kinsoku characters glued to their neighbour.</summary>
    internal static List<string> Units(string text)
    {
        var raw = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var rune = Rune.GetRuneAt(text, i);
            var start = i;
            i += rune.Utf16SequenceLength;
            if (IsWordRune(rune))
            {
                while (i < text.Length && IsWordRune(Rune.GetRuneAt(text, i)))
                {
                    i += Rune.GetRuneAt(text, i).Utf16SequenceLength;
                }
            }

            raw.Add(text[start..i]);
        }

        var units = new List<string>(raw.Count);
        var glueNext = false;
        foreach (var unit in raw)
        {
            var first = Rune.GetRuneAt(unit, 0);
            var mustFollow = units.Count > 0 && !IsSpace(units[^1]) && IsNoLineStart(first);
            if ((glueNext || mustFollow) && units.Count > 0)
            {
                units[^1] += unit;
            }
            else
            {
                units.Add(unit);
            }

            var last = unit.EnumerateRunes().Last();
            glueNext = IsNoLineEnd(last);
        }

        return units;
    }

    private static void WrapParagraph(string paragraph, float maxWidth, Func<string, float> measure, List<string> lines)
    {
        var line = new StringBuilder();
        var width = 0f;
        var wrapped = false;
        foreach (var unit in Units(paragraph))
        {
            if (wrapped && line.Length == 0 && IsSpace(unit))
            {
                continue; // a wrapped line does not start with the space that caused the wrap
            }

            var unitWidth = measure(unit);
            if (width + unitWidth <= maxWidth)
            {
                Append(unit, unitWidth);
                continue;
            }

            if (line.Length > 0)
            {
                Flush();
                if (IsSpace(unit))
                {
                    continue;
                }
            }

            if (unitWidth <= maxWidth)
            {
                Append(unit, unitWidth);
                continue;
            }

            // Wider than a whole line: cut by character.
            foreach (var rune in unit.EnumerateRunes())
            {
                var s = rune.ToString();
                var w = measure(s);
                if (width + w > maxWidth && line.Length > 0)
                {
                    Flush();
                }

                Append(s, w);
            }
        }

        lines.Add(line.ToString().TrimEnd());

        void Append(string s, float w)
        {
            line.Append(s);
            width += w;
        }

        void Flush()
        {
            lines.Add(line.ToString().TrimEnd());
            line.Clear();
            width = 0;
            wrapped = true;
        }
    }

    private static bool IsSpace(string unit) => unit.Length == 1 && (unit[0] == ' ' || unit[0] == '\u3000' || unit[0] == '\t');

    private static bool IsNoLineStart(Rune rune) => rune.IsBmp && NoLineStart.Contains((char)rune.Value, StringComparison.Ordinal);

    private static bool IsNoLineEnd(Rune rune) => rune.IsBmp && NoLineEnd.Contains((char)rune.Value, StringComparison.Ordinal);

    /// <summary>Latin letters, digits and the punctuation that lives inside words, numbers, URLs and e-mail addresses.</summary>
    private static bool IsWordRune(Rune rune)
    {
        var v = rune.Value;
        return v is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9'
            or '-' or '_' or '.' or ',' or '/' or '@' or ':' or '+' or '&' or '=' or '?' or '#' or '%' or '\'' or '~'
            || v is >= 0xC0 and <= 0x24F;
    }
}

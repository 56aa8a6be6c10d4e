using System.Globalization;

namespace HelloWork.Domain.Search;

/// <summary>
/// The search's commonest filters as an FTS5 expression over the <c>Facets</c> column of <c>JobOfferWords</c> (written by the
/// triggers of <see cref="HelloWork.Domain.Data.SchemaSql.SqliteFreeWordIndex"/>): prefecture (<c>P</c> + its first two characters), municipality prefix
/// (<c>M</c> + the prefix, at least two and at most <see cref="MunicipalityLength"/> characters, ASCII letters lower-cased),
/// employment types, categories, 駅近, 在宅, 週休二日, UIJターン, 自主応募可 and "not dispatch". Every character of a token is
/// shifted into the Supplementary Private Use Area-A (<see cref="Encode"/>, as the index triggers do), so that no free word can
/// match a token (<see cref="FreeWords"/> leaves words containing such characters to a substring test) and the words need no
/// column filter. It only narrows the word matches inside the index before any row is read (a common word matches
/// most offers; looking each one up cost 0.5 s at a million offers); the same filters are applied in SQL afterwards, so a
/// condition this cannot express (a municipality of one character, wages, hours) is simply left to SQL. Every token it asks
/// for is present in every offer that passes the SQL filter: the expression is never narrower than the filters.
/// </summary>
internal static class JobSearchFacets
{
    /// <summary>The first code point of the shifted characters: a character c is stored as <c>Shift + c % Modulo</c>.</summary>
    public const int Shift = 0xF0000, Modulo = 65534;

    /// <summary>The index triggers index this many characters of the municipality.</summary>
    public const int MunicipalityLength = 10;

    /// <summary>The expression (<c>Facets : (…)</c>), or null when no filter has a token.</summary>
    public static string? Expression(JobSearchCriteria c)
    {
        var parts = new List<string>();
        if (c.Areas.Count > 0 && c.Areas.All(a => Runes(a.Prefecture).Count >= 2))
        {
            parts.Add(AnyOf(c.Areas.Select(a =>
            {
                var prefecture = Phrase("P" + string.Concat(Runes(a.Prefecture).Take(2)));
                var m = Runes(LowerAscii(a.Municipality ?? ""));
                return m.Count >= 2 ? $"({prefecture} AND {Phrase("M" + string.Concat(m.Take(MunicipalityLength)))})" : prefecture;
            })));
        }
        if (c.EmploymentTypes.Count > 0)
        {
            parts.Add(AnyOf(c.EmploymentTypes.Select(t => Phrase(string.Create(CultureInfo.InvariantCulture, $"E{(int)t:00}")))));
        }
        if (c.Categories.Count > 0)
        {
            parts.Add(AnyOf(c.Categories.Select(k => Phrase(string.Create(CultureInfo.InvariantCulture, $"C{(int)k:00}")))));
        }
        if (c.NearStation) parts.Add(Phrase("NS1"));
        if (c.RemoteWork) parts.Add(Phrase("RW1"));
        if (c.WeeklyTwoDaysOff) parts.Add(Phrase("WK1"));
        if (c.UijTurn) parts.Add(Phrase("UJ1"));
        if (c.SelfApplication) parts.Add(Phrase("SA1"));
        if (c.ExcludeDispatch) parts.Add(Phrase("DP0"));
        return parts.Count == 0 ? null : $"Facets : ({string.Join(" AND ", parts)})";
    }

    /// <summary>A token as the index holds it: every character shifted into the Supplementary Private Use Area-A.</summary>
    public static string Encode(string token) => string.Concat(token.EnumerateRunes().Select(r => char.ConvertFromUtf32(Shift + r.Value % Modulo)));

    /// <summary>Whether a word holds a character of the planes the tokens are made of (15 and 16, the supplementary private use
    /// areas): such a word is never matched through the index.</summary>
    public static bool HasTokenCharacters(string word) => word.EnumerateRunes().Any(r => r.Value >= Shift);

    private static List<string> Runes(string s) => [.. s.EnumerateRunes().Select(r => r.ToString())];

    /// <summary>SQLite's lower(): ASCII letters only.</summary>
    private static string LowerAscii(string s) => string.Create(s.Length, s, (span, src) =>
    {
        for (var i = 0; i < src.Length; i++)
        {
            span[i] = src[i] is >= 'A' and <= 'Z' ? (char)(src[i] + 32) : src[i];
        }
    });

    private static string AnyOf(IEnumerable<string> terms)
    {
        var list = terms.ToList();
        return list.Count == 1 ? list[0] : "(" + string.Join(" OR ", list) + ")";
    }

    /// <summary>The token, encoded, as an FTS5 string (encoded characters are never <c>"</c>).</summary>
    private static string Phrase(string token) => "\"" + Encode(token) + "\"";
}

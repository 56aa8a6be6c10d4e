using System.Globalization;

namespace HelloWork.Domain.Search;

/// <summary>
/// The search's commonest filters as an FTS5 expression over the <c>Facets</c> column of <c>JobOfferWords</c> (migration
/// <c>JobOfferWordsFacets</c>, which writes the tokens): prefecture (<c>P</c> + its first two characters), municipality prefix
/// (<c>M</c> + the prefix, at least two characters), employment types, categories, 駅近, 在宅, 週休二日, UIJターン, 自主応募可 and
/// "not dispatch". It only narrows the word matches inside the index before any row is read (issue 5: a common word matches
/// most offers; looking each one up cost 0.5 s at a million offers); the same filters are applied in SQL afterwards, so a
/// condition this cannot express (a municipality of one character, wages, hours) is simply left to SQL. Every token it asks
/// for is present in every offer that passes the SQL filter: the expression is never narrower than the filters.
/// </summary>
internal static class JobSearchFacets
{
    /// <summary>The expression (<c>Facets : (…)</c>), or null when no filter has a token.</summary>
    public static string? Expression(JobSearchCriteria c)
    {
        var parts = new List<string>();
        if (c.Areas.Count > 0 && c.Areas.All(a => a.Prefecture.Length >= 2))
        {
            parts.Add(AnyOf(c.Areas.Select(a =>
            {
                var prefecture = Phrase("P" + a.Prefecture[..2]);
                return a.Municipality is { Length: >= 2 } m ? $"({prefecture} AND {Phrase("M" + m)})" : prefecture;
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

    private static string AnyOf(IEnumerable<string> terms)
    {
        var list = terms.ToList();
        return list.Count == 1 ? list[0] : "(" + string.Join(" OR ", list) + ")";
    }

    private static string Phrase(string s) => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

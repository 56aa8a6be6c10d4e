using System.Linq.Expressions;
using HelloWork.Domain.Data;
using HelloWork.Domain.JobOffers;
using Microsoft.EntityFrameworkCore;

namespace HelloWork.Domain.Search;

/// <summary>
/// Free words and NOT words as Japanese substrings (R-SRC-1), without word splitting.
/// <para>On SQLite the words go to <c>JobOfferWords</c>, an FTS5 table with the trigram tokenizer kept in step with
/// <c>JobOffers.SearchText</c> by triggers (<see cref="HelloWork.Domain.Data.SchemaSql.SqliteFreeWordIndex"/>). Its rowid is the job number as an integer
/// (13010-00000001 → 1301000000001), stable under VACUUM, and only accepted offers are in it. A word of 3+ characters is a
/// phrase of its trigrams. A 1–2-character word (介護, 営業) has no trigram of its own, so it is expanded through the
/// <c>JobOfferWordsVocab</c> table into the indexed trigrams that start with it (介護職, 介護員 …) and matched as their OR;
/// the indexed text ends with two line breaks so that a word at the very end still starts a trigram. If a 1-character word
/// starts too many trigrams, it is matched with <c>instr</c> over the rows the other conditions leave. The index's second
/// column holds the filter tokens of <see cref="JobSearchFacets"/>, made of private-use characters of plane 15 only: words are
/// matched in every column without a column filter, and a word containing such characters goes to <c>instr</c>, so it can never
/// match a token.</para>
/// <para>Other providers (PostgreSQL) match every word with a plain substring test (<c>strpos</c>).</para>
/// <para>The employer's name is only searchable where it is public to everyone (公開範囲 1): the index leaves it out of
/// scope 2 and 3 offers, so a search by name cannot reveal who posted a scope-3 offer.</para>
/// </summary>
internal static class FreeWords
{
    /// <summary>Above this many trigrams a short word is matched by <c>instr</c> instead.</summary>
    public const int MaxExpansion = 3000;

    /// <summary>The matching offers, driven by the index: FTS5 yields the rowids, each is looked up as the job number's integer in
    /// <c>IX_JobOffers_SearchNumber</c> (the same expression, covering every filter and sort column: an integer comparison per
    /// match, no string formatting, no row read; 2.4× faster than formatting each rowid and seeking the text key at 50,000 matches).
    /// <c>INDEXED BY</c> because SQLite does not know the expression is unique: without ANALYZE statistics it otherwise picks the
    /// (Status, ValidUntil) index and scans every published offer once per match. Written as a join, not as <c>JobNumber IN (…)</c>: EF turns a Contains over a raw
    /// subquery into a correlated <c>EXISTS</c> (null semantics), which ran the whole MATCH again for every candidate offer.
    /// <c>CROSS JOIN</c> is SQLite's way to fix the join order: with ANALYZE statistics on a large table the planner otherwise
    /// starts from a selective-looking filter index (e.g. prefecture and municipality) and runs the MATCH once per offer again.</summary>
    private const string Driven =
        "SELECT \"j\".* FROM JobOfferWords CROSS JOIN \"JobOffers\" AS \"j\" INDEXED BY \"IX_JobOffers_SearchNumber\" ON CAST(replace(\"j\".\"JobNumber\", '-', '') AS INTEGER) = JobOfferWords.rowid " +
        "WHERE JobOfferWords MATCH {0}";

    /// <summary>Only NOT words: every offer except the matches, the matches computed once (a non-correlated <c>NOT IN</c> list).</summary>
    private const string Excluding =
        "SELECT * FROM \"JobOffers\" WHERE \"JobNumber\" NOT IN (SELECT printf('%05d-%08d', rowid / 100000000, rowid % 100000000) FROM JobOfferWords WHERE JobOfferWords MATCH {0})";

    /// <summary>The offers the free words and NOT words leave, to be filtered further by the caller. <paramref name="facets"/>
    /// (<see cref="JobSearchFacets"/>) narrows the word matches inside the index; the caller still applies its filters.</summary>
    public static async Task<IQueryable<JobOffer>> ApplyAsync(HelloWorkDb db, IReadOnlyList<string> words, IReadOnlyList<string> notWords, string? facets,
        CancellationToken ct)
    {
        IQueryable<JobOffer> q = db.JobOffers;
        if (words.Count == 0 && notWords.Count == 0)
        {
            return q;
        }
        if (!db.Database.IsSqlite())
        {
            foreach (var w in words)
            {
                q = q.Where(Contains(w));
            }
            foreach (var w in notWords)
            {
                q = q.Where(Not(Contains(w)));
            }
            return q;
        }
        var positives = new List<string>();
        var residual = new List<Expression<Func<JobOffer, bool>>>();
        foreach (var w in words)
        {
            var expr = await ExpressionAsync(db, w, ct);
            if (expr == "")
            {
                return q.Where(_ => false); // a word that occurs nowhere: nothing matches
            }
            if (expr is null)
            {
                residual.Add(Contains(w));
            }
            else
            {
                positives.Add(expr);
            }
        }
        var negatives = new List<string>();
        foreach (var w in notWords)
        {
            var expr = await ExpressionAsync(db, w, ct);
            if (expr is null)
            {
                residual.Add(Not(Contains(w)));
            }
            else if (expr != "")
            {
                negatives.Add(expr);
            }
        }
        // No column filter: the Facets column holds only characters that no word sent to the index contains (JobSearchFacets).
        if (positives.Count > 0)
        {
            var match = string.Join(" AND ", positives);
            if (facets is not null)
            {
                match = $"{match} AND {facets}";
            }
            if (negatives.Count > 0)
            {
                match = $"({match}) NOT ({string.Join(" OR ", negatives)})";
            }
            q = db.JobOffers.FromSqlRaw(Driven, match);
        }
        else if (negatives.Count > 0)
        {
            q = db.JobOffers.FromSqlRaw(Excluding, string.Join(" OR ", negatives));
        }
        foreach (var r in residual)
        {
            q = q.Where(r);
        }
        return q;
    }

    /// <summary>The FTS5 expression of one word: a quoted phrase, an OR of trigrams, "" when it occurs nowhere, null for <c>instr</c>.</summary>
    private static async Task<string?> ExpressionAsync(HelloWorkDb db, string word, CancellationToken ct)
    {
        if (JobSearchFacets.HasTokenCharacters(word))
        {
            return null; // private-use characters of planes 15–16: a word made of them could match a filter token
        }
        if (word.EnumerateRunes().Count() >= 3)
        {
            return Quote(word);
        }
        var folded = word.ToLowerInvariant();
        var upper = folded + char.ConvertFromUtf32(0x10FFFF);
        var terms = await db.Database.SqlQueryRaw<string>(
                "SELECT term AS \"Value\" FROM JobOfferWordsVocab WHERE term >= {0} AND term < {1} LIMIT {2}", folded, upper, MaxExpansion + 1)
            .ToListAsync(ct);
        terms = [.. terms.Where(t => t.StartsWith(folded, StringComparison.Ordinal))];
        if (terms.Count > MaxExpansion)
        {
            return null;
        }
        return terms.Count == 0 ? "" : "(" + string.Join(" OR ", terms.Select(Quote)) + ")";
    }

    private static string Quote(string s) => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Substring test over the same text the index holds: the employer's name only where scope 1 publishes it.</summary>
    private static Expression<Func<JobOffer, bool>> Contains(string word) => o =>
        (o.Scope == PublicationScope.PublicWithName ? o.SearchText : o.SearchText.Replace(o.EstablishmentName, "")).Contains(word);

    private static Expression<Func<JobOffer, bool>> Not(Expression<Func<JobOffer, bool>> e) =>
        Expression.Lambda<Func<JobOffer, bool>>(Expression.Not(e.Body), e.Parameters);
}

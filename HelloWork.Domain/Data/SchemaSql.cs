using Microsoft.EntityFrameworkCore.Migrations;

namespace HelloWork.Domain.Data;

/// <summary>
/// The parts of the schema that EF Core's model cannot describe, applied by each provider's migrations in raw SQL.
/// The initial migrations call these; a later change to them goes in a new migration as usual.
/// </summary>
public static class SchemaSql
{
    /// <summary>R-AUD-1: the audit log is append-only. The database refuses any UPDATE or DELETE of an audit row, whatever the
    /// code path (SQLite).</summary>
    public static void SqliteAuditAppendOnly(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TRIGGER "AuditEntries_NoUpdate" BEFORE UPDATE ON "AuditEntries"
            BEGIN SELECT RAISE(ABORT, 'AuditEntries is append-only (R-AUD-1)'); END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER "AuditEntries_NoDelete" BEFORE DELETE ON "AuditEntries"
            BEGIN SELECT RAISE(ABORT, 'AuditEntries is append-only (R-AUD-1)'); END;
            """);
    }

    /// <summary>R-AUD-1 on PostgreSQL: UPDATE, DELETE and TRUNCATE of the audit log are refused by a trigger.</summary>
    public static void PostgresAuditAppendOnly(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'AuditEntries is append-only (R-AUD-1)';
            END;
            $$;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER "AuditEntries_AppendOnly" BEFORE UPDATE OR DELETE ON "AuditEntries"
            FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER "AuditEntries_NoTruncate" BEFORE TRUNCATE ON "AuditEntries"
            FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
            """);
    }

    /// <summary>The covering search index read by the public search (Search/JobSearch.cs and Search/FreeWords.cs): its first
    /// column is the job number as an integer, the rowid of <c>JobOfferWords</c>. An expression index, so EF Core's model
    /// cannot declare it (SQLite).</summary>
    public static void SqliteSearchNumberIndex(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(CreateSearchNumber);

    private const string CreateSearchNumber =
        "CREATE INDEX \"IX_JobOffers_SearchNumber\" ON \"JobOffers\" (CAST(replace(\"JobNumber\", '-', '') AS INTEGER), \"JobNumber\", " +
        "\"Status\", \"ValidUntil\", \"ReceivedDate\", \"Prefecture\", \"Municipality\", \"OccupationCode\", \"EmploymentType\", \"Category\", " +
        "\"WageForm\", \"WageMin\", \"WorkStartMinutes\", \"WorkEndMinutes\", \"AnnualHolidays\", \"WeeklyTwoDaysOff\", \"NearStation\", " +
        "\"RemoteWork\", \"UijTurn\", \"SelfApplication\", \"IsDispatch\")";

    /// <summary>SQLite's free-word index <c>JobOfferWords</c> and the triggers that keep it in step with <c>JobOffers</c>.</summary>
    /// <remarks>
    /// A contentless FTS5 table with the trigram tokenizer (Japanese matches without word splitting, R-SRC-1). Its second
    /// column, <c>Facets</c>, lets the public job search (Search/FreeWords.cs and Search/JobSearchFacets.cs) apply its
    /// commonest filters inside the FTS5 query instead of looking every word match up in JobOffers first (未経験 matches
    /// 58 % of a million offers). The column holds short tokens, each of which the
    /// trigram tokenizer indexes as one selective trigram: <c>P</c> + the first two characters of the prefecture (unique for
    /// the 47), <c>M</c> + the municipality (its first ten characters, ASCII letters lower-cased, so that a search's municipality
    /// prefix is the phrase <c>M</c> + prefix), <c>E</c>/<c>C</c> + the two-digit employment type and category, and NS1, RW1,
    /// WK1, UJ1, SA1, DP0 for 駅近, 在宅, 週休二日, UIJターン, 自主応募可 and "not dispatch".
    /// <para>Every character of the column, separators included, is stored shifted into the Supplementary Private Use Area-A
    /// (U+F0000 + code point mod 65534, <see cref="HelloWork.Domain.Search.JobSearchFacets"/> does the same): every trigram of the column is made of
    /// such characters only, so a free word (FreeWords leaves any word containing them to a plain substring test) can never match
    /// a filter token, and the words need no column filter (<c>Text : (…)</c> made FTS5 decode every position list: 営業 went
    /// from 166 to 846 ms at a million offers). The filters are still applied in SQL as well: the tokens only narrow the matches,
    /// so results cannot change. Kept in step by triggers that also fire when a filtered column changes. SQLite
    /// only (PostgreSQL matches substrings).</para>
    /// </remarks>
    public static void SqliteFreeWordIndex(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("CREATE VIRTUAL TABLE JobOfferWords USING fts5(Text, Facets, tokenize = 'trigram', content = '', contentless_delete = 1);");
        migrationBuilder.Sql("CREATE VIRTUAL TABLE JobOfferWordsVocab USING fts5vocab(JobOfferWords, 'row');");
        migrationBuilder.Sql($"""
            CREATE TRIGGER JobOfferWords_Insert AFTER INSERT ON JobOffers WHEN new.JobNumber IS NOT NULL BEGIN
                INSERT INTO JobOfferWords(rowid, Text, Facets) VALUES ({F(Key, "new")}, {F(Text, "new")}, {F(Facets, "new")});
            END;
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER JobOfferWords_Update AFTER UPDATE OF {FilteredColumns} ON JobOffers BEGIN
                DELETE FROM JobOfferWords WHERE old.JobNumber IS NOT NULL AND rowid = {F(Key, "old")};
                INSERT INTO JobOfferWords(rowid, Text, Facets) SELECT {F(Key, "new")}, {F(Text, "new")}, {F(Facets, "new")} WHERE new.JobNumber IS NOT NULL;
            END;
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER JobOfferWords_Delete AFTER DELETE ON JobOffers WHEN old.JobNumber IS NOT NULL BEGIN
                DELETE FROM JobOfferWords WHERE rowid = {F(Key, "old")};
            END;
            """);
        migrationBuilder.Sql($"INSERT INTO JobOfferWords(rowid, Text, Facets) SELECT {F(Key, "JobOffers")}, {F(Text, "JobOffers")}, {F(Facets, "JobOffers")} FROM JobOffers WHERE JobNumber IS NOT NULL;");
        migrationBuilder.Sql("INSERT INTO JobOfferWords(JobOfferWords) VALUES ('optimize');");
    }

    private const string Text = "CASE WHEN {0}.Scope = 1 THEN {0}.SearchText ELSE replace({0}.SearchText, {0}.EstablishmentName, '') END || char(10, 10)";

    /// <summary>The first code point of the shifted characters; a character c is stored as <c>Shift + c % Modulo</c>.</summary>
    private const int Shift = 0xF0000, Modulo = 65534;

    /// <summary>A constant, shifted: <c>char(0xF0020, 0xF0050)</c> for " P".</summary>
    private static string Literal(string s) =>
        "char(" + string.Join(", ", s.EnumerateRunes().Select(r => "0x" + (Shift + r.Value % Modulo).ToString("X", System.Globalization.CultureInfo.InvariantCulture))) + ")";

    /// <summary>The first <paramref name="n"/> characters of a text expression, shifted (unicode('') is NULL, which char() writes
    /// as U+0000: the substr cuts those off at the text's length).</summary>
    private static string Shifted(string text, int n) =>
        $"substr(char({string.Join(", ", Enumerable.Range(1, n).Select(i => $"0x{Shift:X} + unicode(substr({text}, {i}, 1)) % {Modulo}"))}), 1, length({text}))";

    private static string Flag(string column, string token) => $" || CASE WHEN {{0}}.{column} THEN {Literal(" " + token)} ELSE '' END";

    private static readonly string Facets =
        Literal(" P") + " || " + Shifted("ifnull({0}.Prefecture, '')", 2)
        + " || " + Literal(" M") + " || " + Shifted("lower(ifnull({0}.Municipality, ''))", 10)
        + " || " + Literal(" E") + " || " + Shifted("printf('%02d', {0}.EmploymentType)", 3)
        + " || " + Literal(" C") + " || " + Shifted("printf('%02d', {0}.Category)", 3)
        + Flag("NearStation", "NS1") + Flag("RemoteWork", "RW1") + Flag("WeeklyTwoDaysOff", "WK1") + Flag("UijTurn", "UJ1")
        + Flag("SelfApplication", "SA1") + $" || CASE WHEN {{0}}.IsDispatch THEN '' ELSE {Literal(" DP0")} END || {Literal(" ")}";

    private const string Key = "CAST(replace({0}.JobNumber, '-', '') AS INTEGER)";

    private const string FilteredColumns =
        "SearchText, JobNumber, Scope, EstablishmentName, Prefecture, Municipality, EmploymentType, Category, NearStation, RemoteWork, WeeklyTwoDaysOff, UijTurn, SelfApplication, IsDispatch";

    private static string F(string format, string row) => string.Format(System.Globalization.CultureInfo.InvariantCulture, format, row);
}

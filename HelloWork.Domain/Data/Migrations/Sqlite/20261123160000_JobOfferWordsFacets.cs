using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelloWork.Domain.Data.Migrations.Sqlite
{
    /// <summary>
    /// The free-word index gets a second column, <c>Facets</c>, so that the public job search (R-SRC-1, Search/FreeWords.cs and
    /// Search/JobSearchFacets.cs) can apply its commonest filters inside the FTS5 query instead of looking every word match up
    /// in JobOffers first (issue 5: 未経験 matches 58 % of a million offers). The column holds short tokens, each of which the
    /// trigram tokenizer indexes as one selective trigram: <c>P</c> + the first two characters of the prefecture (unique for
    /// the 47), <c>M</c> + the municipality (so that a search's municipality prefix is the phrase <c>M</c> + prefix),
    /// <c>E</c>/<c>C</c> + the two-digit employment type and category, and NS1, RW1, WK1, UJ1, SA1, DP0 for 駅近, 在宅,
    /// 週休二日, UIJターン, 自主応募可 and "not dispatch". The filters are still applied in SQL as well: the tokens only narrow
    /// the matches, so results cannot change. The free words are matched in the Text column only. Kept in step by the same
    /// triggers, which now also fire when a filtered column changes. SQLite only (PostgreSQL matches substrings).
    /// </summary>
    public partial class JobOfferWordsFacets : Migration
    {
        private const string Text = "CASE WHEN {0}.Scope = 1 THEN {0}.SearchText ELSE replace({0}.SearchText, {0}.EstablishmentName, '') END || char(10, 10)";

        private const string Facets =
            "' P' || substr({0}.Prefecture, 1, 2) || ' M' || {0}.Municipality || printf(' E%02d C%02d', {0}.EmploymentType, {0}.Category)"
            + " || CASE WHEN {0}.NearStation THEN ' NS1' ELSE '' END || CASE WHEN {0}.RemoteWork THEN ' RW1' ELSE '' END"
            + " || CASE WHEN {0}.WeeklyTwoDaysOff THEN ' WK1' ELSE '' END || CASE WHEN {0}.UijTurn THEN ' UJ1' ELSE '' END"
            + " || CASE WHEN {0}.SelfApplication THEN ' SA1' ELSE '' END || CASE WHEN {0}.IsDispatch THEN '' ELSE ' DP0' END || ' '";

        private const string Key = "CAST(replace({0}.JobNumber, '-', '') AS INTEGER)";

        private const string FilteredColumns =
            "SearchText, JobNumber, Scope, EstablishmentName, Prefecture, Municipality, EmploymentType, Category, NearStation, RemoteWork, WeeklyTwoDaysOff, UijTurn, SelfApplication, IsDispatch";

        private static string F(string format, string row) => string.Format(System.Globalization.CultureInfo.InvariantCulture, format, row);

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            if (!migrationBuilder.IsSqlite())
            {
                return;
            }
            DropAll(migrationBuilder);
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

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (!migrationBuilder.IsSqlite())
            {
                return;
            }
            // Back to the one-column index of migration JobOfferWords.
            DropAll(migrationBuilder);
            migrationBuilder.Sql("CREATE VIRTUAL TABLE JobOfferWords USING fts5(Text, tokenize = 'trigram', content = '', contentless_delete = 1);");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE JobOfferWordsVocab USING fts5vocab(JobOfferWords, 'row');");
            migrationBuilder.Sql($"""
                CREATE TRIGGER JobOfferWords_Insert AFTER INSERT ON JobOffers WHEN new.JobNumber IS NOT NULL BEGIN
                    INSERT INTO JobOfferWords(rowid, Text) VALUES ({F(Key, "new")}, {F(Text, "new")});
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER JobOfferWords_Update AFTER UPDATE OF SearchText, JobNumber, Scope, EstablishmentName ON JobOffers BEGIN
                    DELETE FROM JobOfferWords WHERE old.JobNumber IS NOT NULL AND rowid = {F(Key, "old")};
                    INSERT INTO JobOfferWords(rowid, Text) SELECT {F(Key, "new")}, {F(Text, "new")} WHERE new.JobNumber IS NOT NULL;
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER JobOfferWords_Delete AFTER DELETE ON JobOffers WHEN old.JobNumber IS NOT NULL BEGIN
                    DELETE FROM JobOfferWords WHERE rowid = {F(Key, "old")};
                END;
                """);
            migrationBuilder.Sql($"INSERT INTO JobOfferWords(rowid, Text) SELECT {F(Key, "JobOffers")}, {F(Text, "JobOffers")} FROM JobOffers WHERE JobNumber IS NOT NULL;");
        }

        private static void DropAll(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS JobOfferWords_Insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS JobOfferWords_Update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS JobOfferWords_Delete;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS JobOfferWordsVocab;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS JobOfferWords;");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelloWork.Domain.Data.Migrations.Sqlite
{
    /// <summary>
    /// The free-word index of the public job search (R-SRC-1, see Search/FreeWords.cs): a contentless FTS5 table with the
    /// trigram tokenizer over JobOffers.SearchText, keyed by the job number as an integer, kept in step by triggers, and its
    /// vocabulary table for 1–2-character words. SQLite only; other providers match substrings without an index.
    /// </summary>
    public partial class JobOfferWords : Migration
    {
        // The indexed text: the employer's name is left out unless 公開範囲 1 publishes it; two line breaks at the end so that
        // a 1- or 2-character word at the very end still starts a trigram.
        private const string Text = "CASE WHEN {0}.Scope = 1 THEN {0}.SearchText ELSE replace({0}.SearchText, {0}.EstablishmentName, '') END || char(10, 10)";
        private const string Key = "CAST(replace({0}.JobNumber, '-', '') AS INTEGER)";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            if (!migrationBuilder.IsSqlite())
            {
                return;
            }
            string T(string row) => string.Format(System.Globalization.CultureInfo.InvariantCulture, Text, row);
            string K(string row) => string.Format(System.Globalization.CultureInfo.InvariantCulture, Key, row);
            migrationBuilder.Sql("CREATE VIRTUAL TABLE JobOfferWords USING fts5(Text, tokenize = 'trigram', content = '', contentless_delete = 1);");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE JobOfferWordsVocab USING fts5vocab(JobOfferWords, 'row');");
            migrationBuilder.Sql($"""
                CREATE TRIGGER JobOfferWords_Insert AFTER INSERT ON JobOffers WHEN new.JobNumber IS NOT NULL BEGIN
                    INSERT INTO JobOfferWords(rowid, Text) VALUES ({K("new")}, {T("new")});
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER JobOfferWords_Update AFTER UPDATE OF SearchText, JobNumber, Scope, EstablishmentName ON JobOffers BEGIN
                    DELETE FROM JobOfferWords WHERE old.JobNumber IS NOT NULL AND rowid = {K("old")};
                    INSERT INTO JobOfferWords(rowid, Text) SELECT {K("new")}, {T("new")} WHERE new.JobNumber IS NOT NULL;
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER JobOfferWords_Delete AFTER DELETE ON JobOffers WHEN old.JobNumber IS NOT NULL BEGIN
                    DELETE FROM JobOfferWords WHERE rowid = {K("old")};
                END;
                """);
            migrationBuilder.Sql($"INSERT INTO JobOfferWords(rowid, Text) SELECT {K("JobOffers")}, {T("JobOffers")} FROM JobOffers WHERE JobNumber IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (!migrationBuilder.IsSqlite())
            {
                return;
            }
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS JobOfferWords_Insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS JobOfferWords_Update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS JobOfferWords_Delete;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS JobOfferWordsVocab;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS JobOfferWords;");
        }
    }
}

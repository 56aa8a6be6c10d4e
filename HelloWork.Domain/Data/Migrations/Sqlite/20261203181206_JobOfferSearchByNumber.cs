using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelloWork.Domain.Data.Migrations.Sqlite
{
    /// <summary>The free-word search joins each FTS5 match (rowid = the job number as an integer) to its offer. It used to format the
    /// rowid back into the text job number and seek IX_JobOffers_Search; now it seeks this index on the integer itself, with every
    /// column the search filters and sorts on, so the lookup is one integer comparison per match and never reads the row
    /// (at 1 M offers and 50,000 matches: 78 → 32 ms). The expression must stay exactly the one in Search/FreeWords.cs and in the
    /// JobOfferWords triggers.</summary>
    public partial class JobOfferSearchByNumber : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_JobOffers_Search",
                table: "JobOffers");
            migrationBuilder.Sql(CreateSearchNumber);
        }

        private const string CreateSearchNumber =
            "CREATE INDEX \"IX_JobOffers_SearchNumber\" ON \"JobOffers\" (CAST(replace(\"JobNumber\", '-', '') AS INTEGER), \"JobNumber\", " +
            "\"Status\", \"ValidUntil\", \"ReceivedDate\", \"Prefecture\", \"Municipality\", \"OccupationCode\", \"EmploymentType\", \"Category\", " +
            "\"WageForm\", \"WageMin\", \"WorkStartMinutes\", \"WorkEndMinutes\", \"AnnualHolidays\", \"WeeklyTwoDaysOff\", \"NearStation\", " +
            "\"RemoteWork\", \"UijTurn\", \"SelfApplication\", \"IsDispatch\")";

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX \"IX_JobOffers_SearchNumber\"");
            migrationBuilder.CreateIndex(
                name: "IX_JobOffers_Search",
                table: "JobOffers",
                columns: new[] { "JobNumber", "Status", "ValidUntil", "ReceivedDate", "Prefecture", "Municipality", "OccupationCode", "EmploymentType", "Category", "WageForm", "WageMin", "WorkStartMinutes", "WorkEndMinutes", "AnnualHolidays", "WeeklyTwoDaysOff", "NearStation", "RemoteWork", "UijTurn", "SelfApplication", "IsDispatch" });
        }
    }
}

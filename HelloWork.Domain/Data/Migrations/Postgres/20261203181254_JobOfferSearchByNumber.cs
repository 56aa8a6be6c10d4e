using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelloWork.Domain.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class JobOfferSearchByNumber : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_JobOffers_Search",
                table: "JobOffers");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_JobOffers_Search",
                table: "JobOffers",
                columns: new[] { "JobNumber", "Status", "ValidUntil", "ReceivedDate", "Prefecture", "Municipality", "OccupationCode", "EmploymentType", "Category", "WageForm", "WageMin", "WorkStartMinutes", "WorkEndMinutes", "AnnualHolidays", "WeeklyTwoDaysOff", "NearStation", "RemoteWork", "UijTurn", "SelfApplication", "IsDispatch" });
        }
    }
}

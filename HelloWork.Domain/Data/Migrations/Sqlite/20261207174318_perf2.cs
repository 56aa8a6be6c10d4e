using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelloWork.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class perf2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_JobOffers_Export",
                table: "JobOffers",
                columns: new[] { "Status", "UpdatedAt", "Id", "ValidUntil", "JobNumber", "Title", "OccupationCode", "Scope", "EstablishmentId", "EstablishmentName", "Prefecture", "Municipality", "EmploymentType", "WageForm", "WageMin", "WageMax", "WorkStartMinutes", "WorkEndMinutes", "AnnualHolidays", "WeeklyTwoDaysOff", "NearStation", "RemoteWork", "UijTurn", "SelfApplication", "Openings", "ReceivedDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_JobOffers_Export",
                table: "JobOffers");
        }
    }
}

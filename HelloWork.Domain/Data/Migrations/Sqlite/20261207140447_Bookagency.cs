using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelloWork.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Bookagency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CancelReason",
                table: "OfficeEvents",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CancelledAt",
                table: "OfficeEvents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Attendance",
                table: "EventBookings",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CancelReason",
                table: "OfficeEvents");

            migrationBuilder.DropColumn(
                name: "CancelledAt",
                table: "OfficeEvents");

            migrationBuilder.DropColumn(
                name: "Attendance",
                table: "EventBookings");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelloWork.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JobseekerDisability : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DisabilityAccommodation",
                table: "Jobseekers",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DisabilityCertificate",
                table: "Jobseekers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "DisabilityDisclosed",
                table: "Jobseekers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "DisabilityGrade",
                table: "Jobseekers",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "HasDisability",
                table: "Jobseekers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DisabilityAccommodation",
                table: "Jobseekers");

            migrationBuilder.DropColumn(
                name: "DisabilityCertificate",
                table: "Jobseekers");

            migrationBuilder.DropColumn(
                name: "DisabilityDisclosed",
                table: "Jobseekers");

            migrationBuilder.DropColumn(
                name: "DisabilityGrade",
                table: "Jobseekers");

            migrationBuilder.DropColumn(
                name: "HasDisability",
                table: "Jobseekers");
        }
    }
}

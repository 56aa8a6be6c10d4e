using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelloWork.Domain.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FourthRound : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "BenefitDecidedOn",
                table: "Jobseekers",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BenefitPrescribedDays",
                table: "Jobseekers",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "HoldsBenefit",
                table: "Jobseekers",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BenefitDecidedOn",
                table: "Jobseekers");

            migrationBuilder.DropColumn(
                name: "BenefitPrescribedDays",
                table: "Jobseekers");

            migrationBuilder.DropColumn(
                name: "HoldsBenefit",
                table: "Jobseekers");
        }
    }
}

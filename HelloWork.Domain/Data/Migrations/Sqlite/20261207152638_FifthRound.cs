using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelloWork.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FifthRound : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Approval",
                table: "OfficeTargets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ReturnReason",
                table: "OfficeTargets",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReviewedAt",
                table: "OfficeTargets",
                type: "INTEGER",
                nullable: true);

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

            migrationBuilder.AddColumn<string>(
                name: "BureauComment",
                table: "OfficeEvaluations",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CommentedAt",
                table: "OfficeEvaluations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PlanFollowedAt",
                table: "OfficeEvaluations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PriorityItemsCarriedOut",
                table: "OfficeEvaluations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "PriorityItemsChosen",
                table: "OfficeEvaluations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Attendance",
                table: "EventBookings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Prefecture",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PriorityItemRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfficeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Item = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    EnteredBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PriorityItemRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SurveyOffers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Occasion = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfferedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyOffers", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PriorityItemRecords_OfficeId_Date",
                table: "PriorityItemRecords",
                columns: new[] { "OfficeId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyOffers_Occasion_SubjectId",
                table: "SurveyOffers",
                columns: new[] { "Occasion", "SubjectId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PriorityItemRecords");

            migrationBuilder.DropTable(
                name: "SurveyOffers");

            migrationBuilder.DropColumn(
                name: "Approval",
                table: "OfficeTargets");

            migrationBuilder.DropColumn(
                name: "ReturnReason",
                table: "OfficeTargets");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "OfficeTargets");

            migrationBuilder.DropColumn(
                name: "CancelReason",
                table: "OfficeEvents");

            migrationBuilder.DropColumn(
                name: "CancelledAt",
                table: "OfficeEvents");

            migrationBuilder.DropColumn(
                name: "BureauComment",
                table: "OfficeEvaluations");

            migrationBuilder.DropColumn(
                name: "CommentedAt",
                table: "OfficeEvaluations");

            migrationBuilder.DropColumn(
                name: "PlanFollowedAt",
                table: "OfficeEvaluations");

            migrationBuilder.DropColumn(
                name: "PriorityItemsCarriedOut",
                table: "OfficeEvaluations");

            migrationBuilder.DropColumn(
                name: "PriorityItemsChosen",
                table: "OfficeEvaluations");

            migrationBuilder.DropColumn(
                name: "Attendance",
                table: "EventBookings");

            migrationBuilder.DropColumn(
                name: "Prefecture",
                table: "AspNetUsers");
        }
    }
}

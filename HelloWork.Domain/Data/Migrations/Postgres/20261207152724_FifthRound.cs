using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelloWork.Domain.Data.Migrations.Postgres
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ReturnReason",
                table: "OfficeTargets",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReviewedAt",
                table: "OfficeTargets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CancelReason",
                table: "OfficeEvents",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CancelledAt",
                table: "OfficeEvents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BureauComment",
                table: "OfficeEvaluations",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CommentedAt",
                table: "OfficeEvaluations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PlanFollowedAt",
                table: "OfficeEvaluations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PriorityItemsCarriedOut",
                table: "OfficeEvaluations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "PriorityItemsChosen",
                table: "OfficeEvaluations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Attendance",
                table: "EventBookings",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Prefecture",
                table: "AspNetUsers",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PriorityItemRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Item = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    EnteredBy = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PriorityItemRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SurveyOffers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Occasion = table.Column<int>(type: "integer", nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    OfferedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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

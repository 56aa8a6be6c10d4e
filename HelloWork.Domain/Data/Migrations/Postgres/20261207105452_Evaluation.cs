using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelloWork.Domain.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Evaluation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OfficeEvaluations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    FiscalYear = table.Column<int>(type: "integer", nullable: false),
                    Group = table.Column<int>(type: "integer", nullable: false),
                    Workload = table.Column<int>(type: "integer", nullable: false),
                    PlacementsAchievement = table.Column<decimal>(type: "numeric(7,1)", precision: 7, scale: 1, nullable: true),
                    FilledOffersAchievement = table.Column<decimal>(type: "numeric(7,1)", precision: 7, scale: 1, nullable: true),
                    EarlyReemploymentsAchievement = table.Column<decimal>(type: "numeric(7,1)", precision: 7, scale: 1, nullable: true),
                    ReferralRateAchievement = table.Column<decimal>(type: "numeric(7,1)", precision: 7, scale: 1, nullable: true),
                    Satisfaction = table.Column<decimal>(type: "numeric(7,1)", precision: 7, scale: 1, nullable: true),
                    Score = table.Column<decimal>(type: "numeric(7,1)", precision: 7, scale: 1, nullable: false),
                    RankInGroup = table.Column<int>(type: "integer", nullable: false),
                    GroupSize = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    NeedsPlan = table.Column<bool>(type: "boolean", nullable: false),
                    EvaluatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ImprovementPlan = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    PlanWrittenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfficeEvaluations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OfficeTargets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    FiscalYear = table.Column<int>(type: "integer", nullable: false),
                    PlacementsTarget = table.Column<int>(type: "integer", nullable: false),
                    FilledOffersTarget = table.Column<int>(type: "integer", nullable: false),
                    EarlyReemploymentsTarget = table.Column<int>(type: "integer", nullable: false),
                    ReferralRateTarget = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: false),
                    PriorityIndicators = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    PriorityItems = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfficeTargets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SurveyAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Occasion = table.Column<int>(type: "integer", nullable: false),
                    Satisfaction = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyAnswers", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OfficeEvaluations_FiscalYear_OfficeId",
                table: "OfficeEvaluations",
                columns: new[] { "FiscalYear", "OfficeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OfficeTargets_OfficeId_FiscalYear",
                table: "OfficeTargets",
                columns: new[] { "OfficeId", "FiscalYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswers_OfficeId_Month",
                table: "SurveyAnswers",
                columns: new[] { "OfficeId", "Month" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OfficeEvaluations");

            migrationBuilder.DropTable(
                name: "OfficeTargets");

            migrationBuilder.DropTable(
                name: "SurveyAnswers");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelloWork.Domain.Data.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfficeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Group = table.Column<int>(type: "INTEGER", nullable: false),
                    Workload = table.Column<int>(type: "INTEGER", nullable: false),
                    PlacementsAchievement = table.Column<decimal>(type: "TEXT", precision: 7, scale: 1, nullable: true),
                    FilledOffersAchievement = table.Column<decimal>(type: "TEXT", precision: 7, scale: 1, nullable: true),
                    EarlyReemploymentsAchievement = table.Column<decimal>(type: "TEXT", precision: 7, scale: 1, nullable: true),
                    ReferralRateAchievement = table.Column<decimal>(type: "TEXT", precision: 7, scale: 1, nullable: true),
                    Satisfaction = table.Column<decimal>(type: "TEXT", precision: 7, scale: 1, nullable: true),
                    Score = table.Column<decimal>(type: "TEXT", precision: 7, scale: 1, nullable: false),
                    RankInGroup = table.Column<int>(type: "INTEGER", nullable: false),
                    GroupSize = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    NeedsPlan = table.Column<bool>(type: "INTEGER", nullable: false),
                    EvaluatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ImprovementPlan = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PlanWrittenAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfficeEvaluations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OfficeTargets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfficeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    PlacementsTarget = table.Column<int>(type: "INTEGER", nullable: false),
                    FilledOffersTarget = table.Column<int>(type: "INTEGER", nullable: false),
                    EarlyReemploymentsTarget = table.Column<int>(type: "INTEGER", nullable: false),
                    ReferralRateTarget = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: false),
                    PriorityIndicators = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    PriorityItems = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfficeTargets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SurveyAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfficeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Occasion = table.Column<int>(type: "INTEGER", nullable: false),
                    Satisfaction = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false)
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

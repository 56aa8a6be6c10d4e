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
            migrationBuilder.AddColumn<int>(
                name: "OfferVersion",
                table: "Referrals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "CompletesApplicationsOnline",
                table: "Offices",
                type: "boolean",
                nullable: false,
                defaultValue: false);

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

            migrationBuilder.AddColumn<int>(
                name: "ChangeStatus",
                table: "JobOffers",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ChangeSubmittedAt",
                table: "JobOffers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendingSheet",
                table: "JobOffers",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "JobOffers",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "OfferVersion",
                table: "Applications",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "OfferAdvices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    JobOfferId = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    StaffName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfferAdvices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OfferAdvices_JobOffers_JobOfferId",
                        column: x => x.JobOfferId,
                        principalTable: "JobOffers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OfferVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    JobOfferId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Sheet = table.Column<string>(type: "text", nullable: false),
                    ReplacedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfferVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OfferVersions_JobOffers_JobOfferId",
                        column: x => x.JobOfferId,
                        principalTable: "JobOffers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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
                name: "PreRegistrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    JobseekerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    StepsDone = table.Column<int>(type: "integer", nullable: false),
                    ReceiptNumber = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CompletedOnline = table.Column<bool>(type: "boolean", nullable: false),
                    CompletedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    IdentityDocument = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PreRegistrations", x => x.Id);
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
                name: "IX_OfferAdvices_JobOfferId_CreatedAt",
                table: "OfferAdvices",
                columns: new[] { "JobOfferId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OfferVersions_JobOfferId_Number",
                table: "OfferVersions",
                columns: new[] { "JobOfferId", "Number" },
                unique: true);

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
                name: "IX_PreRegistrations_JobseekerId",
                table: "PreRegistrations",
                column: "JobseekerId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PreRegistrations_OfficeId_Status",
                table: "PreRegistrations",
                columns: new[] { "OfficeId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_PreRegistrations_ReceiptNumber",
                table: "PreRegistrations",
                column: "ReceiptNumber",
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
                name: "OfferAdvices");

            migrationBuilder.DropTable(
                name: "OfferVersions");

            migrationBuilder.DropTable(
                name: "OfficeEvaluations");

            migrationBuilder.DropTable(
                name: "OfficeTargets");

            migrationBuilder.DropTable(
                name: "PreRegistrations");

            migrationBuilder.DropTable(
                name: "SurveyAnswers");

            migrationBuilder.DropColumn(
                name: "OfferVersion",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "CompletesApplicationsOnline",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "BenefitDecidedOn",
                table: "Jobseekers");

            migrationBuilder.DropColumn(
                name: "BenefitPrescribedDays",
                table: "Jobseekers");

            migrationBuilder.DropColumn(
                name: "HoldsBenefit",
                table: "Jobseekers");

            migrationBuilder.DropColumn(
                name: "ChangeStatus",
                table: "JobOffers");

            migrationBuilder.DropColumn(
                name: "ChangeSubmittedAt",
                table: "JobOffers");

            migrationBuilder.DropColumn(
                name: "PendingSheet",
                table: "JobOffers");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "JobOffers");

            migrationBuilder.DropColumn(
                name: "OfferVersion",
                table: "Applications");
        }
    }
}

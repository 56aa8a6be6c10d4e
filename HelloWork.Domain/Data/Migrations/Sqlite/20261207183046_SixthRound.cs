using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelloWork.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SixthRound : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AgencyDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgencyDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgencyDocuments_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_JobOffers_Export",
                table: "JobOffers",
                columns: new[] { "Status", "UpdatedAt", "Id", "ValidUntil", "JobNumber", "Title", "OccupationCode", "Scope", "EstablishmentId", "EstablishmentName", "Prefecture", "Municipality", "EmploymentType", "WageForm", "WageMin", "WageMax", "WorkStartMinutes", "WorkEndMinutes", "AnnualHolidays", "WeeklyTwoDaysOff", "NearStation", "RemoteWork", "UijTurn", "SelfApplication", "Openings", "ReceivedDate" });

            migrationBuilder.CreateIndex(
                name: "IX_AgencyDocuments_AgencyId",
                table: "AgencyDocuments",
                column: "AgencyId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgencyDocuments");

            migrationBuilder.DropIndex(
                name: "IX_JobOffers_Export",
                table: "JobOffers");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelloWork.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Agency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Placements",
                table: "AgencyUsages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Code",
                table: "Agencies",
                type: "TEXT",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnReason",
                table: "Agencies",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReviewedAt",
                table: "Agencies",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PlacementReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JobOfferId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfficeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JobNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    HiredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlacementReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlacementReports_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Agencies_Code",
                table: "Agencies",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlacementReports_AgencyId_HiredOn",
                table: "PlacementReports",
                columns: new[] { "AgencyId", "HiredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PlacementReports_OfficeId_HiredOn",
                table: "PlacementReports",
                columns: new[] { "OfficeId", "HiredOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PlacementReports");

            migrationBuilder.DropIndex(
                name: "IX_Agencies_Code",
                table: "Agencies");

            migrationBuilder.DropColumn(
                name: "Placements",
                table: "AgencyUsages");

            migrationBuilder.DropColumn(
                name: "Code",
                table: "Agencies");

            migrationBuilder.DropColumn(
                name: "ReturnReason",
                table: "Agencies");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "Agencies");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelloWork.Domain.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AgencyUsageAndApplicantIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AgencyUsages",
                columns: table => new
                {
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Month = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    OfferViews = table.Column<int>(type: "integer", nullable: false),
                    ProfileViews = table.Column<int>(type: "integer", nullable: false),
                    Downloads = table.Column<int>(type: "integer", nullable: false),
                    RowsDownloaded = table.Column<long>(type: "bigint", nullable: false),
                    Messages = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgencyUsages", x => new { x.AgencyId, x.Month });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_EstablishmentId_ResultRegisteredAt",
                table: "Applications",
                columns: new[] { "EstablishmentId", "ResultRegisteredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgencyUsages");

            migrationBuilder.DropIndex(
                name: "IX_Applications_EstablishmentId_ResultRegisteredAt",
                table: "Applications");
        }
    }
}

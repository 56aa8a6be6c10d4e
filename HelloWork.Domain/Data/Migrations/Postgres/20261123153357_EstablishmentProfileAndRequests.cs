using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelloWork.Domain.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EstablishmentProfileAndRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BusinessDescription",
                table: "Establishments",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Features",
                table: "Establishments",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ProfileUpdatedAt",
                table: "Establishments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EstablishmentImages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EstablishmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContentType = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    Size = table.Column<int>(type: "integer", nullable: false),
                    Width = table.Column<int>(type: "integer", nullable: false),
                    Height = table.Column<int>(type: "integer", nullable: false),
                    Caption = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EstablishmentImages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EstablishmentImages_Establishments_EstablishmentId",
                        column: x => x.EstablishmentId,
                        principalTable: "Establishments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DirectRequests_EstablishmentId_SentAt",
                table: "DirectRequests",
                columns: new[] { "EstablishmentId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EstablishmentImages_EstablishmentId_SortOrder",
                table: "EstablishmentImages",
                columns: new[] { "EstablishmentId", "SortOrder" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EstablishmentImages");

            migrationBuilder.DropIndex(
                name: "IX_DirectRequests_EstablishmentId_SentAt",
                table: "DirectRequests");

            migrationBuilder.DropColumn(
                name: "BusinessDescription",
                table: "Establishments");

            migrationBuilder.DropColumn(
                name: "Features",
                table: "Establishments");

            migrationBuilder.DropColumn(
                name: "ProfileUpdatedAt",
                table: "Establishments");
        }
    }
}

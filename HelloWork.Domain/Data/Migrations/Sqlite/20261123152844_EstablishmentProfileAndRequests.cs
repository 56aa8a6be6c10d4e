using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelloWork.Domain.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Features",
                table: "Establishments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ProfileUpdatedAt",
                table: "Establishments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EstablishmentImages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EstablishmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Size = table.Column<int>(type: "INTEGER", nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    Caption = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
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

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelloWork.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EstablishmentImageReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RefusalReason",
                table: "EstablishmentImages",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Review",
                table: "EstablishmentImages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "ReviewedAt",
                table: "EstablishmentImages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ReviewedBy",
                table: "EstablishmentImages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SubmittedAt",
                table: "EstablishmentImages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Images uploaded before the check existed were never checked: they stay 確認待ち (Review 0) and wait in their office's
            // queue from the time they were uploaded, rather than being published unchecked (REFERENCE.md: published after a staff check).
            migrationBuilder.Sql("UPDATE \"EstablishmentImages\" SET \"SubmittedAt\" = \"UploadedAt\";");

            migrationBuilder.CreateIndex(
                name: "IX_EstablishmentImages_Review_SubmittedAt",
                table: "EstablishmentImages",
                columns: new[] { "Review", "SubmittedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EstablishmentImages_Review_SubmittedAt",
                table: "EstablishmentImages");

            migrationBuilder.DropColumn(
                name: "RefusalReason",
                table: "EstablishmentImages");

            migrationBuilder.DropColumn(
                name: "Review",
                table: "EstablishmentImages");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "EstablishmentImages");

            migrationBuilder.DropColumn(
                name: "ReviewedBy",
                table: "EstablishmentImages");

            migrationBuilder.DropColumn(
                name: "SubmittedAt",
                table: "EstablishmentImages");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelloWork.Domain.Data.Migrations.Postgres
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
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Review",
                table: "EstablishmentImages",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReviewedAt",
                table: "EstablishmentImages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ReviewedBy",
                table: "EstablishmentImages",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SubmittedAt",
                table: "EstablishmentImages",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

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

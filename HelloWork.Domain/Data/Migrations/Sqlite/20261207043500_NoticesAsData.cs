using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelloWork.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NoticesAsData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Notices become data (kind, subject, arguments; R-NTC-1): add the arguments, convert the stored prose, drop it.
            migrationBuilder.AddColumn<string>(
                name: "Args",
                table: "Notices",
                type: "TEXT",
                nullable: false,
                defaultValue: "{}");

            foreach (var statement in HelloWork.Domain.Notices.NoticeArgsMigration.Statements(postgres: false))
            {
                migrationBuilder.Sql(statement);
            }

            migrationBuilder.DropColumn(
                name: "Link",
                table: "Notices");

            migrationBuilder.DropColumn(
                name: "Title",
                table: "Notices");

            migrationBuilder.DropColumn(
                name: "Body",
                table: "Notices");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The prose is not recovered: old notices come back with empty titles.
            migrationBuilder.DropColumn(
                name: "Args",
                table: "Notices");

            migrationBuilder.AddColumn<string>(
                name: "Body",
                table: "Notices",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Link",
                table: "Notices",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Title",
                table: "Notices",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");
        }
    }
}

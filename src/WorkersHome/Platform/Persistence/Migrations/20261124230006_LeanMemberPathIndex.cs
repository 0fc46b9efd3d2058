using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkersHome.Platform.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class LeanMemberPathIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_members_OrgPath_Status_Name",
                schema: "members",
                table: "members");

            migrationBuilder.CreateIndex(
                name: "IX_members_OrgPath_Status",
                schema: "members",
                table: "members",
                columns: new[] { "OrgPath", "Status" })
                .Annotation("Npgsql:IndexInclude", new[] { "Name", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_members_OrgPath_Status",
                schema: "members",
                table: "members");

            migrationBuilder.CreateIndex(
                name: "IX_members_OrgPath_Status_Name",
                schema: "members",
                table: "members",
                columns: new[] { "OrgPath", "Status", "Name" })
                .Annotation("Npgsql:IndexInclude", new[] { "Id" });
        }
    }
}
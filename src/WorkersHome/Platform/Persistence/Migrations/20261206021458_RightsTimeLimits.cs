using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace WorkersHome.Platform.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RightsTimeLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "time_limit_rules",
                schema: "rights",
                columns: table => new
                {
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Complexity = table.Column<int>(type: "integer", nullable: false),
                    AcceptDays = table.Column<int>(type: "integer", nullable: false),
                    ResolveDays = table.Column<int>(type: "integer", nullable: false),
                    CallbackDays = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_time_limit_rules", x => new { x.Kind, x.Complexity });
                });

            migrationBuilder.InsertData(
                schema: "rights",
                table: "time_limit_rules",
                columns: new[] { "Complexity", "Kind", "AcceptDays", "CallbackDays", "ResolveDays" },
                values: new object[,]
                {
                    { 1, 1, 1, 3, 1 },
                    { 2, 1, 1, 3, 3 },
                    { 3, 1, 1, 3, 5 },
                    { 1, 2, 1, 3, 3 },
                    { 2, 2, 1, 3, 7 },
                    { 3, 2, 1, 3, 15 },
                    { 1, 3, 1, 3, 3 },
                    { 2, 3, 1, 3, 7 },
                    { 3, 3, 1, 3, 15 },
                    { 1, 4, 1, 3, 7 },
                    { 2, 4, 1, 3, 15 },
                    { 3, 4, 1, 3, 30 }
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "time_limit_rules",
                schema: "rights");
        }
    }
}
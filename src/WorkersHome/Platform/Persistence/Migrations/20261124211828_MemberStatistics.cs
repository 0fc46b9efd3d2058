using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkersHome.Platform.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MemberStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "join_stats",
                schema: "members",
                columns: table => new
                {
                    OrgCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Joined = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_join_stats", x => new { x.OrgCode, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "stats",
                schema: "members",
                columns: table => new
                {
                    OrgCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Active = table.Column<int>(type: "integer", nullable: false),
                    Retained = table.Column<int>(type: "integer", nullable: false),
                    FullTime = table.Column<int>(type: "integer", nullable: false),
                    Dispatched = table.Column<int>(type: "integer", nullable: false),
                    PartTime = table.Column<int>(type: "integer", nullable: false),
                    Flexible = table.Column<int>(type: "integer", nullable: false),
                    Migrant = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stats", x => x.OrgCode);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "join_stats",
                schema: "members");

            migrationBuilder.DropTable(
                name: "stats",
                schema: "members");
        }
    }
}
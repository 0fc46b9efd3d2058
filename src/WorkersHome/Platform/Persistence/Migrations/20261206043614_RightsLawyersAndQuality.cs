using Microsoft.EntityFrameworkCore.Migrations;

using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace WorkersHome.Platform.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RightsLawyersAndQuality : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SampleBucket",
                schema: "rights",
                table: "cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "WasReopened",
                schema: "rights",
                table: "cases",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "lawyers",
                schema: "rights",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Firm = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    LicenseNumber = table.Column<string>(type: "character varying(17)", maxLength: 17, nullable: false),
                    Specialties = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ConflictsWith = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    OrgId = table.Column<long>(type: "bigint", nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lawyers", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_lawyers_LicenseNumber",
                schema: "rights",
                table: "lawyers",
                column: "LicenseNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_lawyers_OrgPath",
                schema: "rights",
                table: "lawyers",
                column: "OrgPath");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "lawyers",
                schema: "rights");

            migrationBuilder.DropColumn(
                name: "SampleBucket",
                schema: "rights",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "WasReopened",
                schema: "rights",
                table: "cases");
        }
    }
}
using System;

using Microsoft.EntityFrameworkCore.Migrations;

using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace WorkersHome.Platform.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class HardshipArchive : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "assistance");

            migrationBuilder.CreateTable(
                name: "hardship_attachments",
                schema: "assistance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FileId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hardship_attachments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hardship_files",
                schema: "assistance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    IdMasked = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OrgId = table.Column<long>(type: "bigint", nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, collation: "C"),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    PrimaryCause = table.Column<int>(type: "integer", nullable: false),
                    Causes = table.Column<int>(type: "integer", nullable: false),
                    HouseholdSize = table.Column<int>(type: "integer", nullable: false),
                    Housing = table.Column<int>(type: "integer", nullable: false),
                    DetailsCipher = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    FamilyChecked = table.Column<bool>(type: "boolean", nullable: false),
                    CauseChecked = table.Column<bool>(type: "boolean", nullable: false),
                    NeedsChecked = table.Column<bool>(type: "boolean", nullable: false),
                    CheckedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ProposedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FiledBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FiledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ApprovedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RemindedFor = table.Column<DateOnly>(type: "date", nullable: true),
                    ExitedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LastReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hardship_files", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hardship_steps",
                schema: "assistance",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FileId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ActorOrg = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hardship_steps", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_hardship_attachments_FileId",
                schema: "assistance",
                table: "hardship_attachments",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_hardship_files_MemberId_Open",
                schema: "assistance",
                table: "hardship_files",
                column: "MemberId",
                unique: true,
                filter: "\"Status\" <> 5");

            migrationBuilder.CreateIndex(
                name: "IX_hardship_files_OrgPath_Status",
                schema: "assistance",
                table: "hardship_files",
                columns: new[] { "OrgPath", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_hardship_files_Status_ReviewDueOn",
                schema: "assistance",
                table: "hardship_files",
                columns: new[] { "Status", "ReviewDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_hardship_steps_FileId",
                schema: "assistance",
                table: "hardship_steps",
                column: "FileId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hardship_attachments",
                schema: "assistance");

            migrationBuilder.DropTable(
                name: "hardship_files",
                schema: "assistance");

            migrationBuilder.DropTable(
                name: "hardship_steps",
                schema: "assistance");
        }
    }
}
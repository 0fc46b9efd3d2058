using System;

using Microsoft.EntityFrameworkCore.Migrations;

using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace WorkersHome.Platform.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MutualAidEnrollment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "mutual_aid_enrollments",
                schema: "assistance",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgramId = table.Column<long>(type: "bigint", nullable: false),
                    OrgId = table.Column<long>(type: "bigint", nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, collation: "C"),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: true),
                    PersonName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    PersonIdHash = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IdMasked = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Items = table.Column<int>(type: "integer", nullable: false),
                    Premium = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    PaidBy = table.Column<int>(type: "integer", nullable: false),
                    IllnessHardship = table.Column<bool>(type: "boolean", nullable: false),
                    EnrolledBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EnrolledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mutual_aid_enrollments", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_mutual_aid_enrollments_ProgramId_MemberId",
                schema: "assistance",
                table: "mutual_aid_enrollments",
                columns: new[] { "ProgramId", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_mutual_aid_enrollments_ProgramId_OrgPath",
                schema: "assistance",
                table: "mutual_aid_enrollments",
                columns: new[] { "ProgramId", "OrgPath" });

            migrationBuilder.CreateIndex(
                name: "IX_mutual_aid_enrollments_ProgramId_PersonIdHash",
                schema: "assistance",
                table: "mutual_aid_enrollments",
                columns: new[] { "ProgramId", "PersonIdHash" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "mutual_aid_enrollments",
                schema: "assistance");
        }
    }
}
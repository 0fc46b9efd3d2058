using System;

using Microsoft.EntityFrameworkCore.Migrations;

using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace WorkersHome.Platform.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RightsEscalationAndMessages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "BreachedDueAt",
                schema: "rights",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EscalatedOrgPath",
                schema: "rights",
                table: "cases",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SenderCipher",
                schema: "rights",
                table: "cases",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SenderHash",
                schema: "rights",
                table: "cases",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true,
                collation: "C");

            migrationBuilder.CreateTable(
                name: "inbound_messages",
                schema: "rights",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    Joined = table.Column<bool>(type: "boolean", nullable: false),
                    Reply = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbound_messages", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cases_EscalatedOrgPath_Status",
                schema: "rights",
                table: "cases",
                columns: new[] { "EscalatedOrgPath", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_SenderHash_Status",
                schema: "rights",
                table: "cases",
                columns: new[] { "SenderHash", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_inbound_messages_Key",
                schema: "rights",
                table: "inbound_messages",
                column: "Key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inbound_messages",
                schema: "rights");

            migrationBuilder.DropIndex(
                name: "IX_cases_EscalatedOrgPath_Status",
                schema: "rights",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "IX_cases_SenderHash_Status",
                schema: "rights",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "BreachedDueAt",
                schema: "rights",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "EscalatedOrgPath",
                schema: "rights",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "SenderCipher",
                schema: "rights",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "SenderHash",
                schema: "rights",
                table: "cases");
        }
    }
}
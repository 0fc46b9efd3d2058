using System;

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkersHome.Platform.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RightsEscalation : Migration
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

            migrationBuilder.CreateIndex(
                name: "IX_cases_EscalatedOrgPath_Status",
                schema: "rights",
                table: "cases",
                columns: new[] { "EscalatedOrgPath", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cases_EscalatedOrgPath_Status",
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
        }
    }
}
using System;

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkersHome.Platform.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RightsDeadlineLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AcceptCountedFrom",
                schema: "rights",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AcceptDays",
                schema: "rights",
                table: "cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolveDays",
                schema: "rights",
                table: "cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AcceptCountedFrom",
                schema: "rights",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "AcceptDays",
                schema: "rights",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "ResolveDays",
                schema: "rights",
                table: "cases");
        }
    }
}
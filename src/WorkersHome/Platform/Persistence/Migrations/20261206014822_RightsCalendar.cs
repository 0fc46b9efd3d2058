using System;

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace WorkersHome.Platform.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RightsCalendar : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "rights");

            migrationBuilder.CreateTable(
                name: "calendar_days",
                schema: "rights",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Provisional = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calendar_days", x => x.Date);
                });

            migrationBuilder.InsertData(
                schema: "rights",
                table: "calendar_days",
                columns: new[] { "Date", "Kind", "Name", "Provisional" },
                values: new object[,]
                {
                    { new DateOnly(2025, 1, 1), 1, "元旦", false },
                    { new DateOnly(2025, 1, 26), 2, "春节", false },
                    { new DateOnly(2025, 1, 28), 1, "春节", false },
                    { new DateOnly(2025, 1, 29), 1, "春节", false },
                    { new DateOnly(2025, 1, 30), 1, "春节", false },
                    { new DateOnly(2025, 1, 31), 1, "春节", false },
                    { new DateOnly(2025, 2, 1), 1, "春节", false },
                    { new DateOnly(2025, 2, 2), 1, "春节", false },
                    { new DateOnly(2025, 2, 3), 1, "春节", false },
                    { new DateOnly(2025, 2, 4), 1, "春节", false },
                    { new DateOnly(2025, 2, 8), 2, "春节", false },
                    { new DateOnly(2025, 4, 4), 1, "清明节", false },
                    { new DateOnly(2025, 4, 5), 1, "清明节", false },
                    { new DateOnly(2025, 4, 6), 1, "清明节", false },
                    { new DateOnly(2025, 4, 27), 2, "劳动节", false },
                    { new DateOnly(2025, 5, 1), 1, "劳动节", false },
                    { new DateOnly(2025, 5, 2), 1, "劳动节", false },
                    { new DateOnly(2025, 5, 3), 1, "劳动节", false },
                    { new DateOnly(2025, 5, 4), 1, "劳动节", false },
                    { new DateOnly(2025, 5, 5), 1, "劳动节", false },
                    { new DateOnly(2025, 5, 31), 1, "端午节", false },
                    { new DateOnly(2025, 6, 1), 1, "端午节", false },
                    { new DateOnly(2025, 6, 2), 1, "端午节", false },
                    { new DateOnly(2025, 9, 28), 2, "国庆节、中秋节", false },
                    { new DateOnly(2025, 10, 1), 1, "国庆节、中秋节", false },
                    { new DateOnly(2025, 10, 2), 1, "国庆节、中秋节", false },
                    { new DateOnly(2025, 10, 3), 1, "国庆节、中秋节", false },
                    { new DateOnly(2025, 10, 4), 1, "国庆节、中秋节", false },
                    { new DateOnly(2025, 10, 5), 1, "国庆节、中秋节", false },
                    { new DateOnly(2025, 10, 6), 1, "国庆节、中秋节", false },
                    { new DateOnly(2025, 10, 7), 1, "国庆节、中秋节", false },
                    { new DateOnly(2025, 10, 8), 1, "国庆节、中秋节", false },
                    { new DateOnly(2025, 10, 11), 2, "国庆节、中秋节", false },
                    { new DateOnly(2026, 1, 1), 1, "元旦", false },
                    { new DateOnly(2026, 1, 2), 1, "元旦", false },
                    { new DateOnly(2026, 1, 3), 1, "元旦", false },
                    { new DateOnly(2026, 1, 4), 2, "元旦", false },
                    { new DateOnly(2026, 2, 14), 2, "春节", false },
                    { new DateOnly(2026, 2, 15), 1, "春节", false },
                    { new DateOnly(2026, 2, 16), 1, "春节", false },
                    { new DateOnly(2026, 2, 17), 1, "春节", false },
                    { new DateOnly(2026, 2, 18), 1, "春节", false },
                    { new DateOnly(2026, 2, 19), 1, "春节", false },
                    { new DateOnly(2026, 2, 20), 1, "春节", false },
                    { new DateOnly(2026, 2, 21), 1, "春节", false },
                    { new DateOnly(2026, 2, 22), 1, "春节", false },
                    { new DateOnly(2026, 2, 23), 1, "春节", false },
                    { new DateOnly(2026, 2, 28), 2, "春节", false },
                    { new DateOnly(2026, 4, 4), 1, "清明节", false },
                    { new DateOnly(2026, 4, 5), 1, "清明节", false },
                    { new DateOnly(2026, 4, 6), 1, "清明节", false },
                    { new DateOnly(2026, 5, 1), 1, "劳动节", false },
                    { new DateOnly(2026, 5, 2), 1, "劳动节", false },
                    { new DateOnly(2026, 5, 3), 1, "劳动节", false },
                    { new DateOnly(2026, 5, 4), 1, "劳动节", false },
                    { new DateOnly(2026, 5, 5), 1, "劳动节", false },
                    { new DateOnly(2026, 5, 9), 2, "劳动节", false },
                    { new DateOnly(2026, 6, 19), 1, "端午节", false },
                    { new DateOnly(2026, 6, 20), 1, "端午节", false },
                    { new DateOnly(2026, 6, 21), 1, "端午节", false },
                    { new DateOnly(2026, 9, 20), 2, "国庆节", false },
                    { new DateOnly(2026, 9, 25), 1, "中秋节", false },
                    { new DateOnly(2026, 9, 26), 1, "中秋节", false },
                    { new DateOnly(2026, 9, 27), 1, "中秋节", false },
                    { new DateOnly(2026, 10, 1), 1, "国庆节", false },
                    { new DateOnly(2026, 10, 2), 1, "国庆节", false },
                    { new DateOnly(2026, 10, 3), 1, "国庆节", false },
                    { new DateOnly(2026, 10, 4), 1, "国庆节", false },
                    { new DateOnly(2026, 10, 5), 1, "国庆节", false },
                    { new DateOnly(2026, 10, 6), 1, "国庆节", false },
                    { new DateOnly(2026, 10, 7), 1, "国庆节", false },
                    { new DateOnly(2026, 10, 10), 2, "国庆节", false },
                    { new DateOnly(2027, 1, 1), 1, "元旦", true },
                    { new DateOnly(2027, 2, 5), 1, "春节", true },
                    { new DateOnly(2027, 2, 6), 1, "春节", true },
                    { new DateOnly(2027, 2, 7), 1, "春节", true },
                    { new DateOnly(2027, 2, 8), 1, "春节", true },
                    { new DateOnly(2027, 4, 5), 1, "清明节", true },
                    { new DateOnly(2027, 5, 1), 1, "劳动节", true },
                    { new DateOnly(2027, 5, 2), 1, "劳动节", true },
                    { new DateOnly(2027, 6, 9), 1, "端午节", true },
                    { new DateOnly(2027, 9, 15), 1, "中秋节", true },
                    { new DateOnly(2027, 10, 1), 1, "国庆节", true },
                    { new DateOnly(2027, 10, 2), 1, "国庆节", true },
                    { new DateOnly(2027, 10, 3), 1, "国庆节", true }
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "calendar_days",
                schema: "rights");
        }
    }
}
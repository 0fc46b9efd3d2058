using System;

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkersHome.Platform.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RedemptionDay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_redemptions_MerchantId_At",
                schema: "merchants",
                table: "redemptions");

            migrationBuilder.DropIndex(
                name: "IX_redemptions_OrgPath_At",
                schema: "merchants",
                table: "redemptions");

            migrationBuilder.AddColumn<DateOnly>(
                name: "Day",
                schema: "merchants",
                table: "redemptions",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // Sales recorded before the column existed count on their China business day.
            migrationBuilder.Sql("""UPDATE merchants.redemptions SET "Day" = ("At" AT TIME ZONE 'Asia/Shanghai')::date;""");

            migrationBuilder.CreateIndex(
                name: "IX_redemptions_MerchantId_Day",
                schema: "merchants",
                table: "redemptions",
                columns: new[] { "MerchantId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_redemptions_OrgPath_Day",
                schema: "merchants",
                table: "redemptions",
                columns: new[] { "OrgPath", "Day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_redemptions_MerchantId_Day",
                schema: "merchants",
                table: "redemptions");

            migrationBuilder.DropIndex(
                name: "IX_redemptions_OrgPath_Day",
                schema: "merchants",
                table: "redemptions");

            migrationBuilder.DropColumn(
                name: "Day",
                schema: "merchants",
                table: "redemptions");

            migrationBuilder.CreateIndex(
                name: "IX_redemptions_MerchantId_At",
                schema: "merchants",
                table: "redemptions",
                columns: new[] { "MerchantId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_redemptions_OrgPath_At",
                schema: "merchants",
                table: "redemptions",
                columns: new[] { "OrgPath", "At" });
        }
    }
}
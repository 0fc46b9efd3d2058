using System;

using Microsoft.EntityFrameworkCore.Migrations;

using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace WorkersHome.Platform.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PartnerMerchants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "merchants");

            migrationBuilder.CreateTable(
                name: "merchants",
                schema: "merchants",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrgId = table.Column<long>(type: "bigint", nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreditCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    Category = table.Column<int>(type: "integer", nullable: false),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: false),
                    Longitude = table.Column<double>(type: "double precision", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_merchants", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "offers",
                schema: "merchants",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MerchantId = table.Column<long>(type: "bigint", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: false),
                    Limit = table.Column<int>(type: "integer", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_offers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "redemptions",
                schema: "merchants",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MerchantId = table.Column<long>(type: "bigint", nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, collation: "C"),
                    OfferId = table.Column<long>(type: "bigint", nullable: false),
                    CardId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    PresentationKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UsageKey = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    SaleAmount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    Discount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StaffId = table.Column<long>(type: "bigint", nullable: false),
                    HolderMasked = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_redemptions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "staff",
                schema: "merchants",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MerchantId = table.Column<long>(type: "bigint", nullable: false),
                    UserName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    PasswordHash = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FailedSignIns = table.Column<int>(type: "integer", nullable: false),
                    LockedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    IsDisabled = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_merchants_CreditCode",
                schema: "merchants",
                table: "merchants",
                column: "CreditCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_merchants_OrgPath_Name",
                schema: "merchants",
                table: "merchants",
                columns: new[] { "OrgPath", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_offers_MerchantId",
                schema: "merchants",
                table: "offers",
                column: "MerchantId");

            migrationBuilder.CreateIndex(
                name: "IX_redemptions_MerchantId_At",
                schema: "merchants",
                table: "redemptions",
                columns: new[] { "MerchantId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_redemptions_OfferId_MemberId_UsageKey",
                schema: "merchants",
                table: "redemptions",
                columns: new[] { "OfferId", "MemberId", "UsageKey" },
                unique: true,
                filter: "\"UsageKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_redemptions_OrgPath_At",
                schema: "merchants",
                table: "redemptions",
                columns: new[] { "OrgPath", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_redemptions_PresentationKey",
                schema: "merchants",
                table: "redemptions",
                column: "PresentationKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_staff_MerchantId",
                schema: "merchants",
                table: "staff",
                column: "MerchantId");

            migrationBuilder.CreateIndex(
                name: "IX_staff_UserName",
                schema: "merchants",
                table: "staff",
                column: "UserName",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "merchants",
                schema: "merchants");

            migrationBuilder.DropTable(
                name: "offers",
                schema: "merchants");

            migrationBuilder.DropTable(
                name: "redemptions",
                schema: "merchants");

            migrationBuilder.DropTable(
                name: "staff",
                schema: "merchants");
        }
    }
}
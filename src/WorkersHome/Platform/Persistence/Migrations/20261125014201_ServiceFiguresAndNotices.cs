using System;

using Microsoft.EntityFrameworkCore.Migrations;

using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace WorkersHome.Platform.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ServiceFiguresAndNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Counted",
                schema: "merchants",
                table: "redemptions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "member_notices",
                schema: "platform",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RecipientHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Link = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReadAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OutboxMessageId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_member_notices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tree_counters",
                schema: "platform",
                columns: table => new
                {
                    OrgCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Metric = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Key = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tree_counters", x => new { x.OrgCode, x.Metric, x.Key });
                });

            migrationBuilder.CreateIndex(
                name: "IX_redemptions_uncounted",
                schema: "merchants",
                table: "redemptions",
                column: "Id",
                filter: "NOT \"Counted\"");

            migrationBuilder.CreateIndex(
                name: "IX_member_notices_OutboxMessageId",
                schema: "platform",
                table: "member_notices",
                column: "OutboxMessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_member_notices_RecipientHash_Id",
                schema: "platform",
                table: "member_notices",
                columns: new[] { "RecipientHash", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "member_notices",
                schema: "platform");

            migrationBuilder.DropTable(
                name: "tree_counters",
                schema: "platform");

            migrationBuilder.DropIndex(
                name: "IX_redemptions_uncounted",
                schema: "merchants",
                table: "redemptions");

            migrationBuilder.DropColumn(
                name: "Counted",
                schema: "merchants",
                table: "redemptions");
        }
    }
}
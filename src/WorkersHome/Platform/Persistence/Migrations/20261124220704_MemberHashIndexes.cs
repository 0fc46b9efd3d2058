using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkersHome.Platform.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MemberHashIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_members_OrgId",
                schema: "members",
                table: "members");

            migrationBuilder.DropIndex(
                name: "IX_members_PhoneHash",
                schema: "members",
                table: "members");

            migrationBuilder.AlterColumn<string>(
                name: "PhoneHash",
                schema: "members",
                table: "members",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "IdHash",
                schema: "members",
                table: "members",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64);

            migrationBuilder.CreateIndex(
                name: "IX_members_PhoneHash",
                schema: "members",
                table: "members",
                column: "PhoneHash")
                .Annotation("Npgsql:IndexMethod", "hash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_members_PhoneHash",
                schema: "members",
                table: "members");

            migrationBuilder.AlterColumn<string>(
                name: "PhoneHash",
                schema: "members",
                table: "members",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64,
                oldNullable: true,
                oldCollation: "C");

            migrationBuilder.AlterColumn<string>(
                name: "IdHash",
                schema: "members",
                table: "members",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64,
                oldCollation: "C");

            migrationBuilder.CreateIndex(
                name: "IX_members_OrgId",
                schema: "members",
                table: "members",
                column: "OrgId");

            migrationBuilder.CreateIndex(
                name: "IX_members_PhoneHash",
                schema: "members",
                table: "members",
                column: "PhoneHash");
        }
    }
}
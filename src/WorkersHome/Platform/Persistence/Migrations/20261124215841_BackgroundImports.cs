using System;

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkersHome.Platform.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class BackgroundImports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ErrorReport",
                schema: "members",
                table: "imports");

            migrationBuilder.AddColumn<Guid>(
                name: "ActorId",
                schema: "members",
                table: "imports",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                schema: "members",
                table: "imports",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "AttemptsBeforeRestart",
                schema: "members",
                table: "imports",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "BytesDone",
                schema: "members",
                table: "imports",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "Culture",
                schema: "members",
                table: "imports",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Failure",
                schema: "members",
                table: "imports",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FileBytes",
                schema: "members",
                table: "imports",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FinishedAt",
                schema: "members",
                table: "imports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "HasErrorReport",
                schema: "members",
                table: "imports",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LeaseUntil",
                schema: "members",
                table: "imports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Processed",
                schema: "members",
                table: "imports",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "State",
                schema: "members",
                table: "imports",
                type: "integer",
                nullable: false,
                defaultValue: 3); // Imports from before background runs had all finished.

            migrationBuilder.CreateIndex(
                name: "IX_imports_State_LeaseUntil",
                schema: "members",
                table: "imports",
                columns: new[] { "State", "LeaseUntil" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_imports_State_LeaseUntil",
                schema: "members",
                table: "imports");

            migrationBuilder.DropColumn(
                name: "ActorId",
                schema: "members",
                table: "imports");

            migrationBuilder.DropColumn(
                name: "Attempts",
                schema: "members",
                table: "imports");

            migrationBuilder.DropColumn(
                name: "AttemptsBeforeRestart",
                schema: "members",
                table: "imports");

            migrationBuilder.DropColumn(
                name: "BytesDone",
                schema: "members",
                table: "imports");

            migrationBuilder.DropColumn(
                name: "Culture",
                schema: "members",
                table: "imports");

            migrationBuilder.DropColumn(
                name: "Failure",
                schema: "members",
                table: "imports");

            migrationBuilder.DropColumn(
                name: "FileBytes",
                schema: "members",
                table: "imports");

            migrationBuilder.DropColumn(
                name: "FinishedAt",
                schema: "members",
                table: "imports");

            migrationBuilder.DropColumn(
                name: "HasErrorReport",
                schema: "members",
                table: "imports");

            migrationBuilder.DropColumn(
                name: "LeaseUntil",
                schema: "members",
                table: "imports");

            migrationBuilder.DropColumn(
                name: "Processed",
                schema: "members",
                table: "imports");

            migrationBuilder.DropColumn(
                name: "State",
                schema: "members",
                table: "imports");

            migrationBuilder.AddColumn<string>(
                name: "ErrorReport",
                schema: "members",
                table: "imports",
                type: "text",
                nullable: true);
        }
    }
}
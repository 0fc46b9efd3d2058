using System;

using Microsoft.EntityFrameworkCore.Migrations;

using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace WorkersHome.Platform.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AuditSealedAfterCommit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<long>(
                name: "Sequence",
                schema: "audit",
                table: "entries",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.CreateTable(
                name: "checkpoints",
                schema: "audit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PeriodStart = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    KeyId = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Signature = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_checkpoints", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_entries_unsealed",
                schema: "audit",
                table: "entries",
                column: "Id",
                filter: "\"Sequence\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_checkpoints_PeriodStart",
                schema: "audit",
                table: "checkpoints",
                column: "PeriodStart",
                unique: true);

            // Writers insert unsealed rows; the sealer fills in the chain columns once (ADR 0016). The table stays
            // append-only for everything else: no delete, no truncate, no change to what a row says, no second sealing.
            migrationBuilder.Sql("""
                DROP TRIGGER entries_append_only ON audit.entries;
                CREATE TRIGGER entries_append_only BEFORE DELETE OR TRUNCATE ON audit.entries
                    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
                CREATE FUNCTION audit.allow_sealing_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF OLD."Sequence" IS NULL AND NEW."Sequence" IS NOT NULL
                       AND (NEW."Id", NEW."At", NEW."ActorId", NEW."ActorName", NEW."Action", NEW."Succeeded",
                            NEW."TargetType", NEW."TargetId", NEW."OrgPath", NEW."Detail", NEW."ClientIp")
                           IS NOT DISTINCT FROM
                           (OLD."Id", OLD."At", OLD."ActorId", OLD."ActorName", OLD."Action", OLD."Succeeded",
                            OLD."TargetType", OLD."TargetId", OLD."OrgPath", OLD."Detail", OLD."ClientIp") THEN
                        RETURN NEW;
                    END IF;
                    RAISE EXCEPTION 'audit.entries is append-only: a row is only ever sealed, once';
                END $$;
                CREATE TRIGGER entries_sealed_once BEFORE UPDATE ON audit.entries
                    FOR EACH ROW EXECUTE FUNCTION audit.allow_sealing_only();
                CREATE TRIGGER checkpoints_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit.checkpoints
                    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS checkpoints_append_only ON audit.checkpoints;
                DROP TRIGGER IF EXISTS entries_sealed_once ON audit.entries;
                DROP FUNCTION IF EXISTS audit.allow_sealing_only();
                DROP TRIGGER IF EXISTS entries_append_only ON audit.entries;
                CREATE TRIGGER entries_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit.entries
                    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
                """);

            migrationBuilder.DropTable(
                name: "checkpoints",
                schema: "audit");

            migrationBuilder.DropIndex(
                name: "IX_entries_unsealed",
                schema: "audit",
                table: "entries");

            migrationBuilder.AlterColumn<long>(
                name: "Sequence",
                schema: "audit",
                table: "entries",
                type: "bigint",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);
        }
    }
}
using System;

using Microsoft.EntityFrameworkCore.Migrations;

using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace WorkersHome.Platform.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AssistancePrograms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PersonIdHash",
                schema: "identity",
                table: "users",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "application_steps",
                schema: "assistance",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ActorOrg = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(800)", maxLength: 800, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_application_steps", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "applications",
                schema: "assistance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgramId = table.Column<long>(type: "bigint", nullable: false),
                    RuleVersionId = table.Column<long>(type: "bigint", nullable: false),
                    RuleVersionNumber = table.Column<int>(type: "integer", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    IdMasked = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OrgId = table.Column<long>(type: "bigint", nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, collation: "C"),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    SchoolLevel = table.Column<int>(type: "integer", nullable: true),
                    Amount = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    ExplanationZh = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ExplanationEn = table.Column<string>(type: "character varying(800)", maxLength: 800, nullable: false),
                    ApprovalLevel = table.Column<int>(type: "integer", nullable: false),
                    ApproversNeeded = table.Column<int>(type: "integer", nullable: false),
                    FirstApprover = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    HouseholdIdHashes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    PersonKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SubmissionKey = table.Column<Guid>(type: "uuid", nullable: false),
                    FactsCipher = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    BudgetId = table.Column<long>(type: "bigint", nullable: true),
                    FiledBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FiledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_applications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "fund_entries",
                schema: "assistance",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgramId = table.Column<long>(type: "bigint", nullable: false),
                    BudgetId = table.Column<long>(type: "bigint", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fund_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "program_budgets",
                schema: "assistance",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgramId = table.Column<long>(type: "bigint", nullable: false),
                    OrgId = table.Column<long>(type: "bigint", nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, collation: "C"),
                    OrgName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ParentId = table.Column<long>(type: "bigint", nullable: true),
                    Amount = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    AllocatedOut = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    Reserved = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    Paid = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_program_budgets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "program_rule_versions",
                schema: "assistance",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgramId = table.Column<long>(type: "bigint", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    RulesJson = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    EffectiveFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_program_rule_versions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "programs",
                schema: "assistance",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Type = table.Column<int>(type: "integer", nullable: false),
                    OrgId = table.Column<long>(type: "bigint", nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, collation: "C"),
                    OrgName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    RulesVersion = table.Column<int>(type: "integer", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_programs", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_application_steps_ApplicationId",
                schema: "assistance",
                table: "application_steps",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_applications_MemberId_ProgramId",
                schema: "assistance",
                table: "applications",
                columns: new[] { "MemberId", "ProgramId" });

            migrationBuilder.CreateIndex(
                name: "IX_applications_ProgramId_PersonKey_Live",
                schema: "assistance",
                table: "applications",
                columns: new[] { "ProgramId", "PersonKey" },
                unique: true,
                filter: "\"Status\" NOT IN (4, 5)");

            migrationBuilder.CreateIndex(
                name: "IX_applications_ProgramId_Status_OrgPath",
                schema: "assistance",
                table: "applications",
                columns: new[] { "ProgramId", "Status", "OrgPath" });

            migrationBuilder.CreateIndex(
                name: "IX_applications_SubmissionKey",
                schema: "assistance",
                table: "applications",
                column: "SubmissionKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fund_entries_ApplicationId",
                schema: "assistance",
                table: "fund_entries",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_fund_entries_IdempotencyKey",
                schema: "assistance",
                table: "fund_entries",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fund_entries_ProgramId_BudgetId_Kind",
                schema: "assistance",
                table: "fund_entries",
                columns: new[] { "ProgramId", "BudgetId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_program_budgets_ProgramId_OrgId",
                schema: "assistance",
                table: "program_budgets",
                columns: new[] { "ProgramId", "OrgId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_program_rule_versions_ProgramId_Number",
                schema: "assistance",
                table: "program_rule_versions",
                columns: new[] { "ProgramId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_programs_OrgPath",
                schema: "assistance",
                table: "programs",
                column: "OrgPath");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "application_steps",
                schema: "assistance");

            migrationBuilder.DropTable(
                name: "applications",
                schema: "assistance");

            migrationBuilder.DropTable(
                name: "fund_entries",
                schema: "assistance");

            migrationBuilder.DropTable(
                name: "program_budgets",
                schema: "assistance");

            migrationBuilder.DropTable(
                name: "program_rule_versions",
                schema: "assistance");

            migrationBuilder.DropTable(
                name: "programs",
                schema: "assistance");

            migrationBuilder.DropColumn(
                name: "PersonIdHash",
                schema: "identity",
                table: "users");
        }
    }
}
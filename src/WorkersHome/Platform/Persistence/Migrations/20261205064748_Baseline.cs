using System;

using Microsoft.EntityFrameworkCore.Migrations;

using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace WorkersHome.Platform.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "identity");

            migrationBuilder.EnsureSchema(
                name: "assistance");

            migrationBuilder.EnsureSchema(
                name: "cards");

            migrationBuilder.EnsureSchema(
                name: "members");

            migrationBuilder.EnsureSchema(
                name: "platform");

            migrationBuilder.EnsureSchema(
                name: "audit");

            migrationBuilder.EnsureSchema(
                name: "org");

            migrationBuilder.EnsureSchema(
                name: "merchants");

            migrationBuilder.CreateTable(
                name: "api_tokens",
                schema: "identity",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_api_tokens", x => x.Id);
                });

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
                name: "benefits",
                schema: "cards",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrgPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, collation: "C"),
                    Zh = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    En = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_benefits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "campaign_figures",
                schema: "assistance",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrgId = table.Column<long>(type: "bigint", nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, collation: "C"),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Trained = table.Column<int>(type: "integer", nullable: false),
                    ReEmployed = table.Column<int>(type: "integer", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_campaign_figures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cards",
                schema: "cards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgId = table.Column<long>(type: "bigint", nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, collation: "C"),
                    Number = table.Column<string>(type: "character varying(19)", maxLength: 19, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StatusChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReplacesCardId = table.Column<Guid>(type: "uuid", nullable: true),
                    BankName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    BankCardLast4 = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    BankAccountCipher = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cards", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "code_entries",
                schema: "members",
                columns: table => new
                {
                    Table = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    Zh = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    En = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_code_entries", x => new { x.Table, x.Code });
                });

            migrationBuilder.CreateTable(
                name: "code_synonyms",
                schema: "members",
                columns: table => new
                {
                    Table = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Text = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_code_synonyms", x => new { x.Table, x.Text });
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                schema: "platform",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_protection_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "entries",
                schema: "audit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: true),
                    ActorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Action = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Succeeded = table.Column<bool>(type: "boolean", nullable: false),
                    TargetType = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    TargetId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    OrgPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true, collation: "C"),
                    Detail = table.Column<string>(type: "text", nullable: true),
                    ClientIp = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "events",
                schema: "members",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgId = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_events", x => x.Id);
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
                name: "hardship_attachments",
                schema: "assistance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FileId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hardship_attachments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hardship_files",
                schema: "assistance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    IdMasked = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OrgId = table.Column<long>(type: "bigint", nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, collation: "C"),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    PrimaryCause = table.Column<int>(type: "integer", nullable: false),
                    Causes = table.Column<int>(type: "integer", nullable: false),
                    HouseholdSize = table.Column<int>(type: "integer", nullable: false),
                    Housing = table.Column<int>(type: "integer", nullable: false),
                    DetailsCipher = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    FamilyChecked = table.Column<bool>(type: "boolean", nullable: false),
                    CauseChecked = table.Column<bool>(type: "boolean", nullable: false),
                    NeedsChecked = table.Column<bool>(type: "boolean", nullable: false),
                    CheckedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ProposedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FiledBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FiledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ApprovedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RemindedFor = table.Column<DateOnly>(type: "date", nullable: true),
                    ExitedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LastReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hardship_files", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hardship_steps",
                schema: "assistance",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FileId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ActorOrg = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hardship_steps", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "history",
                schema: "org",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrgId = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: true),
                    ActorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_history", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "import_column_mappings",
                schema: "members",
                columns: table => new
                {
                    OrgPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, collation: "C"),
                    Map = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_import_column_mappings", x => x.OrgPath);
                });

            migrationBuilder.CreateTable(
                name: "imports",
                schema: "members",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: true),
                    ActorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, collation: "C"),
                    Culture = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Mode = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    FileBytes = table.Column<long>(type: "bigint", nullable: false),
                    BytesDone = table.Column<long>(type: "bigint", nullable: false),
                    Processed = table.Column<int>(type: "integer", nullable: false),
                    LeaseUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    AttemptsBeforeRestart = table.Column<int>(type: "integer", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Failure = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Rows = table.Column<int>(type: "integer", nullable: false),
                    Added = table.Column<int>(type: "integer", nullable: false),
                    Updated = table.Column<int>(type: "integer", nullable: false),
                    Unchanged = table.Column<int>(type: "integer", nullable: false),
                    Rejected = table.Column<int>(type: "integer", nullable: false),
                    Applied = table.Column<bool>(type: "boolean", nullable: false),
                    HasErrorReport = table.Column<bool>(type: "boolean", nullable: false),
                    ColumnMap = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Summary = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_imports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "join_applications",
                schema: "members",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PhoneHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PhoneCipher = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PhoneMasked = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    IdHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IdCipher = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IdMasked = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Details = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    OrgId = table.Column<long>(type: "bigint", nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, collation: "C"),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_join_applications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "join_stats",
                schema: "members",
                columns: table => new
                {
                    OrgCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Joined = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_join_stats", x => new { x.OrgCode, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "logins",
                schema: "members",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    PhoneHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PhoneMasked = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LinkedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastSignInAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_logins", x => x.Id);
                });

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
                name: "members",
                schema: "members",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgId = table.Column<long>(type: "bigint", nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Gender = table.Column<int>(type: "integer", nullable: false),
                    EthnicityCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    IdType = table.Column<int>(type: "integer", nullable: false),
                    IdCipher = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IdHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    IdMasked = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    PhoneCipher = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PhoneHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    PhoneMasked = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    EducationCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    PoliticalStatusCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    EmployerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    EmploymentForm = table.Column<int>(type: "integer", nullable: false),
                    PlatformName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    IsMigrantWorker = table.Column<bool>(type: "boolean", nullable: false),
                    HouseholdRegistration = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    JoinedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Groups = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_members", x => x.Id);
                });

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
                name: "mutual_aid_enrollments",
                schema: "assistance",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgramId = table.Column<long>(type: "bigint", nullable: false),
                    OrgId = table.Column<long>(type: "bigint", nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, collation: "C"),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: true),
                    PersonName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    PersonIdHash = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IdMasked = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Items = table.Column<int>(type: "integer", nullable: false),
                    Premium = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    PaidBy = table.Column<int>(type: "integer", nullable: false),
                    IllnessHardship = table.Column<bool>(type: "boolean", nullable: false),
                    EnrolledBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EnrolledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mutual_aid_enrollments", x => x.Id);
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
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    Groups = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_offers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                schema: "platform",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Channel = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    RecipientCipher = table.Column<string>(type: "text", nullable: true),
                    RecipientMasked = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    RecipientHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ClientIp = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Body = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClaimedBy = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    ClaimExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeliveredBy = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_deliveries",
                schema: "platform",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MessageId = table.Column<long>(type: "bigint", nullable: false),
                    Instance = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_deliveries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "payment_batches",
                schema: "assistance",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgramId = table.Column<long>(type: "bigint", nullable: false),
                    OrgId = table.Column<long>(type: "bigint", nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, collation: "C"),
                    OrgName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ItemCount = table.Column<int>(type: "integer", nullable: false),
                    Total = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    RequestKey = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ConfirmedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payment_batches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "payments",
                schema: "assistance",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgramId = table.Column<long>(type: "bigint", nullable: false),
                    BudgetId = table.Column<long>(type: "bigint", nullable: false),
                    OrgId = table.Column<long>(type: "bigint", nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, collation: "C"),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    PayeeName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    IdMasked = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    BankName = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ToCardAccount = table.Column<bool>(type: "boolean", nullable: false),
                    AccountCipher = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    AccountMasked = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    BatchId = table.Column<long>(type: "bigint", nullable: true),
                    Attempt = table.Column<int>(type: "integer", nullable: false),
                    FailureReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PaidAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SendToken = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payments", x => x.Id);
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
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    StaffId = table.Column<long>(type: "bigint", nullable: false),
                    HolderMasked = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Counted = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_redemptions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "roles",
                schema: "identity",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_roles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rollups",
                schema: "org",
                columns: table => new
                {
                    OrgId = table.Column<long>(type: "bigint", nullable: false),
                    SubUnits = table.Column<int>(type: "integer", nullable: false),
                    GrassrootsUnions = table.Column<int>(type: "integer", nullable: false),
                    Members = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rollups", x => x.OrgId);
                });

            migrationBuilder.CreateTable(
                name: "sms_login_codes",
                schema: "platform",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PhoneHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FailedAttempts = table.Column<int>(type: "integer", nullable: false),
                    UsedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sms_login_codes", x => x.Id);
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

            migrationBuilder.CreateTable(
                name: "stats",
                schema: "members",
                columns: table => new
                {
                    OrgCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Active = table.Column<int>(type: "integer", nullable: false),
                    Retained = table.Column<int>(type: "integer", nullable: false),
                    FullTime = table.Column<int>(type: "integer", nullable: false),
                    Dispatched = table.Column<int>(type: "integer", nullable: false),
                    PartTime = table.Column<int>(type: "integer", nullable: false),
                    Flexible = table.Column<int>(type: "integer", nullable: false),
                    Migrant = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stats", x => x.OrgCode);
                });

            migrationBuilder.CreateTable(
                name: "status_changes",
                schema: "cards",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CardId = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<int>(type: "integer", nullable: true),
                    To = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_status_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "transfers",
                schema: "members",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    IdMasked = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FromOrgId = table.Column<long>(type: "bigint", nullable: false),
                    FromPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, collation: "C"),
                    ToOrgId = table.Column<long>(type: "bigint", nullable: false),
                    ToPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, collation: "C"),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_transfers", x => x.Id);
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

            migrationBuilder.CreateTable(
                name: "units",
                schema: "org",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    ParentId = table.Column<long>(type: "bigint", nullable: true),
                    Path = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, collation: "C"),
                    Depth = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    MergedIntoId = table.Column<long>(type: "bigint", nullable: true),
                    UnionType = table.Column<int>(type: "integer", nullable: true),
                    EmployerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreditCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    FoundedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ChairName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ContactName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ContactPhone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_units", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "users",
                schema: "identity",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrgId = table.Column<long>(type: "bigint", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IsDisabled = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PersonIdHash = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_users", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "visit_photos",
                schema: "assistance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VisitId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_visit_photos", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "visits",
                schema: "assistance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Campaign = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    OrgId = table.Column<long>(type: "bigint", nullable: false),
                    OrgPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false, collation: "C"),
                    Group = table.Column<int>(type: "integer", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    VisitedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Visitors = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Given = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    GivenAmount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    Notes = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    PlannedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_visits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "role_claims",
                schema: "identity",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_role_claims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_role_claims_roles_RoleId",
                        column: x => x.RoleId,
                        principalSchema: "identity",
                        principalTable: "roles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_claims",
                schema: "identity",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_user_claims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_user_claims_users_UserId",
                        column: x => x.UserId,
                        principalSchema: "identity",
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_logins",
                schema: "identity",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_user_logins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_user_logins_users_UserId",
                        column: x => x.UserId,
                        principalSchema: "identity",
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_roles",
                schema: "identity",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RoleId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_user_roles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_user_roles_roles_RoleId",
                        column: x => x.RoleId,
                        principalSchema: "identity",
                        principalTable: "roles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_user_roles_users_UserId",
                        column: x => x.UserId,
                        principalSchema: "identity",
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_tokens",
                schema: "identity",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_user_tokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_user_tokens_users_UserId",
                        column: x => x.UserId,
                        principalSchema: "identity",
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                schema: "members",
                table: "code_entries",
                columns: new[] { "Code", "Table", "En", "SortOrder", "Zh" },
                values: new object[,]
                {
                    { "10", "education", "Postgraduate", 0, "研究生教育" },
                    { "20", "education", "Bachelor's", 1, "大学本科教育" },
                    { "30", "education", "Junior college", 2, "大学专科教育" },
                    { "40", "education", "Secondary vocational", 3, "中等职业教育" },
                    { "60", "education", "Senior high school", 4, "普通高级中学教育" },
                    { "70", "education", "Junior high school", 5, "初级中学教育" },
                    { "80", "education", "Primary school", 6, "小学教育" },
                    { "90", "education", "Other", 7, "其他" },
                    { "01", "ethnicity", "Han", 0, "汉族" },
                    { "02", "ethnicity", "Mongol", 1, "蒙古族" },
                    { "03", "ethnicity", "Hui", 2, "回族" },
                    { "04", "ethnicity", "Tibetan", 3, "藏族" },
                    { "05", "ethnicity", "Uyghur", 4, "维吾尔族" },
                    { "06", "ethnicity", "Miao", 5, "苗族" },
                    { "07", "ethnicity", "Yi", 6, "彝族" },
                    { "08", "ethnicity", "Zhuang", 7, "壮族" },
                    { "09", "ethnicity", "Bouyei", 8, "布依族" },
                    { "10", "ethnicity", "Korean", 9, "朝鲜族" },
                    { "11", "ethnicity", "Manchu", 10, "满族" },
                    { "12", "ethnicity", "Dong", 11, "侗族" },
                    { "13", "ethnicity", "Yao", 12, "瑶族" },
                    { "14", "ethnicity", "Bai", 13, "白族" },
                    { "15", "ethnicity", "Tujia", 14, "土家族" },
                    { "16", "ethnicity", "Hani", 15, "哈尼族" },
                    { "17", "ethnicity", "Kazakh", 16, "哈萨克族" },
                    { "18", "ethnicity", "Dai", 17, "傣族" },
                    { "19", "ethnicity", "Li", 18, "黎族" },
                    { "20", "ethnicity", "Lisu", 19, "傈僳族" },
                    { "21", "ethnicity", "Va", 20, "佤族" },
                    { "22", "ethnicity", "She", 21, "畲族" },
                    { "23", "ethnicity", "Gaoshan", 22, "高山族" },
                    { "24", "ethnicity", "Lahu", 23, "拉祜族" },
                    { "25", "ethnicity", "Sui", 24, "水族" },
                    { "26", "ethnicity", "Dongxiang", 25, "东乡族" },
                    { "27", "ethnicity", "Naxi", 26, "纳西族" },
                    { "28", "ethnicity", "Jingpo", 27, "景颇族" },
                    { "29", "ethnicity", "Kyrgyz", 28, "柯尔克孜族" },
                    { "30", "ethnicity", "Tu", 29, "土族" },
                    { "31", "ethnicity", "Daur", 30, "达斡尔族" },
                    { "32", "ethnicity", "Mulao", 31, "仫佬族" },
                    { "33", "ethnicity", "Qiang", 32, "羌族" },
                    { "34", "ethnicity", "Blang", 33, "布朗族" },
                    { "35", "ethnicity", "Salar", 34, "撒拉族" },
                    { "36", "ethnicity", "Maonan", 35, "毛南族" },
                    { "37", "ethnicity", "Gelao", 36, "仡佬族" },
                    { "38", "ethnicity", "Xibe", 37, "锡伯族" },
                    { "39", "ethnicity", "Achang", 38, "阿昌族" },
                    { "40", "ethnicity", "Pumi", 39, "普米族" },
                    { "41", "ethnicity", "Tajik", 40, "塔吉克族" },
                    { "42", "ethnicity", "Nu", 41, "怒族" },
                    { "43", "ethnicity", "Uzbek", 42, "乌孜别克族" },
                    { "44", "ethnicity", "Russian", 43, "俄罗斯族" },
                    { "45", "ethnicity", "Evenki", 44, "鄂温克族" },
                    { "46", "ethnicity", "Deang", 45, "德昂族" },
                    { "47", "ethnicity", "Bonan", 46, "保安族" },
                    { "48", "ethnicity", "Yugur", 47, "裕固族" },
                    { "49", "ethnicity", "Gin", 48, "京族" },
                    { "50", "ethnicity", "Tatar", 49, "塔塔尔族" },
                    { "51", "ethnicity", "Derung", 50, "独龙族" },
                    { "52", "ethnicity", "Oroqen", 51, "鄂伦春族" },
                    { "53", "ethnicity", "Hezhen", 52, "赫哲族" },
                    { "54", "ethnicity", "Monba", 53, "门巴族" },
                    { "55", "ethnicity", "Lhoba", 54, "珞巴族" },
                    { "56", "ethnicity", "Jino", 55, "基诺族" },
                    { "97", "ethnicity", "Other", 56, "其他" },
                    { "98", "ethnicity", "Naturalised citizen of foreign origin", 57, "外国血统中国籍人士" },
                    { "01", "political", "CPC member", 0, "中国共产党党员" },
                    { "02", "political", "CPC probationary member", 1, "中国共产党预备党员" },
                    { "03", "political", "CYL member", 2, "中国共产主义青年团团员" },
                    { "04", "political", "RCCK member", 3, "中国国民党革命委员会会员" },
                    { "05", "political", "CDL member", 4, "中国民主同盟盟员" },
                    { "06", "political", "CNDCA member", 5, "中国民主建国会会员" },
                    { "07", "political", "CAPD member", 6, "中国民主促进会会员" },
                    { "08", "political", "CPWDP member", 7, "中国农工民主党党员" },
                    { "09", "political", "CZGP member", 8, "中国致公党党员" },
                    { "10", "political", "Jiusan Society member", 9, "九三学社社员" },
                    { "11", "political", "TDSGL member", 10, "台湾民主自治同盟盟员" },
                    { "12", "political", "Independent", 11, "无党派人士" },
                    { "13", "political", "No affiliation", 12, "群众" }
                });

            migrationBuilder.InsertData(
                schema: "members",
                table: "code_synonyms",
                columns: new[] { "Table", "Text", "Code" },
                values: new object[,]
                {
                    { "education", "专科", "30" },
                    { "education", "中专", "40" },
                    { "education", "中技", "40" },
                    { "education", "中等专业", "40" },
                    { "education", "中等专科", "40" },
                    { "education", "中职", "40" },
                    { "education", "初中", "70" },
                    { "education", "初级中学", "70" },
                    { "education", "博士", "10" },
                    { "education", "博士研究生", "10" },
                    { "education", "大专", "30" },
                    { "education", "大学", "20" },
                    { "education", "大学专科", "30" },
                    { "education", "大学本科", "20" },
                    { "education", "学士", "20" },
                    { "education", "小学", "80" },
                    { "education", "小学及以下", "80" },
                    { "education", "技校", "40" },
                    { "education", "普通高中", "60" },
                    { "education", "普高", "60" },
                    { "education", "本科", "20" },
                    { "education", "本科学历", "20" },
                    { "education", "研究生", "10" },
                    { "education", "研究生及以上", "10" },
                    { "education", "硕士", "10" },
                    { "education", "硕士及以上", "10" },
                    { "education", "硕士研究生", "10" },
                    { "education", "职高", "40" },
                    { "education", "高中", "60" },
                    { "education", "高级中学", "60" },
                    { "education", "高职", "30" },
                    { "ethnicity", "东乡", "26" },
                    { "ethnicity", "乌孜别克", "43" },
                    { "ethnicity", "京", "49" },
                    { "ethnicity", "仡佬", "37" },
                    { "ethnicity", "仫佬", "32" },
                    { "ethnicity", "佤", "21" },
                    { "ethnicity", "侗", "12" },
                    { "ethnicity", "俄罗斯", "44" },
                    { "ethnicity", "保安", "47" },
                    { "ethnicity", "傈僳", "20" },
                    { "ethnicity", "傣", "18" },
                    { "ethnicity", "哈尼", "16" },
                    { "ethnicity", "哈萨克", "17" },
                    { "ethnicity", "回", "03" },
                    { "ethnicity", "土", "30" },
                    { "ethnicity", "土家", "15" },
                    { "ethnicity", "基诺", "56" },
                    { "ethnicity", "塔吉克", "41" },
                    { "ethnicity", "塔塔尔", "50" },
                    { "ethnicity", "壮", "08" },
                    { "ethnicity", "布依", "09" },
                    { "ethnicity", "布朗", "34" },
                    { "ethnicity", "彝", "07" },
                    { "ethnicity", "德昂", "46" },
                    { "ethnicity", "怒", "42" },
                    { "ethnicity", "拉祜", "24" },
                    { "ethnicity", "撒拉", "35" },
                    { "ethnicity", "普米", "40" },
                    { "ethnicity", "景颇", "28" },
                    { "ethnicity", "朝鲜", "10" },
                    { "ethnicity", "柯尔克孜", "29" },
                    { "ethnicity", "毛南", "36" },
                    { "ethnicity", "水", "25" },
                    { "ethnicity", "汉", "01" },
                    { "ethnicity", "满", "11" },
                    { "ethnicity", "独龙", "51" },
                    { "ethnicity", "珞巴", "55" },
                    { "ethnicity", "瑶", "13" },
                    { "ethnicity", "畲", "22" },
                    { "ethnicity", "白", "14" },
                    { "ethnicity", "纳西", "27" },
                    { "ethnicity", "维吾尔", "05" },
                    { "ethnicity", "羌", "33" },
                    { "ethnicity", "苗", "06" },
                    { "ethnicity", "蒙古", "02" },
                    { "ethnicity", "藏", "04" },
                    { "ethnicity", "裕固", "48" },
                    { "ethnicity", "赫哲", "53" },
                    { "ethnicity", "达斡尔", "31" },
                    { "ethnicity", "鄂伦春", "52" },
                    { "ethnicity", "鄂温克", "45" },
                    { "ethnicity", "锡伯", "38" },
                    { "ethnicity", "门巴", "54" },
                    { "ethnicity", "阿昌", "39" },
                    { "ethnicity", "高山", "23" },
                    { "ethnicity", "黎", "19" },
                    { "political", "一般群众", "13" },
                    { "political", "中共党员", "01" },
                    { "political", "中共预备党员", "02" },
                    { "political", "中国共产党员", "01" },
                    { "political", "九三", "10" },
                    { "political", "九三学社", "10" },
                    { "political", "党员", "01" },
                    { "political", "共产党员", "01" },
                    { "political", "共青团员", "03" },
                    { "political", "农工党", "08" },
                    { "political", "农工党党员", "08" },
                    { "political", "台盟", "11" },
                    { "political", "台盟盟员", "11" },
                    { "political", "团员", "03" },
                    { "political", "无党派", "12" },
                    { "political", "无党派民主人士", "12" },
                    { "political", "普通群众", "13" },
                    { "political", "民建", "06" },
                    { "political", "民建会员", "06" },
                    { "political", "民盟", "05" },
                    { "political", "民盟盟员", "05" },
                    { "political", "民进", "07" },
                    { "political", "民进会员", "07" },
                    { "political", "民革", "04" },
                    { "political", "民革会员", "04" },
                    { "political", "致公党", "09" },
                    { "political", "致公党党员", "09" },
                    { "political", "青年团员", "03" },
                    { "political", "预备党员", "02" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_api_tokens_TokenHash",
                schema: "identity",
                table: "api_tokens",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_api_tokens_UserId",
                schema: "identity",
                table: "api_tokens",
                column: "UserId");

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
                name: "IX_benefits_OrgPath",
                schema: "cards",
                table: "benefits",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_campaign_figures_OrgId_Year",
                schema: "assistance",
                table: "campaign_figures",
                columns: new[] { "OrgId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_campaign_figures_Year_OrgPath",
                schema: "assistance",
                table: "campaign_figures",
                columns: new[] { "Year", "OrgPath" });

            migrationBuilder.CreateIndex(
                name: "IX_cards_MemberId_Live",
                schema: "cards",
                table: "cards",
                column: "MemberId",
                unique: true,
                filter: "\"Status\" IN (1, 2, 3)");

            migrationBuilder.CreateIndex(
                name: "IX_cards_Number",
                schema: "cards",
                table: "cards",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cards_OrgPath_Status",
                schema: "cards",
                table: "cards",
                columns: new[] { "OrgPath", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_cards_StatusChangedAt",
                schema: "cards",
                table: "cards",
                column: "StatusChangedAt");

            migrationBuilder.CreateIndex(
                name: "IX_entries_At",
                schema: "audit",
                table: "entries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_entries_OrgPath",
                schema: "audit",
                table: "entries",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_entries_Sequence",
                schema: "audit",
                table: "entries",
                column: "Sequence",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_events_MemberId_Id",
                schema: "members",
                table: "events",
                columns: new[] { "MemberId", "Id" });

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
                name: "IX_hardship_attachments_FileId",
                schema: "assistance",
                table: "hardship_attachments",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_hardship_files_MemberId_Open",
                schema: "assistance",
                table: "hardship_files",
                column: "MemberId",
                unique: true,
                filter: "\"Status\" <> 5");

            migrationBuilder.CreateIndex(
                name: "IX_hardship_files_OrgPath_Status",
                schema: "assistance",
                table: "hardship_files",
                columns: new[] { "OrgPath", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_hardship_files_Status_ReviewDueOn",
                schema: "assistance",
                table: "hardship_files",
                columns: new[] { "Status", "ReviewDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_hardship_steps_FileId",
                schema: "assistance",
                table: "hardship_steps",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_history_OrgId_Id",
                schema: "org",
                table: "history",
                columns: new[] { "OrgId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_imports_At",
                schema: "members",
                table: "imports",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_imports_State_LeaseUntil",
                schema: "members",
                table: "imports",
                columns: new[] { "State", "LeaseUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_join_applications_IdHash_Pending",
                schema: "members",
                table: "join_applications",
                column: "IdHash",
                unique: true,
                filter: "\"Status\" = 1");

            migrationBuilder.CreateIndex(
                name: "IX_join_applications_OrgPath_Status_SubmittedAt",
                schema: "members",
                table: "join_applications",
                columns: new[] { "OrgPath", "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_join_applications_PhoneHash",
                schema: "members",
                table: "join_applications",
                column: "PhoneHash");

            migrationBuilder.CreateIndex(
                name: "IX_logins_MemberId",
                schema: "members",
                table: "logins",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_logins_PhoneHash",
                schema: "members",
                table: "logins",
                column: "PhoneHash",
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_members_IdHash",
                schema: "members",
                table: "members",
                column: "IdHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_members_OrgPath_Status",
                schema: "members",
                table: "members",
                columns: new[] { "OrgPath", "Status" })
                .Annotation("Npgsql:IndexInclude", new[] { "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_members_PhoneHash",
                schema: "members",
                table: "members",
                column: "PhoneHash")
                .Annotation("Npgsql:IndexMethod", "hash");

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
                name: "IX_mutual_aid_enrollments_ProgramId_MemberId",
                schema: "assistance",
                table: "mutual_aid_enrollments",
                columns: new[] { "ProgramId", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_mutual_aid_enrollments_ProgramId_OrgPath",
                schema: "assistance",
                table: "mutual_aid_enrollments",
                columns: new[] { "ProgramId", "OrgPath" });

            migrationBuilder.CreateIndex(
                name: "IX_mutual_aid_enrollments_ProgramId_PersonIdHash",
                schema: "assistance",
                table: "mutual_aid_enrollments",
                columns: new[] { "ProgramId", "PersonIdHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_offers_MerchantId",
                schema: "merchants",
                table: "offers",
                column: "MerchantId");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_Channel_ClientIp_CreatedAt",
                schema: "platform",
                table: "outbox",
                columns: new[] { "Channel", "ClientIp", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_Channel_RecipientHash_CreatedAt",
                schema: "platform",
                table: "outbox",
                columns: new[] { "Channel", "RecipientHash", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_ClaimedBy",
                schema: "platform",
                table: "outbox",
                column: "ClaimedBy");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_DeliveredAt_Id",
                schema: "platform",
                table: "outbox",
                columns: new[] { "DeliveredAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_deliveries_MessageId",
                schema: "platform",
                table: "outbox_deliveries",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_payment_batches_ProgramId_OrgPath",
                schema: "assistance",
                table: "payment_batches",
                columns: new[] { "ProgramId", "OrgPath" });

            migrationBuilder.CreateIndex(
                name: "IX_payment_batches_RequestKey",
                schema: "assistance",
                table: "payment_batches",
                column: "RequestKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payments_ApplicationId",
                schema: "assistance",
                table: "payments",
                column: "ApplicationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payments_BatchId_Status",
                schema: "assistance",
                table: "payments",
                columns: new[] { "BatchId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_payments_ProgramId_Status_OrgPath",
                schema: "assistance",
                table: "payments",
                columns: new[] { "ProgramId", "Status", "OrgPath" });

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

            migrationBuilder.CreateIndex(
                name: "IX_redemptions_MerchantId_Day",
                schema: "merchants",
                table: "redemptions",
                columns: new[] { "MerchantId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_redemptions_OfferId_MemberId_UsageKey",
                schema: "merchants",
                table: "redemptions",
                columns: new[] { "OfferId", "MemberId", "UsageKey" },
                unique: true,
                filter: "\"UsageKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_redemptions_OrgPath_Day",
                schema: "merchants",
                table: "redemptions",
                columns: new[] { "OrgPath", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_redemptions_PresentationKey",
                schema: "merchants",
                table: "redemptions",
                column: "PresentationKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_redemptions_uncounted",
                schema: "merchants",
                table: "redemptions",
                column: "Id",
                filter: "NOT \"Counted\"");

            migrationBuilder.CreateIndex(
                name: "IX_role_claims_RoleId",
                schema: "identity",
                table: "role_claims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                schema: "identity",
                table: "roles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sms_login_codes_PhoneHash_Id",
                schema: "platform",
                table: "sms_login_codes",
                columns: new[] { "PhoneHash", "Id" });

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

            migrationBuilder.CreateIndex(
                name: "IX_status_changes_CardId_Id",
                schema: "cards",
                table: "status_changes",
                columns: new[] { "CardId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_transfers_FromPath_Status",
                schema: "members",
                table: "transfers",
                columns: new[] { "FromPath", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_transfers_MemberId_Open",
                schema: "members",
                table: "transfers",
                column: "MemberId",
                unique: true,
                filter: "\"Status\" IN (1, 2)");

            migrationBuilder.CreateIndex(
                name: "IX_transfers_Status_AcceptedAt",
                schema: "members",
                table: "transfers",
                columns: new[] { "Status", "AcceptedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_transfers_ToPath_Status",
                schema: "members",
                table: "transfers",
                columns: new[] { "ToPath", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_units_Code",
                schema: "org",
                table: "units",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_units_CreditCode",
                schema: "org",
                table: "units",
                column: "CreditCode");

            migrationBuilder.CreateIndex(
                name: "IX_units_ParentId_Status",
                schema: "org",
                table: "units",
                columns: new[] { "ParentId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_units_Path",
                schema: "org",
                table: "units",
                column: "Path",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_user_claims_UserId",
                schema: "identity",
                table: "user_claims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_user_logins_UserId",
                schema: "identity",
                table: "user_logins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_user_roles_RoleId",
                schema: "identity",
                table: "user_roles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                schema: "identity",
                table: "users",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_users_OrgId",
                schema: "identity",
                table: "users",
                column: "OrgId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                schema: "identity",
                table: "users",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_visit_photos_VisitId",
                schema: "assistance",
                table: "visit_photos",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_visits_Campaign_MemberId_Group",
                schema: "assistance",
                table: "visits",
                columns: new[] { "Campaign", "MemberId", "Group" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_visits_OrgPath",
                schema: "assistance",
                table: "visits",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_visits_Status_DueOn",
                schema: "assistance",
                table: "visits",
                columns: new[] { "Status", "DueOn" });

            // The audit trail is append-only: the database itself refuses to change or delete a row (ADR 0005).
            migrationBuilder.Sql("""
                CREATE FUNCTION audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'audit.entries is append-only';
                END $$;
                CREATE TRIGGER entries_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit.entries
                    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS entries_append_only ON audit.entries; DROP FUNCTION IF EXISTS audit.refuse_change();");
            migrationBuilder.DropTable(
                name: "api_tokens",
                schema: "identity");

            migrationBuilder.DropTable(
                name: "application_steps",
                schema: "assistance");

            migrationBuilder.DropTable(
                name: "applications",
                schema: "assistance");

            migrationBuilder.DropTable(
                name: "benefits",
                schema: "cards");

            migrationBuilder.DropTable(
                name: "campaign_figures",
                schema: "assistance");

            migrationBuilder.DropTable(
                name: "cards",
                schema: "cards");

            migrationBuilder.DropTable(
                name: "code_entries",
                schema: "members");

            migrationBuilder.DropTable(
                name: "code_synonyms",
                schema: "members");

            migrationBuilder.DropTable(
                name: "data_protection_keys",
                schema: "platform");

            migrationBuilder.DropTable(
                name: "entries",
                schema: "audit");

            migrationBuilder.DropTable(
                name: "events",
                schema: "members");

            migrationBuilder.DropTable(
                name: "fund_entries",
                schema: "assistance");

            migrationBuilder.DropTable(
                name: "hardship_attachments",
                schema: "assistance");

            migrationBuilder.DropTable(
                name: "hardship_files",
                schema: "assistance");

            migrationBuilder.DropTable(
                name: "hardship_steps",
                schema: "assistance");

            migrationBuilder.DropTable(
                name: "history",
                schema: "org");

            migrationBuilder.DropTable(
                name: "import_column_mappings",
                schema: "members");

            migrationBuilder.DropTable(
                name: "imports",
                schema: "members");

            migrationBuilder.DropTable(
                name: "join_applications",
                schema: "members");

            migrationBuilder.DropTable(
                name: "join_stats",
                schema: "members");

            migrationBuilder.DropTable(
                name: "logins",
                schema: "members");

            migrationBuilder.DropTable(
                name: "member_notices",
                schema: "platform");

            migrationBuilder.DropTable(
                name: "members",
                schema: "members");

            migrationBuilder.DropTable(
                name: "merchants",
                schema: "merchants");

            migrationBuilder.DropTable(
                name: "mutual_aid_enrollments",
                schema: "assistance");

            migrationBuilder.DropTable(
                name: "offers",
                schema: "merchants");

            migrationBuilder.DropTable(
                name: "outbox",
                schema: "platform");

            migrationBuilder.DropTable(
                name: "outbox_deliveries",
                schema: "platform");

            migrationBuilder.DropTable(
                name: "payment_batches",
                schema: "assistance");

            migrationBuilder.DropTable(
                name: "payments",
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

            migrationBuilder.DropTable(
                name: "redemptions",
                schema: "merchants");

            migrationBuilder.DropTable(
                name: "role_claims",
                schema: "identity");

            migrationBuilder.DropTable(
                name: "rollups",
                schema: "org");

            migrationBuilder.DropTable(
                name: "sms_login_codes",
                schema: "platform");

            migrationBuilder.DropTable(
                name: "staff",
                schema: "merchants");

            migrationBuilder.DropTable(
                name: "stats",
                schema: "members");

            migrationBuilder.DropTable(
                name: "status_changes",
                schema: "cards");

            migrationBuilder.DropTable(
                name: "transfers",
                schema: "members");

            migrationBuilder.DropTable(
                name: "tree_counters",
                schema: "platform");

            migrationBuilder.DropTable(
                name: "units",
                schema: "org");

            migrationBuilder.DropTable(
                name: "user_claims",
                schema: "identity");

            migrationBuilder.DropTable(
                name: "user_logins",
                schema: "identity");

            migrationBuilder.DropTable(
                name: "user_roles",
                schema: "identity");

            migrationBuilder.DropTable(
                name: "user_tokens",
                schema: "identity");

            migrationBuilder.DropTable(
                name: "visit_photos",
                schema: "assistance");

            migrationBuilder.DropTable(
                name: "visits",
                schema: "assistance");

            migrationBuilder.DropTable(
                name: "roles",
                schema: "identity");

            migrationBuilder.DropTable(
                name: "users",
                schema: "identity");
        }
    }
}
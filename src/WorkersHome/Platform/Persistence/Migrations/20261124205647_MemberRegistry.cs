using System;

using Microsoft.EntityFrameworkCore.Migrations;

using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace WorkersHome.Platform.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MemberRegistry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "members");

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
                    IdHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IdMasked = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    PhoneCipher = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PhoneHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
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
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_members", x => x.Id);
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

            migrationBuilder.CreateIndex(
                name: "IX_events_MemberId_Id",
                schema: "members",
                table: "events",
                columns: new[] { "MemberId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_members_IdHash",
                schema: "members",
                table: "members",
                column: "IdHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_members_OrgId",
                schema: "members",
                table: "members",
                column: "OrgId");

            migrationBuilder.CreateIndex(
                name: "IX_members_OrgPath_Status_Name",
                schema: "members",
                table: "members",
                columns: new[] { "OrgPath", "Status", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_members_PhoneHash",
                schema: "members",
                table: "members",
                column: "PhoneHash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "code_entries",
                schema: "members");

            migrationBuilder.DropTable(
                name: "events",
                schema: "members");

            migrationBuilder.DropTable(
                name: "members",
                schema: "members");
        }
    }
}
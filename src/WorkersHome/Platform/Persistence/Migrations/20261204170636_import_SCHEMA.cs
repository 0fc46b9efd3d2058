using System;

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace WorkersHome.Platform.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class import_SCHEMA : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ColumnMap",
                schema: "members",
                table: "imports",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Summary",
                schema: "members",
                table: "imports",
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: true);

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
                name: "import_column_mappings",
                schema: "members",
                columns: table => new
                {
                    OrgPath = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Map = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_import_column_mappings", x => x.OrgPath);
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "code_synonyms",
                schema: "members");

            migrationBuilder.DropTable(
                name: "import_column_mappings",
                schema: "members");

            migrationBuilder.DropColumn(
                name: "ColumnMap",
                schema: "members",
                table: "imports");

            migrationBuilder.DropColumn(
                name: "Summary",
                schema: "members",
                table: "imports");
        }
    }
}
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkersHome.Platform.Persistence.Migrations
{
    /// <summary>
    /// Two indexes for the member list at national scale (MemberQueries on PostgreSQL, docs/adr/0017). Both are built on
    /// expressions, which the model cannot state, so they live here; the model's tables and columns are unchanged.
    /// <list type="bullet">
    /// <item>A city's members by employment form, newest first: keyed by the path's third code (root, province, city on
    /// the national tree), the list's filter and sort columns riding along so that a page and its count are read from
    /// the index alone (the path too: PostgreSQL plans an index-only scan only when every column the query names, even
    /// inside the key's expression, is stored).</item>
    /// <item>Name fragments: every character and every pair of neighbouring characters of a name, with the path beside
    /// them (btree_gin), so that "建国 within this city" intersects two posting lists instead of reading the city.</item>
    /// </list>
    /// </summary>
    [DbContext(typeof(AppDbContext))]
    [Migration("20261205170000_MemberListIndexes")]
    public partial class MemberListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE INDEX "IX_members_city_form_joined" ON members.members
                    (split_part("OrgPath", '/', 4), "EmploymentForm", "JoinedOn" DESC, "Id" DESC)
                    INCLUDE ("Status", "IsMigrantWorker", "BirthDate", "Name", "OrgPath");
                """);
            // Characters are code points, as char_length and substr count them; MemberNameGrams computes the same in C#.
            migrationBuilder.Sql("""
                CREATE FUNCTION members.name_grams(name text) RETURNS text[]
                    LANGUAGE sql IMMUTABLE PARALLEL SAFE
                    RETURN ARRAY(SELECT DISTINCT substr(name, i, 1) FROM generate_series(1, char_length(name)) AS i)
                        || ARRAY(SELECT DISTINCT substr(name, i, 2) FROM generate_series(1, char_length(name) - 1) AS i);
                """);
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS btree_gin;");
            migrationBuilder.Sql("""
                CREATE INDEX "IX_members_name_grams" ON members.members USING gin (members.name_grams("Name"), "OrgPath");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX members."IX_members_name_grams";""");
            migrationBuilder.Sql("DROP FUNCTION members.name_grams(text);");
            migrationBuilder.Sql("""DROP INDEX members."IX_members_city_form_joined";""");
        }
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkersHome.Platform.Persistence.Migrations
{
    /// <summary>
    /// Name fragments searched inside a subtree (MemberQueries on PostgreSQL, docs/adr/0017). A member's name keys are
    /// each pair of neighbouring characters of the name, prefixed by each of the first three codes of the member's path
    /// (root, province, city on the national tree): 王建国 under /CN/41/4101/… has "4101:建国", "41:建国", "CN:建国"
    /// and the same for "王建". Searching 建国 in a city asks the GIN index for "4101:建国" and finds the city's few
    /// matches without reading its other members; a longer fragment asks for all of its pairs, and the name is
    /// checked as well, since the pairs only narrow the search. Keying by node and pair together keeps the planner
    /// from weighing a path range against a name index, which it did badly (ADR 0017).
    /// <c>name_keys_contain</c> is a one-expression SQL function that PostgreSQL inlines into the query, so that the
    /// index's expression appears there as written; the model cannot state either, so they live here.
    /// </summary>
    [DbContext(typeof(AppDbContext))]
    [Migration("20261205190000_MemberNameKeys")]
    public partial class MemberNameKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION members.name_keys(org_path text, name text) RETURNS text[]
                LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
                AS $$
                    SELECT array_agg(DISTINCT node.code || ':' || substr(name, i, 2))
                    FROM (VALUES (split_part(org_path, '/', 2)), (split_part(org_path, '/', 3)), (split_part(org_path, '/', 4))) AS node(code)
                    CROSS JOIN generate_series(1, char_length(name) - 1) AS i
                    WHERE node.code <> ''
                $$;

                CREATE FUNCTION members.name_keys_contain(org_path text, name text, wanted text[]) RETURNS boolean
                LANGUAGE sql IMMUTABLE PARALLEL SAFE
                AS $$ SELECT members.name_keys(org_path, name) @> wanted $$;

                CREATE INDEX "IX_members_name_keys" ON members.members USING gin (members.name_keys("OrgPath", "Name"));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX members."IX_members_name_keys";
                DROP FUNCTION members.name_keys_contain(text, text, text[]);
                DROP FUNCTION members.name_keys(text, text);
                """);
        }
    }
}
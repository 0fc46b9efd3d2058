using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkersHome.Platform.Persistence.Migrations
{
    /// <summary>
    /// The city-wide member list (MemberQueries on PostgreSQL, docs/adr/0017): a city's members by employment form,
    /// newest first, keyed by the path's third code (root, province, city on the national tree), the list's filter and
    /// sort columns riding along so that a page and its count are read from the index alone (the path too: PostgreSQL
    /// plans an index-only scan only when every column the query names, even inside the key's expression, is stored).
    /// An expression index, which the model cannot state, so it lives here; the model's tables and columns are unchanged.
    /// </summary>
    [DbContext(typeof(AppDbContext))]
    [Migration("20261205170000_MemberCityIndex")]
    public partial class MemberCityIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE INDEX "IX_members_city_form_joined" ON members.members
                    (split_part("OrgPath", '/', 4), "EmploymentForm", "JoinedOn" DESC, "Id" DESC)
                    INCLUDE ("Status", "IsMigrantWorker", "BirthDate", "Name", "OrgPath");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX members."IX_members_city_form_joined";""");
        }
    }
}
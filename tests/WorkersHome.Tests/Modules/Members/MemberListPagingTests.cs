using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using WorkersHome.Modules.Members;
using WorkersHome.Testing;

namespace WorkersHome.Tests.Modules.Members;

/// <summary>
/// Keyset paging of the member list (a page continues from a row, not an offset), on PostgreSQL and on the embedded
/// SQLite store: every order walks forward and back with no gap and no repeat, ties broken by the id.
/// </summary>
public abstract class MemberListPagingTests
{
    private const int Members = 23;
    private const int PageSize = 5;
    private static readonly string[] Names = ["张伟", "李娜", "张伟", "王芳", "李娜", "赵敏"];

    protected abstract AppFactory Factory { get; }

    protected abstract TestWorld World { get; }

    [Fact]
    public async Task Pages_walk_forward_and_back_through_every_order_without_gaps_or_repeats()
    {
        var officer = Factory.Api(World.User("zz.officer"));
        var union = World.Org(TestWorld.ZhengzhouUnionCode);
        for (var i = 0; i < Members; i++)
        {
            // Repeated names, birth years and join dates: ties that only the id can order.
            var idNumber = ResidentIdNumber.Compose("410105", new DateOnly(1980 + (i % 4), 3, 1 + (i % 2)), 600 + i, i % 2 == 0 ? Gender.Male : Gender.Female);
            var input = TestWorld.Member(union, Names[i % Names.Length], idNumber) with
            {
                EmploymentForm = EmploymentForm.PartTime,
                JoinedOn = new DateOnly(2020, 1 + (i % 3), 1),
            };
            var created = await officer.PostAsJsonAsync("/api/members", input);
            created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }

        foreach (var sort in new[] { "name", "joined", "age" })
        {
            var whole = await officer.SearchMembersAsync(new { orgId = union, employmentForm = "PartTime", sort, take = 200 });
            var expected = Ids(whole);
            expected.Count.ShouldBe(Members, sort);
            var rows = whole.GetProperty("rows").EnumerateArray().ToList();
            if (sort == "joined")
            {
                rows.Select(r => r.GetProperty("joinedOn").GetString()).ShouldBe(rows.Select(r => r.GetProperty("joinedOn").GetString()).OrderDescending(StringComparer.Ordinal));
            }
            else if (sort == "age")
            {
                rows.Select(r => r.GetProperty("birthDate").GetString()).ShouldBe(rows.Select(r => r.GetProperty("birthDate").GetString()).Order(StringComparer.Ordinal));
            }

            var pages = new List<List<Guid>>();
            Guid? after = null;
            while (true)
            {
                var page = await officer.SearchMembersAsync(new { orgId = union, employmentForm = "PartTime", sort, take = PageSize, after });
                page.GetProperty("total").GetInt32().ShouldBe(Members);
                page.GetProperty("hasPrevious").GetBoolean().ShouldBe(pages.Count > 0, $"{sort} page {pages.Count + 1}");
                pages.Add(Ids(page));
                if (!page.GetProperty("hasNext").GetBoolean())
                {
                    break;
                }

                after = pages[^1][^1];
            }

            pages.Count.ShouldBe((Members + PageSize - 1) / PageSize, sort);
            pages.SelectMany(p => p).ShouldBe(expected, $"forward through {sort}");
            for (var k = pages.Count - 1; k > 0; k--)
            {
                var back = await officer.SearchMembersAsync(new { orgId = union, employmentForm = "PartTime", sort, take = PageSize, before = pages[k][0] });
                Ids(back).ShouldBe(pages[k - 1], $"back from {sort} page {k + 1}");
                back.GetProperty("hasNext").GetBoolean().ShouldBeTrue();
                back.GetProperty("hasPrevious").GetBoolean().ShouldBe(k - 1 > 0);
            }
        }
    }

    [Fact]
    public async Task A_page_after_a_row_outside_the_cadres_view_starts_from_the_top()
    {
        var luoyang = Factory.Api(World.User("ly.officer"));
        var first = await luoyang.SearchMembersAsync(new { take = 5 });
        var fromElsewhere = await luoyang.SearchMembersAsync(new { take = 5, after = World.ZhengzhouMember });
        Ids(fromElsewhere).ShouldBe(Ids(first));
        fromElsewhere.GetProperty("hasPrevious").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task A_node_chosen_at_any_depth_lists_its_whole_subtree_and_nothing_else()
    {
        var officer = Factory.Api(World.User("zz.officer"));
        var everyone = Ids(await officer.SearchMembersAsync(new { sort = "joined", take = 200 }));
        everyone.ShouldContain(World.ZhengzhouMember);
        // The city (the cadre's own node), a county, a township and the union: every Zhengzhou member sits below all four.
        foreach (var code in new[] { "4101", "410102", "410102001", TestWorld.ZhengzhouUnionCode })
        {
            Ids(await officer.SearchMembersAsync(new { orgId = World.Org(code), sort = "joined", take = 200 })).ShouldBe(everyone, code);
        }

        Ids(await officer.SearchMembersAsync(new { orgId = World.Org("410103"), take = 200 })).ShouldBeEmpty();
        var luoyang = Factory.Api(World.User("ly.officer"));
        Ids(await luoyang.SearchMembersAsync(new { orgId = World.Org("4103"), take = 200 })).ShouldBe([World.LuoyangMember]);
    }

    [Fact]
    public async Task A_name_fragment_of_one_two_or_three_characters_finds_exactly_the_names_that_hold_it()
    {
        var officer = Factory.Api(World.User("zz.officer"));
        var union = World.Org(TestWorld.ZhengzhouUnionCode);
        var names = new[] { "欧阳建国", "建华", "国建", "司马光明" };
        for (var i = 0; i < names.Length; i++)
        {
            var idNumber = ResidentIdNumber.Compose("410105", new DateOnly(1990, 5, 1 + i), 700 + i, Gender.Female);
            var created = await officer.PostAsJsonAsync("/api/members", TestWorld.Member(union, names[i], idNumber));
            created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }

        async Task<string[]> Found(string fragment, string? under = null) =>
            (await officer.SearchMembersAsync(new { search = fragment, orgId = under is null ? (long?)null : World.Org(under), take = 200 }))
                .GetProperty("rows").EnumerateArray()
                .Select(r => r.GetProperty("name").GetString()!).Where(n => names.Contains(n) || n == "王建国").Order(StringComparer.Ordinal).ToArray();

        (await Found("建国")).ShouldBe(new[] { "欧阳建国", "王建国" }.Order(StringComparer.Ordinal).ToArray());
        (await Found("建")).ShouldBe(new[] { "国建", "建华", "欧阳建国", "王建国" }.Order(StringComparer.Ordinal).ToArray());
        (await Found("阳建国")).ShouldBe(["欧阳建国"]);
        (await Found("国建")).ShouldBe(["国建"], "the pair must stand in this order");
        (await Found("马光")).ShouldBe(["司马光明"]);
        (await Found("建光")).ShouldBeEmpty("both characters occur, never side by side");
        // Below the city (on PostgreSQL the city's name keys, narrowed by the path): the county, the township and the union.
        foreach (var code in new[] { "4101", "410102", "410102001", TestWorld.ZhengzhouUnionCode })
        {
            (await Found("建国", code)).ShouldBe(new[] { "欧阳建国", "王建国" }.Order(StringComparer.Ordinal).ToArray(), code);
            (await Found("阳建国", code)).ShouldBe(["欧阳建国"], code);
        }

        (await Found("建国", "410103")).ShouldBeEmpty("another county of the same city");
        // Scope still holds: a Luoyang cadre finds none of them.
        (await Factory.Api(World.User("ly.officer")).SearchMembersAsync(new { search = "建国" })).GetProperty("total").GetInt32().ShouldBe(0);
    }

    private static List<Guid> Ids(JsonElement page) => page.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToList();
}

public sealed class MemberListPagingOnPostgresTests(AppFixture fixture) : MemberListPagingTests, IClassFixture<AppFixture>
{
    protected override AppFactory Factory => fixture.Factory;

    protected override TestWorld World => fixture.World;
}

public sealed class MemberListPagingOnSqliteTests : MemberListPagingTests, IAsyncLifetime
{
    private SqliteApp _app = null!;

    protected override AppFactory Factory => _app.Factory;

    protected override TestWorld World => _app.World;

    public async Task InitializeAsync() => _app = await SqliteApp.StartAsync("paging");

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
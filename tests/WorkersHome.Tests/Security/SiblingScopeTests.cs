using System.Net;
using System.Net.Http.Json;

using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

using WorkersHome.Testing;

namespace WorkersHome.Tests.Security;

/// <summary>
/// Walks every API endpoint and every page that takes an id as a cadre of Zhengzhou, aiming at
/// Luoyang's records (a sibling city): each must answer 404 (or 403), never data.
/// </summary>
public sealed class SiblingScopeTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private long SiblingUnion => fixture.World.Org(TestWorld.LuoyangUnionCode);

    private Guid SiblingAccount => fixture.World.User("ly.officer").Id;

    private long SiblingCounty => fixture.World.Org("4103");

    private string Fill(string pattern) => pattern
        .Replace("{id:long}", SiblingUnion.ToString(), StringComparison.Ordinal)
        .Replace("{id:guid}", (pattern.StartsWith("/api/members", StringComparison.Ordinal) ? fixture.World.LuoyangMember : SiblingAccount).ToString(),
            StringComparison.Ordinal);

    private object Body() => new
    {
        ParentId = SiblingCounty,
        NewParentId = SiblingCounty,
        TargetId = SiblingUnion,
        OrgId = SiblingCounty,
        Version = 0,
        Reason = "x",
        Roles = new[] { "MemberOfficer" },
        Disabled = true,
        Password = "Another-Password-1",
        UserName = "intruder",
        DisplayName = "intruder",
        Union = new { Name = "越权工会", UnionType = "GigWorkers" },
    };

    public static IEnumerable<(string Method, string Pattern)> ApiEndpoints(IServiceProvider services) =>
        RouteEndpoints(services).SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, e.RoutePattern.RawText!)));

    private static IEnumerable<RouteEndpoint> RouteEndpoints(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true);

    /// <summary>Endpoints for members' phones and merchants' tills: a cadre's credentials are no sign-in there at all.</summary>
    private static HashSet<string> NonCadrePatterns(IServiceProvider services) =>
        RouteEndpoints(services)
            .Where(e => e.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any(a => a.Policy is
                WorkersHome.Modules.Members.SignIn.MemberAuthentication.Policy or WorkersHome.Modules.Members.SignIn.MemberAuthentication.PhoneVerifiedPolicy
                or WorkersHome.Modules.Merchants.Till.TillAuthentication.Policy))
            .Select(e => e.RoutePattern.RawText!).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public async Task Every_api_endpoint_with_an_id_answers_404_or_403_for_a_sibling_orgs_record()
    {
        var walked = new List<string>();
        var nonCadre = NonCadrePatterns(fixture.Factory.Services);
        nonCadre.ShouldNotBeEmpty();
        foreach (var cadre in new[] { "zz.admin", "zz.officer" })
        {
            var client = fixture.Factory.Api(fixture.World.User(cadre));
            foreach (var (method, pattern) in ApiEndpoints(fixture.Factory.Services).Where(e => e.Pattern.Contains("{id:", StringComparison.Ordinal)))
            {
                var request = new HttpRequestMessage(new HttpMethod(method), Fill(pattern));
                if (method is "POST" or "PUT")
                {
                    request.Content = JsonContent.Create(Body());
                }

                var response = await client.SendAsync(request);
                if (nonCadre.Contains(pattern))
                {
                    response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, $"{cadre} {method} {pattern}");
                    continue;
                }

                response.StatusCode.ShouldBeOneOf([HttpStatusCode.NotFound, HttpStatusCode.Forbidden], $"{cadre} {method} {pattern}");
                walked.Add($"{method} {pattern}");
            }
        }

        walked.Count.ShouldBeGreaterThanOrEqualTo(2 * 14);
    }

    [Fact]
    public async Task Id_less_writes_aimed_at_a_sibling_org_are_refused_without_saying_why()
    {
        var client = fixture.Factory.Api(fixture.World.User("zz.admin"));
        var create = await client.PostAsJsonAsync("/api/organizations", Body());
        create.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var account = await client.PostAsJsonAsync("/api/accounts", Body());
        account.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await account.Content.ReadAsStringAsync()).ShouldContain("不存在或不在您的管辖范围内");
        var accounts = await client.GetStringAsync("/api/accounts");
        accounts.ShouldNotContain("ly.");
        var members = await client.SearchMembersAsync(new { search = "李秀英" });
        members.GetProperty("total").GetInt32().ShouldBe(0);
        var member = await client.PostAsJsonAsync("/api/members", TestWorld.Member(SiblingUnion, "越权会员",
            WorkersHome.Modules.Members.ResidentIdNumber.Compose("410302", new DateOnly(1991, 1, 1), 7, WorkersHome.Modules.Members.Gender.Male)));
        member.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Pages_answer_404_for_a_sibling_orgs_record()
    {
        var client = await fixture.Factory.SignedInAsync(fixture.World.User("zz.admin"));
        string[] pages =
        [
            $"/Organizations/Node/{SiblingUnion}", $"/Organizations/Edit/{SiblingUnion}", $"/Organizations/Move/{SiblingUnion}",
            $"/Organizations/Merge/{SiblingUnion}", $"/Organizations/Dissolve/{SiblingUnion}", $"/Organizations/Children?id={SiblingCounty}",
            $"/Organizations/Create?parentId={SiblingCounty}", $"/Accounts/Edit/{SiblingAccount}",
            $"/Members/Detail/{fixture.World.LuoyangMember}", $"/Members/Cards?orgId={SiblingUnion}",
        ];
        foreach (var page in pages)
        {
            var response = await client.GetAsync(page);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, page);
            (await response.Content.ReadAsStringAsync()).ShouldNotContain("洛阳测试轴承");
        }
    }

    [Fact]
    public async Task Guessed_ids_of_nonexistent_records_look_the_same_as_sibling_records()
    {
        var client = fixture.Factory.Api(fixture.World.User("zz.admin"));
        var sibling = await client.GetAsync($"/api/organizations/{SiblingUnion}");
        var missing = await client.GetAsync("/api/organizations/987654321");
        sibling.StatusCode.ShouldBe(missing.StatusCode);
        (await sibling.Content.ReadAsStringAsync()).ShouldBe(await missing.Content.ReadAsStringAsync());
    }
}
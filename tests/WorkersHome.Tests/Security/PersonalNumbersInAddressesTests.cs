using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

using WorkersHome.Modules.Assistance.Programs;
using WorkersHome.Modules.Members;
using WorkersHome.Testing;

namespace WorkersHome.Tests.Security;

/// <summary>
/// ID numbers and phones never travel in an address (addresses end up in logs, proxies and browser history): no GET
/// page or endpoint binds a parameter that could hold one, and every member finder posts and links by id only.
/// </summary>
public sealed partial class PersonalNumbersInAddressesTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    /// <summary>Names of parameters that could carry a personal number or a free-text member query.</summary>
    private static readonly string[] Suspicious = ["member", "membername", "idnumber", "id_number", "phone", "mobile", "search", "query", "keyword", "q"];

    /// <summary>GET searches that are not about people: unions, organisations, merchants, cadre accounts (user names), the rights knowledge base.</summary>
    private static readonly HashSet<string> NotAboutMembers =
    [
        "WorkersHome.Pages.m.JoinModel.Q", "WorkersHome.Pages.m.TransferModel.Q", "WorkersHome.Pages.m.MerchantsModel.Q",
        "WorkersHome.Pages.Accounts.IndexModel.Q", "WorkersHome.Pages.Organizations.IndexModel.Q", "WorkersHome.Pages.Organizations.MergeModel.Q",
        "WorkersHome.Pages.Organizations.MoveModel.Q", "WorkersHome.Pages.Rights.KnowledgeModel.Q", "WorkersHome.Pages.m.QaModel.Q",
        "/api/join/unions q", "/api/directory/merchants q", "/api/organizations/search q", "/api/accounts/ search",
        "/api/rights/knowledge/ q", "/api/public/qa q",
    ];

    private static string MemberId => ResidentIdNumber.Compose("410102", new DateOnly(1985, 3, 15), 123, Gender.Male);

    private static string MemberPhone => "139" + MemberId[^8..].Replace('X', '0');

    [Fact]
    public void No_page_binds_a_personal_number_or_member_query_from_the_address()
    {
        var found = new List<string>();
        foreach (var page in typeof(WorkersHome.Pages.Shared.OrgPageModel).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(PageModel)) && !t.IsAbstract))
        {
            var allGet = page.GetCustomAttribute<BindPropertiesAttribute>()?.SupportsGet == true;
            foreach (var property in page.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var bind = property.GetCustomAttribute<BindPropertyAttribute>();
                if ((bind?.SupportsGet == true || (allGet && bind is null)) && IsSuspicious(property.Name, property.PropertyType))
                {
                    found.Add($"{page.FullName}.{property.Name}");
                }
            }

            foreach (var handler in page.GetMethods().Where(m => m.Name.StartsWith("OnGet", StringComparison.Ordinal)))
            {
                found.AddRange(handler.GetParameters().Where(p => IsSuspicious(p.Name!, p.ParameterType)).Select(p => $"{page.FullName}.{p.Name}"));
            }
        }

        found.Where(f => !NotAboutMembers.Contains(f)).ShouldBeEmpty();
    }

    [Fact]
    public void No_GET_endpoint_takes_a_personal_number_or_member_query_in_its_query_string()
    {
        var sources = fixture.Factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        var found = new List<string>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") != true
                || endpoint.Metadata.GetMetadata<MethodInfo>() is not { } method)
            {
                continue;
            }

            foreach (var (name, type) in method.GetParameters().SelectMany(Expand))
            {
                var entry = $"{endpoint.RoutePattern.RawText} {name}";
                if (IsSuspicious(name, type) && !NotAboutMembers.Contains(entry))
                {
                    found.Add(entry);
                }
            }
        }

        found.ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_member_finder_posts_and_its_results_link_by_id_only()
    {
        var created = await fixture.Factory.Api(fixture.World.User("zz.assist")).PostAsJsonAsync("/api/assistance/programs",
            new NewProgram("医疗互助（查找）", ProgramType.MedicalMutualAid, fixture.World.Org("4101"), DateTime.UtcNow.Year, null, null, null), TestJson.Options);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var programId = (await created.Content.ReadFromJsonAsync<ProgramView>(TestJson.Options))!.Program.Id;
        var cadre = await fixture.Factory.SignedInAsync(fixture.World.User("zz.assist"));

        foreach (var number in new[] { MemberId, MemberPhone })
        {
            foreach (var (page, post) in new[]
                     {
                         ("/Assistance", "/Assistance"),
                         ("/Assistance/Applications", "/Assistance/Applications"),
                         ($"/Assistance/MutualAid/{programId}", $"/Assistance/MutualAid/{programId}?handler=Find"),
                     })
            {
                var opened = await cadre.GetAsync(page);
                opened.StatusCode.ShouldBe(HttpStatusCode.OK, page);
                var html = await opened.Content.ReadAsStringAsync();
                html.ShouldContain("id=\"member-finder\"");
                FinderMethod().Match(html).Groups[1].Value.ShouldBe("post", $"the finder on {page}");

                var response = await WebClients.PostFormAsync(cadre, post, new() { ["Member"] = number, ["ProgramId"] = programId.ToString() }, page);
                response.StatusCode.ShouldBe(HttpStatusCode.OK, post);
                response.RequestMessage!.RequestUri!.ToString().ShouldNotContain(number);
                var answer = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
                answer.ShouldContain("王建国", customMessage: $"{post} finds the member by number");
                foreach (Match link in Address().Matches(answer))
                {
                    link.Value.ShouldNotContain(number, customMessage: $"{post}: {link.Value}");
                }
            }
        }
    }

    private static IEnumerable<(string Name, Type Type)> Expand(ParameterInfo parameter)
    {
        if (parameter.GetCustomAttribute<AsParametersAttribute>() is null)
        {
            return [(parameter.Name!, parameter.ParameterType)];
        }

        var ctor = parameter.ParameterType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        return ctor.GetParameters().Length > 0
            ? ctor.GetParameters().Select(p => (p.Name!, p.ParameterType))
            : parameter.ParameterType.GetProperties().Where(p => p.CanWrite).Select(p => (p.Name, p.PropertyType));
    }

    private static bool IsSuspicious(string name, Type type) =>
        type == typeof(string) && Suspicious.Contains(name.ToLowerInvariant());

    [GeneratedRegex("<form method=\"(\\w+)\"[^>]*id=\"member-finder\"")]
    private static partial Regex FinderMethod();

    [GeneratedRegex("(?:href|action|src|formaction)=\"[^\"]*\"")]
    private static partial Regex Address();
}
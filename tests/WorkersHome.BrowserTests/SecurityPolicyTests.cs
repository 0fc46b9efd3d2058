using System.Collections.Concurrent;
using System.Net.Http.Json;

using WorkersHome.BrowserTests.Infrastructure;
using WorkersHome.Modules.Members;
using WorkersHome.Modules.Organizations.Contracts;

namespace WorkersHome.BrowserTests;

/// <summary>
/// The main pages under the content security policy (no inline script), still working: a violation is reported in the
/// console, and any one fails the test. Also: the API docs and the map on an internal network with no internet.
/// </summary>
public sealed class SecurityPolicyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    // Two members, so that no test waits out the SMS limit of the other's phone.
    private static readonly (string Name, string IdNumber) Zhengzhou = ("王建国", ResidentIdNumber.Compose("410102", new DateOnly(1985, 3, 15), 123, Gender.Male));
    private static readonly (string Name, string IdNumber) Luoyang = ("李秀英", ResidentIdNumber.Compose("410302", new DateOnly(1990, 8, 1), 45, Gender.Female));

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    /// <summary>Collects what Chromium reports about the policy (and script errors) on every page of the context.</summary>
    private sealed class PolicyWatch
    {
        public ConcurrentQueue<string> Violations { get; } = new();

        public void Watch(IPage page)
        {
            page.Console += (_, message) =>
            {
                if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Text.StartsWith("Refused to", StringComparison.Ordinal))
                {
                    Violations.Enqueue($"{page.Url}: {message.Text}");
                }
            };
            page.PageError += (_, error) => Violations.Enqueue($"{page.Url}: script error {error}");
        }
    }

    private async Task<IPage> WatchedPageAsync(IBrowserContext context, PolicyWatch watch)
    {
        var page = await context.NewPageAsync();
        watch.Watch(page);
        // Tiles come from the internet by default, which test machines do not reach: answer at once instead of waiting.
        await page.RouteAsync("https://tile.openstreetmap.org/**", route => route.AbortAsync());
        return page;
    }

    [Fact]
    public async Task Cadre_pages_run_without_a_policy_violation_and_their_scripts_work()
    {
        var watch = new PolicyWatch();
        await using (var officer = await app.SignedInContextAsync(app.World.User("zz.officer")))
        {
            var page = await WatchedPageAsync(officer, watch);
            await page.GotoAsync("/Workbench");
            await Expect(page.Locator("main h1")).ToBeVisibleAsync();

            await page.GotoAsync("/Members");
            await Expect(page.Locator("main")).ToContainTextAsync("王建国");

            await page.GotoAsync("/Organizations");
            var county = page.Locator($"#org-tree li[data-id='{app.World.Org("410102")}']");
            await county.Locator("> button.toggle").ClickAsync();
            await Expect(county.Locator($"li[data-id='{app.World.Org("410102001")}']")).ToBeVisibleAsync();
        }

        await using (var assist = await app.SignedInContextAsync(app.World.User("zz.assist")))
        {
            var page = await WatchedPageAsync(assist, watch);
            await page.GotoAsync("/Assistance/Dashboard");
            await Expect(page.Locator("#chart-children svg")).ToBeVisibleAsync();
            await Expect(page.Locator("#chart-causes svg")).ToBeVisibleAsync();
        }

        watch.Violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task Member_pages_and_the_till_run_without_a_policy_violation_and_their_scripts_work()
    {
        var watch = new PolicyWatch();
        using var officer = Api("ly.officer");
        (await officer.PostAsync($"/api/members/{app.World.LuoyangMember}/card", null)).EnsureSuccessStatusCode();
        await using var phone = await PhoneAsync();
        var page = await WatchedPageAsync(phone, watch);
        await SignInMemberAsync(page, Luoyang);
        await page.GotoAsync("/m/Card");
        await Expect(page.Locator("#card-qr svg")).ToBeVisibleAsync();
        await page.GotoAsync("/m/Hardship");
        await Expect(page.Locator("h1")).ToHaveTextAsync("困难职工建档");
        await page.GotoAsync("/m/Merchants");
        await Expect(page.Locator("#directory-map.leaflet-container")).ToBeVisibleAsync();
        // The category list submits itself when changed (a data- attribute now, no inline handler).
        await page.Locator("#directory-category").SelectOptionAsync("Dining");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("Category=Dining"));

        await CreateMerchantAsync("policy.till", "安全策略测试店");
        await using var till = await PhoneAsync();
        var shop = await WatchedPageAsync(till, watch);
        await shop.GotoAsync("/shop");
        await shop.Locator("#UserName").FillAsync("policy.till");
        await shop.Locator("#Password").FillAsync("Till-Password-1");
        await shop.Locator("#till-login-submit").ClickAsync();
        await Expect(shop.Locator("#till-merchant")).ToHaveTextAsync("安全策略测试店");
        await shop.Locator("#Token").FillAsync("WHC1.not-a-card");
        await shop.Locator("#check-submit").ClickAsync();
        await Expect(shop.Locator("#till-verdict")).ToHaveTextAsync("无法识别的二维码");
        await shop.WaitForFunctionAsync("() => localStorage.getItem('wh-till-cache') !== null");

        watch.Violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_api_docs_load_only_from_the_app_and_offer_no_ai_or_cloud_buttons()
    {
        var watch = new PolicyWatch();
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        watch.Watch(page);
        var elsewhere = new ConcurrentQueue<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(app.BaseUrl.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal)
                && !request.Url.StartsWith("blob:", StringComparison.Ordinal))
            {
                elsewhere.Enqueue(request.Url);
            }
        };

        await page.GotoAsync("/api/docs/");
        await Expect(page.GetByText("WorkersHome API").First).ToBeVisibleAsync();
        await Expect(page.GetByText("/api/accounts").First).ToBeAttachedAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Screens.CaptureAsync(page, "api-docs");

        elsewhere.ShouldBeEmpty();
        watch.Violations.ShouldBeEmpty();
        await Expect(page.GetByText("Ask AI")).ToHaveCountAsync(0);
        await Expect(page.GetByText("Generate SDKs")).ToHaveCountAsync(0);
        await Expect(page.GetByText("Deploy", new() { Exact = true })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Without_reachable_tiles_the_map_says_so_in_chinese_and_the_markers_and_list_still_work()
    {
        await CreateMerchantAsync("tiles.till", "瓦片测试店");
        await using var phone = await PhoneAsync();
        var page = await phone.NewPageAsync();
        var tileRequests = 0;
        await page.RouteAsync("https://tile.openstreetmap.org/**", route =>
        {
            Interlocked.Increment(ref tileRequests);
            return route.AbortAsync();
        });

        await page.GotoAsync("/m/Merchants");

        await Expect(page.Locator("#directory-map-tiles-missing")).ToBeVisibleAsync();
        await Expect(page.Locator("#directory-map-tiles-missing")).ToContainTextAsync("地图底图无法加载（内网环境可在 Maps:TileUrl 配置本地瓦片服务）");
        await Expect(page.Locator("#directory-map path.leaflet-interactive").First).ToBeAttachedAsync();
        await Expect(page.Locator("#directory")).ToContainTextAsync("瓦片测试店");
        // The attribution names Leaflet in plain text: no flag.
        await Expect(page.Locator(".leaflet-control-attribution")).ToContainTextAsync("Leaflet");
        await Expect(page.Locator(".leaflet-control-attribution svg")).ToHaveCountAsync(0);
        tileRequests.ShouldBeGreaterThan(0);
        await Screens.CaptureAsync(page, "merchant-map-no-tiles");
    }

    [Fact]
    public async Task The_dashboard_axis_labels_never_overlap()
    {
        await using var assist = await app.SignedInContextAsync(app.World.User("zz.assist"));
        var page = await assist.NewPageAsync();
        await page.GotoAsync("/Assistance/Dashboard");
        await Expect(page.Locator("#chart-children svg")).ToBeVisibleAsync();

        var labels = await page.EvaluateAsync<int[]>("""
            () => {
              const names = JSON.parse(document.getElementById('dashboard-data').textContent).children.map(c => c.orgName);
              const labels = [...document.querySelectorAll('#chart-children svg text')]
                .filter(t => t.textContent.length > 0 && names.some(n => n.startsWith(t.textContent.replace(/(…|\.\.\.)$/, ''))))
                .map(t => t.getBoundingClientRect());
              let overlaps = 0;
              for (let i = 0; i < labels.length; i++)
                for (let j = i + 1; j < labels.length; j++) {
                  const a = labels[i], b = labels[j];
                  if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) overlaps++;
                }
              return [names.length, labels.length, overlaps];
            }
            """);
        await Screens.CaptureAsync(page, "dashboard-labels");

        labels[0].ShouldBeGreaterThan(3, "enough unions to crowd an axis");
        labels[1].ShouldBe(labels[0], "every union has its label");
        labels[2].ShouldBe(0);
    }

    [Fact]
    public async Task A_household_of_six_is_filed_with_added_rows_and_its_summary_fits_a_phone()
    {
        await using (var union = await app.SignedInContextAsync(app.World.User("jc.assist")))
        {
            var page = await union.NewPageAsync();
            await page.GotoAsync($"/Assistance/New?MemberId={app.World.ZhengzhouMember}");
            await Expect(page.Locator(".household-row")).ToHaveCountAsync(4);
            await page.Locator("#household-add").ClickAsync();
            await page.Locator("#household-add").ClickAsync();
            await Expect(page.Locator(".household-row")).ToHaveCountAsync(6);
            await Expect(page.Locator(".household-row").Nth(5)).ToContainTextAsync("第 6 行");

            string[] names = ["王建国", "李红梅", "王小雨", "王小雷", "王德福", "张桂兰"];
            for (var i = 0; i < names.Length; i++)
            {
                await page.Locator($"[name='Form.Household[{i}].Name']").FillAsync(names[i]);
                await page.Locator($"[name='Form.Household[{i}].Relation']").SelectOptionAsync(i == 0 ? "本人" : i == 1 ? "配偶" : i < 4 ? "子女" : "父母");
                await page.Locator($"[name='Form.Household[{i}].Age']").FillAsync((new[] { 41, 40, 15, 12, 70, 68 })[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
                await page.Locator($"[name='Form.Household[{i}].Health']").SelectOptionAsync(i == 0 ? "SeriousIllness" : "Healthy");
                await page.Locator($"[name='Form.Household[{i}].Work']").FillAsync(i < 2 ? "灵活就业（外卖配送）" : i < 4 ? "在校学生" : "无业");
                await page.Locator($"[name='Form.Household[{i}].MonthlyIncome']").FillAsync(i < 2 ? "1234.56" : "0");
            }

            await page.Locator("#Form_Housing").SelectOptionAsync("Rented");
            await page.Locator("#cause-Illness").CheckAsync();
            await page.Locator("#primary-Illness").CheckAsync();
            await page.Locator("#Form_Needs").FillAsync("住院费用负担重");
            await page.Locator("#hardship-submit").ClickAsync();
            await Expect(page.Locator("#household-table")).ToContainTextAsync("张桂兰");
        }

        await using var phone = await PhoneAsync();
        var member = await phone.NewPageAsync();
        await SignInMemberAsync(member, Zhengzhou);
        await member.GotoAsync("/m/Hardship");
        await Expect(member.Locator("#household-table")).ToContainTextAsync("张桂兰");
        await Screens.CaptureAsync(member, "hardship-summary-phone");

        var box = await member.EvaluateAsync<int[]>("""
            () => {
              const box = document.getElementById('household-table-box');
              const income = [...document.querySelectorAll('#household-table .household-income')].map(c => Math.ceil(c.getBoundingClientRect().right));
              return [box.scrollWidth, box.clientWidth, Math.max(...income), document.documentElement.scrollWidth];
            }
            """);
        box[0].ShouldBeLessThanOrEqualTo(box[1], "the household table does not scroll sideways");
        box[2].ShouldBeLessThanOrEqualTo(390, "the monthly income is on screen");
        box[3].ShouldBeLessThanOrEqualTo(390);
        await Expect(member.Locator("#household-table .household-income").First).ToContainTextAsync("1,234.56");
    }

    private Task<IBrowserContext> PhoneAsync() =>
        app.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });

    private async Task SignInMemberAsync(IPage page, (string Name, string IdNumber) member)
    {
        await page.GotoAsync("/m/Login");
        await MemberSignInSteps.EnterPhoneAndCodeAsync(page, app.Factory, "139" + member.IdNumber[^8..]);
        await page.Locator("#Name").FillAsync(member.Name);
        await page.Locator("#IdNumber").FillAsync(member.IdNumber);
        await page.Locator("#link-submit").ClickAsync();

        await Expect(page.Locator("#card-hardship")).ToBeVisibleAsync();
    }

    private async Task CreateMerchantAsync(string till, string name)
    {
        using var admin = Api("zz.admin");
        var created = await admin.PostAsJsonAsync("/api/merchants", new
        {
            Name = name,
            CreditCode = CreditCode.WithCheck(till == "policy.till" ? "91410103MA4000077" : "91410103MA4000078"),
            Category = "Dining",
            Address = "郑州市测试路 9 号",
            Latitude = 34.75,
            Longitude = 113.62,
        }, Json);
        created.EnsureSuccessStatusCode();
        var merchantId = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        (await admin.PostAsJsonAsync($"/api/merchants/{merchantId}/offers", new { Title = "堂食九折", Kind = "Percent", Value = 10, ValidFrom = "2020-01-01", ValidTo = "2099-12-31", Limit = "Unlimited" }, Json))
            .EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/merchants/{merchantId}/staff", new { UserName = till, Password = "Till-Password-1" }, Json)).EnsureSuccessStatusCode();
    }

    private HttpClient Api(string user)
    {
        var client = new HttpClient { BaseAddress = app.BaseUrl };
        client.DefaultRequestHeaders.Authorization = new("Bearer", app.World.User(user).ApiToken);
        return client;
    }
}
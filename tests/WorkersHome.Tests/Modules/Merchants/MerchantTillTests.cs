using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using WorkersHome.Modules.Cards;
using WorkersHome.Modules.Cards.Tokens;
using WorkersHome.Modules.Members;
using WorkersHome.Modules.Merchants;
using WorkersHome.Modules.Merchants.Till;
using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Testing;

namespace WorkersHome.Tests.Modules.Merchants;

public sealed class MerchantTillFixture : AppFixture;

/// <summary>Onboarding in scope, the till's check, and sales recorded exactly once under retries and races (PostgreSQL).</summary>
public sealed class MerchantTillTests(MerchantTillFixture fixture) : IClassFixture<MerchantTillFixture>
{
    private static int _merchants;

    private HttpClient Admin(string user) => fixture.Factory.Api(fixture.World.User(user));

    private async Task<MerchantDetail> OnboardAsync(string admin, string till, params object[] offers)
    {
        var n = Interlocked.Increment(ref _merchants);
        var response = await Admin(admin).PostAsJsonAsync("/api/merchants", new
        {
            Name = $"测试商户{n}",
            CreditCode = CreditCode.WithCheck($"9141010{n:D2}MA4000000"[..17]),
            Category = "Dining",
            Address = "郑州市测试路 1 号",
            Latitude = 34.75,
            Longitude = 113.62,
        }, TestJson.Options);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var merchant = (await response.Content.ReadFromJsonAsync<MerchantDetail>(TestJson.Options))!;
        foreach (var offer in offers)
        {
            (await Admin(admin).PostAsJsonAsync($"/api/merchants/{merchant.Id}/offers", offer, TestJson.Options)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await Admin(admin).PostAsJsonAsync($"/api/merchants/{merchant.Id}/staff", new { UserName = till, Password = "Till-Password-1" }, TestJson.Options)).StatusCode.ShouldBe(HttpStatusCode.OK);
        return await Admin(admin).GetFromJsonAsync<MerchantDetail>($"/api/merchants/{merchant.Id}", TestJson.Options) ?? throw new InvalidOperationException();
    }

    private static object Offer(string title, string kind, decimal value, string limit) =>
        new { Title = title, Kind = kind, Value = value, ValidFrom = "2020-01-01", ValidTo = "2099-12-31", Limit = limit };

    private async Task<HttpClient> TillAsync(string user)
    {
        var client = fixture.Factory.Anonymous();
        (await client.PostAsJsonAsync("/api/till/sign-in", new { UserName = user, Password = "Till-Password-1" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        return client;
    }

    private async Task<Guid> CardOfAsync(Guid member, string officer)
    {
        var response = await fixture.Factory.Api(fixture.World.User(officer)).PostAsync($"/api/members/{member}/card", null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<CardView>(TestJson.Options))!.Id;
    }

    private string TokenFor(Guid card) => fixture.Factory.Services.GetRequiredService<CardTokenIssuer>().Issue(card).Token;

    [Fact]
    public async Task A_merchant_belongs_to_its_union_subtree_and_bad_input_names_the_field()
    {
        var merchant = await OnboardAsync("zz.admin", "till.scope", Offer("九折", "Percent", 10, "Unlimited"));
        (await Admin("ly.admin").GetAsync($"/api/merchants/{merchant.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Admin("ly.admin").GetFromJsonAsync<List<MerchantRow>>("/api/merchants", TestJson.Options))!.ShouldNotContain(m => m.Id == merchant.Id);
        (await Admin("ly.admin").PostAsJsonAsync($"/api/merchants/{merchant.Id}/offers", Offer("x", "Percent", 5, "Unlimited"), TestJson.Options)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await fixture.Factory.Api(fixture.World.User("zz.officer")).GetAsync("/api/merchants")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var bad = await Admin("zz.admin").PostAsJsonAsync("/api/merchants", new { Name = "", CreditCode = "914101000000000000", Category = "Dining", Address = "郑州", Latitude = 113.6, Longitude = 34.7 }, TestJson.Options);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await bad.Content.ReadAsStringAsync();
        problem.ShouldContain("请填写商户名称");
        problem.ShouldContain("统一社会信用代码不正确");
        problem.ShouldContain("经纬度");
        var badOffer = await Admin("zz.admin").PostAsJsonAsync($"/api/merchants/{merchant.Id}/offers",
            new { Title = "过期", Kind = "Percent", Value = 120, ValidFrom = "2026-12-01", ValidTo = "2026-01-01", Limit = "OnceEver" }, TestJson.Options);
        (await badOffer.Content.ReadAsStringAsync()).ShouldContain("折扣比例应大于 0 且小于 100");

        // A till's cookie opens the till and nothing else.
        var till = await TillAsync("till.scope");
        (await till.GetAsync("/api/members")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await till.GetAsync("/api/me/card")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await fixture.Factory.Anonymous().PostAsJsonAsync("/api/till/check", new { Token = "x" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_same_code_sent_by_many_tills_at_once_records_one_sale_and_a_daily_offer_works_once_a_day()
    {
        var merchant = await OnboardAsync("zz.admin", "till.race", Offer("九折", "Percent", 10, "Unlimited"), Offer("每日立减", "Amount", 5, "OncePerDay"));
        var card = await CardOfAsync(fixture.World.ZhengzhouMember, "zz.officer");
        var token = TokenFor(card);
        var tills = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => TillAsync("till.race")));

        var check = await (await tills[0].PostAsJsonAsync("/api/till/check", new { token })).Content.ReadFromJsonAsync<JsonElement>(TestJson.Options);
        check.GetProperty("card").GetProperty("valid").GetBoolean().ShouldBeTrue();
        check.GetProperty("card").GetProperty("holderMasked").GetString().ShouldBe("王*国");
        check.GetProperty("offers").GetArrayLength().ShouldBe(2);

        var percent = merchant.Offers.Single(o => o.Kind == DiscountKind.Percent).Id;
        var sends = Enumerable.Range(0, 24).Select(i => tills[i % tills.Length].PostAsJsonAsync("/api/till/redemptions", new { token, OfferId = percent, SaleAmount = 88.88m }));
        var responses = await Task.WhenAll(sends);
        foreach (var response in responses)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }

        var results = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<RedemptionView>(TestJson.Options)));
        results.Select(r => r!.Id).Distinct().Count().ShouldBe(1);
        results.Count(r => !r!.Repeated).ShouldBe(1, "one request wrote the sale; the others got it back");
        results[0]!.Discount.ShouldBe(8.89m);
        results[0]!.Paid.ShouldBe(79.99m);

        var daily = merchant.Offers.Single(o => o.Limit == UsageLimit.OncePerDay).Id;
        var first = await tills[0].PostAsJsonAsync("/api/till/redemptions", new { token = TokenFor(card), OfferId = daily, SaleAmount = 50m });
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var second = await tills[1].PostAsJsonAsync("/api/till/redemptions", new { token = TokenFor(card), OfferId = daily, SaleAmount = 50m });
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await second.Content.ReadAsStringAsync()).ShouldContain("今日已使用过此优惠");
        var usedUp = await (await tills[0].PostAsJsonAsync("/api/till/check", new { token = TokenFor(card) })).Content.ReadFromJsonAsync<TillCheck>(TestJson.Options);
        usedUp!.Offers.Single(o => o.Id == daily).UsedUp.ShouldBeTrue();

        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        (await db.Redemptions.CountAsync(r => r.MerchantId == merchant.Id)).ShouldBe(2);
    }

    [Fact]
    public async Task An_offer_for_model_workers_shows_and_applies_only_once_the_union_records_the_member_as_one()
    {
        var merchant = await OnboardAsync("zz.admin", "till.groups", Offer("全员九五折", "Percent", 5, "Unlimited"),
            new { Title = "劳模八折", Kind = "Percent", Value = 20m, ValidFrom = "2020-01-01", ValidTo = "2099-12-31", Limit = "Unlimited", Groups = "ModelWorker" });
        var forModelWorkers = merchant.Offers.Single(o => o.Description.StartsWith("劳模八折", StringComparison.Ordinal));
        (await Admin("zz.admin").PostAsJsonAsync($"/api/merchants/{merchant.Id}/offers",
            new { Title = "x", Kind = "Percent", Value = 5m, ValidFrom = "2020-01-01", ValidTo = "2099-12-31", Limit = "Unlimited", Groups = 8 }, TestJson.Options))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var member = fixture.World.ZhengzhouMember;
        var card = await CardOfAsync(member, "zz.officer");
        var till = await TillAsync("till.groups");

        var check = await (await till.PostAsJsonAsync("/api/till/check", new { token = TokenFor(card) })).Content.ReadFromJsonAsync<TillCheck>(TestJson.Options);
        check!.Offers.Select(o => o.Id).ShouldNotContain(forModelWorkers.Id);
        var refused = await till.PostAsJsonAsync("/api/till/redemptions", new { token = TokenFor(card), OfferId = forModelWorkers.Id, SaleAmount = 100m });
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var refusedText = await refused.Content.ReadAsStringAsync();
        refusedText.ShouldContain("仅限特定会员群体", customMessage: refusedText);
        (await till.GetFromJsonAsync<List<TillOfferView>>("/api/till/offers", TestJson.Options))!.ShouldNotContain(o => o.Id == forModelWorkers.Id, "offline tills cannot know groups");

        var officer = fixture.Factory.Api(fixture.World.User("zz.officer"));
        var row = await officer.GetFromJsonAsync<JsonElement>($"/api/members/{member}");
        (await fixture.Factory.Api(fixture.World.User("ly.officer")).PutAsJsonAsync($"/api/members/{member}/groups",
            new { Groups = "ModelWorker", Version = row.GetProperty("version").GetInt32() }, TestJson.Options)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "another city's member");
        var set = await officer.PutAsJsonAsync($"/api/members/{member}/groups", new { Groups = "ModelWorker", Version = row.GetProperty("version").GetInt32() }, TestJson.Options);
        set.StatusCode.ShouldBe(HttpStatusCode.OK, await set.Content.ReadAsStringAsync());
        (await officer.PutAsJsonAsync($"/api/members/{member}/groups", new { Groups = "None", Version = row.GetProperty("version").GetInt32() }, TestJson.Options))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict, "a stale version");

        check = await (await till.PostAsJsonAsync("/api/till/check", new { token = TokenFor(card) })).Content.ReadFromJsonAsync<TillCheck>(TestJson.Options);
        check!.Offers.Single(o => o.Id == forModelWorkers.Id).Description.ShouldContain("限劳动模范");
        var sale = await till.PostAsJsonAsync("/api/till/redemptions", new { token = TokenFor(card), OfferId = forModelWorkers.Id, SaleAmount = 100m });
        sale.StatusCode.ShouldBe(HttpStatusCode.OK, await sale.Content.ReadAsStringAsync());
        (await sale.Content.ReadFromJsonAsync<RedemptionView>(TestJson.Options))!.Discount.ShouldBe(20m);
    }

    [Fact]
    public async Task A_code_used_at_one_merchant_or_a_frozen_card_is_refused_with_the_reason()
    {
        var first = await OnboardAsync("zz.admin", "till.one", Offer("九折", "Percent", 10, "Unlimited"));
        var second = await OnboardAsync("zz.admin", "till.two", Offer("九五折", "Percent", 5, "Unlimited"));
        var card = await CardOfAsync(fixture.World.ZhengzhouMember, "zz.officer");
        var token = TokenFor(card);
        (await (await TillAsync("till.one")).PostAsJsonAsync("/api/till/redemptions", new { token, OfferId = first.Offers[0].Id, SaleAmount = 10m })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var elsewhere = await (await TillAsync("till.two")).PostAsJsonAsync("/api/till/redemptions", new { token, OfferId = second.Offers[0].Id, SaleAmount = 10m });
        elsewhere.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await elsewhere.Content.ReadAsStringAsync()).ShouldContain("已在其他商户使用");
        var foreignOffer = await (await TillAsync("till.two")).PostAsJsonAsync("/api/till/redemptions", new { token = TokenFor(card), OfferId = first.Offers[0].Id, SaleAmount = 10m });
        (await foreignOffer.Content.ReadAsStringAsync()).ShouldContain("该优惠不存在");

        var view = await fixture.Factory.Api(fixture.World.User("zz.officer")).GetFromJsonAsync<CardView>($"/api/members/{fixture.World.ZhengzhouMember}/card", TestJson.Options);
        (await fixture.Factory.Api(fixture.World.User("zz.officer")).PostAsJsonAsync($"/api/cards/{card}/actions", new { Action = "Freeze", view!.Version }, TestJson.Options))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var frozen = await (await TillAsync("till.two")).PostAsJsonAsync("/api/till/check", new { token = TokenFor(card) });
        (await frozen.Content.ReadAsStringAsync()).ShouldContain("会员卡已冻结");
        var refused = await (await TillAsync("till.two")).PostAsJsonAsync("/api/till/redemptions", new { token, OfferId = second.Offers[0].Id, SaleAmount = 10m });
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        view = await fixture.Factory.Api(fixture.World.User("zz.officer")).GetFromJsonAsync<CardView>($"/api/members/{fixture.World.ZhengzhouMember}/card", TestJson.Options);
        (await fixture.Factory.Api(fixture.World.User("zz.officer")).PostAsJsonAsync($"/api/cards/{card}/actions", new { Action = "Unfreeze", view!.Version }, TestJson.Options))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Two_app_instances_given_the_same_code_at_once_record_one_sale_through_the_database_keys()
    {
        var merchant = await OnboardAsync("zz.admin", "till.twin", Offer("九折", "Percent", 10, "Unlimited"));
        var card = await CardOfAsync(fixture.World.ZhengzhouMember, "zz.officer");
        await using var other = new AppFactory(fixture.Database.ConnectionString);
        var otherTill = other.Anonymous();
        (await otherTill.PostAsJsonAsync("/api/till/sign-in", new { UserName = "till.twin", Password = "Till-Password-1" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var till = await TillAsync("till.twin");
        for (var round = 0; round < 5; round++)
        {
            var token = TokenFor(card);
            var sale = new { token, OfferId = merchant.Offers[0].Id, SaleAmount = 30m };
            var both = await Task.WhenAll(till.PostAsJsonAsync("/api/till/redemptions", sale), otherTill.PostAsJsonAsync("/api/till/redemptions", sale));
            var views = await Task.WhenAll(both.Select(r => r.Content.ReadFromJsonAsync<RedemptionView>(TestJson.Options)));
            views[0]!.Id.ShouldBe(views[1]!.Id);
        }

        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        (await db.Redemptions.CountAsync(r => r.MerchantId == merchant.Id)).ShouldBe(5);
    }

    [Fact]
    public async Task Statements_count_each_sale_once_per_day_and_month_for_the_union_and_for_the_till()
    {
        var merchant = await OnboardAsync("zz.admin", "till.books", Offer("九折", "Percent", 10, "Unlimited"));
        var card = await CardOfAsync(fixture.World.ZhengzhouMember, "zz.officer");
        var till = await TillAsync("till.books");
        var city = fixture.World.Org("4101");
        var figuresBefore = await Admin("zz.admin").GetFromJsonAsync<WorkersHome.Modules.Organizations.BrowseTree.ServiceFigures>($"/api/organizations/{city}/service-figures", TestJson.Options);
        foreach (var amount in new[] { 100m, 50m })
        {
            var sale = new { token = TokenFor(card), OfferId = merchant.Offers[0].Id, SaleAmount = amount };
            (await till.PostAsJsonAsync("/api/till/redemptions", sale)).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await till.PostAsJsonAsync("/api/till/redemptions", sale)).StatusCode.ShouldBe(HttpStatusCode.OK, "a repeat answers with the recorded sale");
        }

        var daily = await Admin("zz.admin").GetFromJsonAsync<Statement>("/api/merchants/statements?period=Day", TestJson.Options);
        var row = daily!.Rows.Single(r => r.MerchantId == merchant.Id);
        (row.Redemptions, row.Amount, row.Discount).ShouldBe((2, 150m, 15m));
        row.Period.Length.ShouldBe(10);
        // The tree's figures count each sale once too (counted in batches; reading them catches up first).
        var figures = await Admin("zz.admin").GetFromJsonAsync<WorkersHome.Modules.Organizations.BrowseTree.ServiceFigures>($"/api/organizations/{city}/service-figures", TestJson.Options);
        (figures!.Redemptions - figuresBefore!.Redemptions, figures.RedemptionSales - figuresBefore.RedemptionSales, figures.RedemptionDiscounts - figuresBefore.RedemptionDiscounts)
            .ShouldBe((2L, 150m, 15m));
        var monthly = await Admin("zz.admin").GetFromJsonAsync<Statement>("/api/merchants/statements?period=Month", TestJson.Options);
        monthly!.Rows.Single(r => r.MerchantId == merchant.Id).Period.Length.ShouldBe(7);
        (await Admin("ly.admin").GetFromJsonAsync<Statement>("/api/merchants/statements", TestJson.Options))!.Rows.ShouldNotContain(r => r.MerchantId == merchant.Id);

        var own = await till.GetFromJsonAsync<Statement>("/api/till/statement?period=Month", TestJson.Options);
        own!.Rows.ShouldAllBe(r => r.MerchantId == merchant.Id);
        own.Redemptions.ShouldBe(2);

        var xlsx = await Admin("zz.admin").GetAsync("/api/merchants/statements.xlsx?period=Day");
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe(MerchantStatements.XlsxType);
        var sheet = MiniExcelLibs.MiniExcel.Query(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        sheet.ShouldContain(r => (string)r["商户"] == merchant.Name && Convert.ToDecimal(r["优惠金额（元）"]) == 15m);
        (await Admin("zz.admin").GetAsync("/api/merchants/statements?from=2026-12-01&to=2026-01-01")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_public_directory_lists_merchants_with_offers_valid_today_nearest_first()
    {
        var near = await OnboardAsync("zz.admin", "till.near", Offer("九折", "Percent", 10, "Unlimited"));
        var expired = await OnboardAsync("zz.admin", "till.old", new { Title = "过期", Kind = "Percent", Value = 10, ValidFrom = "2020-01-01", ValidTo = "2020-12-31", Limit = "Unlimited" });
        var anonymous = fixture.Factory.Anonymous();
        var all = await anonymous.GetFromJsonAsync<List<DirectoryMerchant>>("/api/directory/merchants", TestJson.Options);
        all.ShouldNotBeNull();
        all.ShouldContain(m => m.Id == near.Id && m.Offers.Count == 1);
        all.ShouldNotContain(m => m.Id == expired.Id, "no offer valid today");
        var located = await anonymous.GetFromJsonAsync<List<DirectoryMerchant>>("/api/directory/merchants?lat=34.76&lng=113.63", TestJson.Options);
        located.ShouldNotBeNull();
        located.ShouldContain(m => m.Id == near.Id);
        located.Select(m => m.DistanceKm!.Value).ShouldBeInOrder();
        (await anonymous.GetFromJsonAsync<List<DirectoryMerchant>>("/api/directory/merchants?lat=39.90&lng=116.40", TestJson.Options))!.ShouldNotContain(m => m.Id == near.Id, "Beijing is far from Zhengzhou");
        (await anonymous.GetFromJsonAsync<List<DirectoryMerchant>>("/api/directory/merchants?category=Health", TestJson.Options))!.ShouldNotContain(m => m.Id == near.Id);
        var page = await anonymous.GetStringAsync("/m/Merchants");
        page.ShouldContain(near.Name);
        page.ShouldContain("directory-map");
    }

    [Fact]
    public async Task The_till_reads_a_member_with_its_own_statement_as_the_context_reads_them_but_only_once_committed()
    {
        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        var members = scope.ServiceProvider.GetRequiredService<WorkersHome.Modules.Members.Contracts.IMemberDirectory>();
        var member = fixture.World.ZhengzhouMember;
        (await members.FindCheckedCommittedAsync(member)).ShouldBe(await members.FindCheckedAsync(member));
        (await members.FindCheckedCommittedAsync(Guid.NewGuid())).ShouldBeNull();

        // A change the caller has not committed yet is not what a till sees.
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Members.Where(m => m.Id == member).ExecuteUpdateAsync(u => u.SetProperty(m => m.Name, "未提交"));
        (await members.FindCheckedAsync(member))!.Name.ShouldBe("未提交");
        (await members.FindCheckedCommittedAsync(member))!.Name.ShouldNotBe("未提交");
        await transaction.RollbackAsync();
    }

    [Theory]
    [InlineData(39.9042, 116.4074, 31.2304, 121.4737, 1067)]
    [InlineData(34.7466, 113.6254, 34.6197, 112.4540, 108)]
    public void Distances_are_great_circle_kilometres(double lat1, double lng1, double lat2, double lng2, double km) =>
        MerchantDirectory.DistanceKm(lat1, lng1, lat2, lng2).ShouldBe(km, tolerance: 2);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public async Task Sales_made_offline_are_checked_as_of_their_time_within_a_day_and_recorded_once_however_often_synced()
    {
        var merchant = await OnboardAsync("zz.admin", "till.offline", Offer("九折", "Percent", 10, "Unlimited"));
        var card = await CardOfAsync(fixture.World.LuoyangMember, "ly.officer");
        var now = DateTimeOffset.UtcNow;
        await using (var scope = fixture.Factory.WholeTreeScope(out var db))
        {
            // The card has been in the member's pocket for an hour (its history says so), as a real card would.
            await db.MemberCards.Where(c => c.Id == card).ExecuteUpdateAsync(u => u.SetProperty(c => c.StatusChangedAt, now.AddHours(-1)));
            await db.CardStatusChanges.Where(c => c.CardId == card).ExecuteUpdateAsync(u => u.SetProperty(c => c.At, now.AddHours(-1)));
        }

        // A code the member showed ten minutes ago, while the till was offline: expired now, valid then.
        var keys = fixture.Factory.Services.GetRequiredService<CardKeyRing>();
        var old = new CardTokenIssuer(keys, new CardOptions { TokenSeconds = 60 }, new FixedClock(now.AddMinutes(-10))).Issue(card).Token;
        var till = await TillAsync("till.offline");
        object Sale(string id, string token, DateTimeOffset at) => new { ClientId = id, Token = token, OfferId = merchant.Offers[0].Id, SaleAmount = 40m, RecordedAt = at };

        var batch = new[] { Sale("a", old, now.AddMinutes(-9.5)), Sale("b", old, now), Sale("c", TokenFor(card), now.AddHours(-25)) };
        var results = await (await till.PostAsJsonAsync("/api/till/redemptions/sync", batch, TestJson.Options)).Content.ReadFromJsonAsync<List<OfflineRedemptionResult>>(TestJson.Options);
        results.ShouldNotBeNull();
        results.Single(r => r.ClientId == "a").Recorded.ShouldBeTrue();
        var expired = results.Single(r => r.ClientId == "b");
        (expired.Recorded, expired.Error).ShouldBe((true, null), "the same code again is the sale already recorded, whatever time the till claims");
        var stale = results.Single(r => r.ClientId == "c");
        stale.Recorded.ShouldBeFalse();
        stale.Error!.ShouldContain("24 小时");

        var again = await (await till.PostAsJsonAsync("/api/till/redemptions/sync", new[] { Sale("a", old, now.AddMinutes(-9.5)) }, TestJson.Options)).Content.ReadFromJsonAsync<List<OfflineRedemptionResult>>(TestJson.Options);
        again!.Single().Redemption!.Repeated.ShouldBeTrue();
        await using (var scope = fixture.Factory.WholeTreeScope(out var db))
        {
            var sale = await db.Redemptions.SingleAsync(r => r.MerchantId == merchant.Id);
            sale.At.ShouldBe(now.AddMinutes(-9.5), TimeSpan.FromMilliseconds(1));
        }

        // A card reported lost after the offline sale does not undo it; a code shown after the loss is refused.
        // (Luoyang's member, whom no other test here uses: the loss stays with this test.)
        var view = await fixture.Factory.Api(fixture.World.User("ly.officer")).GetFromJsonAsync<CardView>($"/api/members/{fixture.World.LuoyangMember}/card", TestJson.Options);
        var beforeLoss = TokenFor(card);
        var lostAt = DateTimeOffset.UtcNow;
        (await fixture.Factory.Api(fixture.World.User("ly.officer")).PostAsJsonAsync($"/api/cards/{card}/actions", new { Action = "ReportLost", view!.Version }, TestJson.Options))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var afterLoss = new CardTokenIssuer(keys, new CardOptions(), new FixedClock(lostAt.AddSeconds(5))).Issue(card).Token;
        var lossBatch = new[] { Sale("d", beforeLoss, lostAt.AddSeconds(-1)), Sale("e", afterLoss, lostAt.AddSeconds(5)) };
        var lossResults = await (await till.PostAsJsonAsync("/api/till/redemptions/sync", lossBatch, TestJson.Options)).Content.ReadFromJsonAsync<List<OfflineRedemptionResult>>(TestJson.Options);
        lossResults.ShouldNotBeNull();
        lossResults.Single(r => r.ClientId == "d").Recorded.ShouldBeTrue();
        var refused = lossResults.Single(r => r.ClientId == "e");
        refused.Recorded.ShouldBeFalse();
        refused.Error!.ShouldContain("已挂失");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_a_till_account()
    {
        await OnboardAsync("zz.admin", "till.lock", Offer("九折", "Percent", 10, "Unlimited"));
        var client = fixture.Factory.Anonymous();
        for (var i = 0; i < TillAuthentication.MaxFailedSignIns; i++)
        {
            (await client.PostAsJsonAsync("/api/till/sign-in", new { UserName = "till.lock", Password = "wrong-password" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        (await client.PostAsJsonAsync("/api/till/sign-in", new { UserName = "till.lock", Password = "Till-Password-1" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
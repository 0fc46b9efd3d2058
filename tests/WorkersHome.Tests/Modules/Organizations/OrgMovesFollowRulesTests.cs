using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using WorkersHome.Modules.Assistance;
using WorkersHome.Modules.Assistance.Applications;
using WorkersHome.Modules.Assistance.Archive;
using WorkersHome.Modules.Assistance.Dashboard;
using WorkersHome.Modules.Assistance.Disbursement;
using WorkersHome.Modules.Assistance.MutualAid;
using WorkersHome.Modules.Assistance.Programs;
using WorkersHome.Modules.Assistance.Visits;
using WorkersHome.Modules.Cards;
using WorkersHome.Modules.Members;
using WorkersHome.Modules.Members.Import;
using WorkersHome.Modules.Members.Transfer;
using WorkersHome.Modules.Merchants;
using WorkersHome.Platform.Persistence;
using WorkersHome.Platform.Security;
using WorkersHome.Testing;

namespace WorkersHome.Tests.Modules.Organizations;

public sealed class OrgMovesFixture : AppFixture;

/// <summary>
/// The promise of docs/adr/0014: a union holding rows of every org-owned kind moves to another county (or merges into a union of
/// another county), and every endpoint that shows those rows answers the old and the new county's cadres exactly as the rules say.
/// </summary>
public sealed class OrgMovesFollowRulesTests(OrgMovesFixture fixture) : IClassFixture<OrgMovesFixture>
{
    private const string CountyA = "410102";
    private const string CountyB = "410103";

    private static int _sequence;

    /// <summary>Who sees a row after the tree changed: the new county only (it followed its union) or the old one only (it stayed).</summary>
    private enum Sees
    {
        NewCounty,
        OldCounty,
    }

    /// <summary>One read: a list that holds the row (a property with the row's id somewhere in the JSON), or a detail (200 vs 404).</summary>
    private sealed record Probe(string Kind, string Url, Sees Expected, string? Property = null, string? Value = null)
    {
        public override string ToString() => $"{Kind} {Url}";
    }

    private HttpClient Admin => fixture.Cadre("zz.admin");

    [Fact]
    public async Task A_union_moved_to_another_county_takes_its_rows_and_leaves_the_money_with_the_org_that_paid()
    {
        var union = await NewUnionAsync("410102003", "随迁测试物流有限公司工会委员会");
        var rows = await SeedEveryKindAsync(union.Id, union.Path, "随迁");
        var oldCounty = await CountyCadreAsync(CountyA);
        var newCounty = await CountyCadreAsync(CountyB);
        var probes = Probes(union.Id, rows);

        // Before the move the old county sees everything and the new one nothing: the probes can tell the two apart.
        foreach (var probe in probes)
        {
            (await SeesAsync(oldCounty, probe)).ShouldBeTrue($"before the move, {CountyA} should see {probe}");
            (await SeesAsync(newCounty, probe)).ShouldBeFalse($"before the move, {CountyB} should not see {probe}");
        }

        var moved = await Admin.PostAsJsonAsync($"/api/organizations/{union.Id}/move", new { NewParentId = fixture.World.Org(CountyB), union.Version });
        moved.StatusCode.ShouldBe(HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());

        var wrong = new List<string>();
        foreach (var probe in probes)
        {
            var expectOld = probe.Expected == Sees.OldCounty;
            if (await SeesAsync(oldCounty, probe) != expectOld)
            {
                wrong.Add($"{CountyA} {(expectOld ? "misses" : "still sees")} {probe}");
            }

            if (await SeesAsync(newCounty, probe) == expectOld)
            {
                wrong.Add($"{CountyB} {(expectOld ? "sees" : "misses")} {probe}");
            }
        }

        wrong.ShouldBeEmpty();

        // Rows no cadre endpoint lists by union: the path followed (or stayed) in the database.
        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        var newPath = (await TestWorld.FindUnitAsync(db, union.Id)).Path;
        newPath.ShouldStartWith($"/41/4101/{CountyB}/");
        (await db.Set<CardBenefit>().SingleAsync(b => b.Id == rows.Benefit)).OrgPath.ShouldBe(newPath);
        (await db.Set<ImportColumnMapping>().CountAsync(m => m.OrgPath == newPath)).ShouldBe(1);
        (await db.Set<ProgramBudget>().SingleAsync(b => b.Id == rows.Budget)).OrgPath.ShouldBe(newPath);
        (await db.Set<CampaignFigures>().SingleAsync(f => f.Id == rows.Figures)).OrgPath.ShouldBe(newPath);
        (await db.Set<Payment>().SingleAsync(p => p.Id == rows.Payment)).OrgPath.ShouldBe(union.Path);
    }

    [Fact]
    public async Task A_union_merged_into_one_of_another_county_hands_over_its_rows_but_not_the_ones_kept_per_union()
    {
        var source = await NewUnionAsync("410102004", "合并测试甲物流有限公司工会委员会");
        var survivor = await NewUnionAsync(CountyB, "合并测试乙物流有限公司工会委员会");
        var rows = await SeedEveryKindAsync(source.Id, source.Path, "并入");
        var newCounty = await CountyCadreAsync(CountyB);
        var oldCounty = await CountyCadreAsync(CountyA);

        var merged = await Admin.PostAsJsonAsync($"/api/organizations/{source.Id}/merge", new { TargetId = survivor.Id, source.Version });
        merged.StatusCode.ShouldBe(HttpStatusCode.OK, await merged.Content.ReadAsStringAsync());

        var wrong = new List<string>();
        foreach (var probe in Probes(survivor.Id, rows).Where(p => !p.Url.StartsWith("/api/cards/by-union/", StringComparison.Ordinal)))
        {
            var expectOld = probe.Expected == Sees.OldCounty;
            if (await SeesAsync(oldCounty, probe) != expectOld)
            {
                wrong.Add($"{CountyA} {(expectOld ? "misses" : "still sees")} {probe}");
            }

            if (await SeesAsync(newCounty, probe) == expectOld)
            {
                wrong.Add($"{CountyB} {(expectOld ? "sees" : "misses")} {probe}");
            }
        }

        wrong.ShouldBeEmpty();

        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        var all = db.Set<Member>().IgnoreQueryFilters();
        (await all.SingleAsync(m => m.Id == rows.Member)).ShouldSatisfyAllConditions(
            m => m.OrgPath.ShouldBe(survivor.Path), m => m.OrgId.ShouldBe(survivor.Id));
        (await db.Set<MemberCard>().IgnoreQueryFilters().SingleAsync(c => c.Id == rows.Card)).ShouldSatisfyAllConditions(
            c => c.OrgPath.ShouldBe(survivor.Path), c => c.OrgId.ShouldBe(survivor.Id));
        (await db.Set<Merchant>().IgnoreQueryFilters().SingleAsync(m => m.Id == rows.Merchant)).OrgId.ShouldBe(survivor.Id);
        (await db.Set<Redemption>().IgnoreQueryFilters().SingleAsync(r => r.Id == rows.Redemption)).OrgPath.ShouldBe(survivor.Path);
        (await db.Set<MemberImport>().SingleAsync(i => i.Id == rows.Import)).OrgPath.ShouldBe(survivor.Path);
        (await db.Set<CardBenefit>().SingleAsync(b => b.Id == rows.Benefit)).OrgPath.ShouldBe(survivor.Path);
        (await db.Set<Enrollment>().SingleAsync(e => e.Id == rows.Enrollment)).ShouldSatisfyAllConditions(
            e => e.OrgPath.ShouldBe(survivor.Path), e => e.OrgId.ShouldBe(survivor.Id));
        (await db.Set<AssistanceProgram>().SingleAsync(p => p.Id == rows.Program)).OrgId.ShouldBe(survivor.Id);
        (await db.Set<AssistanceApplication>().IgnoreQueryFilters().SingleAsync(a => a.Id == rows.Application)).OrgId.ShouldBe(survivor.Id);
        var transfers = await db.Set<MemberTransfer>().Where(t => t.Id == rows.TransferOut || t.Id == rows.TransferIn).ToListAsync();
        transfers.Single(t => t.Id == rows.TransferOut).ShouldSatisfyAllConditions(t => t.FromPath.ShouldBe(survivor.Path), t => t.FromOrgId.ShouldBe(survivor.Id));
        transfers.Single(t => t.Id == rows.TransferIn).ShouldSatisfyAllConditions(t => t.ToPath.ShouldBe(survivor.Path), t => t.ToOrgId.ShouldBe(survivor.Id));

        // Kept one per union: they stay with the merged union rather than collide with the survivor's own row.
        (await db.Set<ProgramBudget>().SingleAsync(b => b.Id == rows.Budget)).ShouldSatisfyAllConditions(
            b => b.OrgPath.ShouldBe(source.Path), b => b.OrgId.ShouldBe(source.Id));
        (await db.Set<CampaignFigures>().SingleAsync(f => f.Id == rows.Figures)).ShouldSatisfyAllConditions(
            f => f.OrgPath.ShouldBe(source.Path), f => f.OrgId.ShouldBe(source.Id));
        (await db.Set<ImportColumnMapping>().CountAsync(m => m.OrgPath == source.Path)).ShouldBe(1);

        // Money stays with the org that paid it.
        (await db.Set<Payment>().IgnoreQueryFilters().SingleAsync(p => p.Id == rows.Payment)).ShouldSatisfyAllConditions(
            p => p.OrgPath.ShouldBe(source.Path), p => p.OrgId.ShouldBe(source.Id));
    }

    /// <summary>Every read a cadre has of the rows, and who must see each after the change.</summary>
    private static List<Probe> Probes(long unionId, SeededRows rows) =>
    [
        new("member", "/api/members?take=200", Sees.NewCounty, "id", rows.Member.ToString()),
        new("member", $"/api/members/{rows.Member}", Sees.NewCounty),
        new("join application", "/api/members/applications", Sees.NewCounty, "id", rows.Join.ToString()),
        new("transfer out", "/api/members/transfers", Sees.NewCounty, "id", rows.TransferOut.ToString()),
        new("transfer in", "/api/members/transfers", Sees.NewCounty, "id", rows.TransferIn.ToString()),
        new("import", "/api/members/imports", Sees.NewCounty, "id", rows.Import.ToString()),
        new("import", $"/api/members/imports/{rows.Import}", Sees.NewCounty),
        new("card", $"/api/members/{rows.Member}/card", Sees.NewCounty),
        new("card", $"/api/cards/by-union/{unionId}", Sees.NewCounty),
        new("merchant", "/api/merchants", Sees.NewCounty, "id", rows.Merchant.ToString()),
        new("merchant", $"/api/merchants/{rows.Merchant}", Sees.NewCounty),
        new("redemption", "/api/merchants/statements?period=Day", Sees.NewCounty, "merchantId", rows.Merchant.ToString()),
        new("hardship file", "/api/assistance/hardship", Sees.NewCounty, "id", rows.Hardship.ToString()),
        new("hardship file", $"/api/assistance/hardship/{rows.Hardship}", Sees.NewCounty),
        new("visit", "/api/assistance/visits", Sees.NewCounty, "id", rows.Visit.ToString()),
        new("application", "/api/assistance/applications", Sees.NewCounty, "id", rows.Application.ToString()),
        new("application", $"/api/assistance/applications/{rows.Application}", Sees.NewCounty),
        new("enrolment", $"/api/assistance/programs/{rows.CityProgram}/enrollments", Sees.NewCounty, "id", rows.Enrollment.ToString()),
        new("program", "/api/assistance/programs", Sees.NewCounty, "id", rows.Program.ToString()),
        new("program", $"/api/assistance/programs/{rows.Program}", Sees.NewCounty),
        new("batch", "/api/assistance/batches", Sees.OldCounty, "id", rows.Batch.ToString()),
        new("batch and payment", $"/api/assistance/batches/{rows.Batch}", Sees.OldCounty),
    ];

    private static async Task<bool> SeesAsync(HttpClient client, Probe probe)
    {
        var response = await client.GetAsync(probe.Url);
        var body = await response.Content.ReadAsStringAsync();
        if (probe.Property is null)
        {
            response.StatusCode.ShouldBeOneOf([HttpStatusCode.OK, HttpStatusCode.NotFound], $"{probe}: {body}");
            return response.StatusCode == HttpStatusCode.OK;
        }

        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{probe}: {body}");
        return Holds(JsonDocument.Parse(body).RootElement, probe.Property, probe.Value!);
    }

    /// <summary>Whether any object in the JSON has the property with that value (ids compared as text, Guids case-blind).</summary>
    private static bool Holds(JsonElement element, string property, string value) => element.ValueKind switch
    {
        JsonValueKind.Array => element.EnumerateArray().Any(e => Holds(e, property, value)),
        JsonValueKind.Object => element.EnumerateObject().Any(p =>
            (p.Name.Equals(property, StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number
                && string.Equals(p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText(), value, StringComparison.OrdinalIgnoreCase))
            || Holds(p.Value, property, value)),
        _ => false,
    };

    private sealed record NewUnit(long Id, string Path, int Version);

    private async Task<NewUnit> NewUnionAsync(string parentCode, string name)
    {
        var response = await Admin.PostAsJsonAsync("/api/organizations",
            new { ParentId = fixture.World.Org(parentCode), Union = new { Name = name, UnionType = "GigWorkers" } });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var union = await response.Content.ReadFromJsonAsync<JsonElement>(TestJson.Options);
        var id = union.GetProperty("id").GetInt64();
        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        return new NewUnit(id, (await TestWorld.FindUnitAsync(db, id)).Path, union.GetProperty("version").GetInt32());
    }

    /// <summary>An administrator (and finance officer) of a county, through the API with a token of their own.</summary>
    private async Task<HttpClient> CountyCadreAsync(string county)
    {
        var name = $"{county}.cadre{Interlocked.Increment(ref _sequence)}";
        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CadreUser>>();
        var user = new CadreUser { Id = Guid.NewGuid(), UserName = name, DisplayName = "测试" + name, OrgId = fixture.World.Org(county), CreatedAt = DateTimeOffset.UtcNow };
        (await users.CreateAsync(user, TestWorld.Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRolesAsync(user, [Roles.UnionAdministrator, Roles.FinanceOfficer])).Succeeded.ShouldBeTrue();
        (await users.ResetAuthenticatorKeyAsync(user)).Succeeded.ShouldBeTrue();
        (await users.SetTwoFactorEnabledAsync(user, true)).Succeeded.ShouldBeTrue(); // administrators must have it, even by token
        var token = ApiTokenAuthenticationHandler.NewToken();
        db.ApiTokens.Add(new ApiToken
        {
            UserId = user.Id,
            Name = "test",
            TokenHash = ApiTokenAuthenticationHandler.Hash(token),
            CreatedAt = DateTimeOffset.UtcNow,
            ExpiresAt = DateTimeOffset.UtcNow.AddDays(1),
        });
        await db.SaveChangesAsync();
        return fixture.Factory.Api(new TestCadre(name, Roles.UnionAdministrator, county, user.Id, null, token));
    }

    private sealed record SeededRows(Guid Member, Guid Join, Guid TransferOut, Guid TransferIn, Guid Import, Guid Card, long Benefit, long Merchant,
        long Redemption, Guid Hardship, Guid Visit, long CityProgram, Guid Application, long Enrollment, long Program, long Budget, long Figures,
        long Batch, long Payment);

    /// <summary>
    /// One row of every org-owned kind at the union. The member and the join application come through the product; the rest are
    /// written straight to the database (their own flows are tested elsewhere and are long), since only the reads matter here.
    /// </summary>
    private async Task<SeededRows> SeedEveryKindAsync(long unionId, string unionPath, string prefix)
    {
        var n = Interlocked.Increment(ref _sequence);
        var idNumber = ResidentIdNumber.Compose("410102", new DateOnly(1980, 1, 1).AddDays(n * 37), 300 + n, Gender.Male);
        var memberName = TestWorld.PersonName(prefix, n);
        var joinId = await JoinAsync(unionId, prefix, n);

        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        var register = scope.ServiceProvider.GetRequiredService<WorkersHome.Modules.Members.Register.RegisterMember>();
        var memberId = (await register.ExecuteAsync(TestWorld.Member(unionId, memberName, idNumber))).Id;
        var member = await db.Members.SingleAsync(m => m.Id == memberId);
        var luoyangUnion = fixture.World.Org(TestWorld.LuoyangUnionCode);
        var leaving = await register.ExecuteAsync(TestWorld.Member(luoyangUnion, TestWorld.PersonName(prefix + "转入", n),
            ResidentIdNumber.Compose("410302", new DateOnly(1982, 1, 1).AddDays(n * 29), 400 + n, Gender.Female)));
        var luoyang = await db.Members.SingleAsync(m => m.Id == leaving.Id);
        var luoyangPath = (await TestWorld.FindUnitAsync(db, luoyangUnion)).Path;
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var transferOut = MemberTransfer.Request(Guid.NewGuid(), member, luoyangUnion, luoyangPath, "test", now);
        var transferIn = MemberTransfer.Request(Guid.NewGuid(), luoyang, unionId, unionPath, "test", now);
        var import = new MemberImport { Id = Guid.NewGuid(), At = now, ActorName = "test", OrgPath = unionPath, FileName = "名册.xlsx", State = ImportState.Completed };
        var card = MemberCard.Issue(Guid.NewGuid(), memberId, unionId, unionPath, $"9{n:D4}{Random.Shared.NextInt64(100_000_000_000, 999_999_999_999)}", now);
        var benefit = new CardBenefit { OrgPath = unionPath, Zh = "公交优惠", En = "Bus discount" };
        var merchant = new Merchant
        {
            OrgId = unionId,
            OrgPath = unionPath,
            Name = prefix + "测试超市",
            CreditCode = "91410100MA" + n.ToString("D8", System.Globalization.CultureInfo.InvariantCulture),
            Category = MerchantCategory.Shopping,
            Address = "测试路1号",
            CreatedAt = now,
        };
        db.AddRange(transferOut, transferIn, import, card, benefit, merchant);
        db.Add(new ImportColumnMapping { OrgPath = unionPath, Map = "{}", UpdatedAt = now, UpdatedBy = "test" });
        db.Add(Visit.Plan(Guid.NewGuid(), $"{today.Year}元旦春节送温暖", memberId, memberName, unionId, unionPath, VisitGroup.Hardship, today.AddDays(30), "test"));

        var cityProgram = Program("4101", "/41/4101/", ProgramType.MedicalMutualAid, prefix + "互助", now);
        var program = Program(unionId.ToString(System.Globalization.CultureInfo.InvariantCulture), unionPath, ProgramType.LivingRelief, prefix + "送温暖", now);
        program.OrgId = unionId;
        cityProgram.OrgId = fixture.World.Org("4101");
        db.AddRange(cityProgram, program);
        await db.SaveChangesAsync();

        foreach (var id in new[] { cityProgram.Id, program.Id })
        {
            db.Add(new ProgramRuleVersion { ProgramId = id, Number = 1, RulesJson = JsonSerializer.Serialize(new ProgramRules(), ProgramQueries.Json), EffectiveFrom = now, CreatedBy = "test" });
        }

        var offer = new Offer { MerchantId = merchant.Id, Title = "九折", Kind = DiscountKind.Percent, Value = 10, ValidFrom = today.AddDays(-1), ValidTo = today.AddDays(30) };
        db.Add(offer);
        await db.SaveChangesAsync();
        var redemption = new Redemption
        {
            MerchantId = merchant.Id,
            OrgPath = unionPath,
            OfferId = offer.Id,
            CardId = card.Id,
            MemberId = memberId,
            PresentationKey = Guid.NewGuid().ToString("N"),
            SaleAmount = 100,
            Discount = 10,
            At = now,
            Day = today,
            HolderMasked = memberName[..1] + "*",
            Counted = true,
        };
        var budget = new ProgramBudget { ProgramId = program.Id, OrgId = unionId, OrgPath = unionPath, OrgName = "测试", Amount = 10_000 };
        var figures = new CampaignFigures { OrgId = unionId, OrgPath = unionPath, Year = today.Year, Trained = 3, ReEmployed = 1, UpdatedBy = "test", UpdatedAt = now };
        var application = new AssistanceApplication
        {
            Id = Guid.NewGuid(),
            ProgramId = cityProgram.Id,
            MemberId = memberId,
            MemberName = memberName,
            IdMasked = "4101**********0000",
            OrgId = unionId,
            OrgPath = unionPath,
            Amount = 500,
            ExplanationZh = "测试",
            ExplanationEn = "test",
            ApprovalLevel = 1,
            ApproversNeeded = 1,
            PersonKey = Guid.NewGuid().ToString("N"),
            SubmissionKey = Guid.NewGuid(),
            FactsCipher = scope.ServiceProvider.GetRequiredService<WorkersHome.Platform.Privacy.PersonalDataProtector>()
                .Encrypt(JsonSerializer.Serialize(new ApplicationFacts(null, "测试", []), ProgramQueries.Json)),
            FiledBy = "test",
            FiledAt = now,
            Version = 1,
        };
        var enrollment = new Enrollment
        {
            ProgramId = cityProgram.Id,
            OrgId = unionId,
            OrgPath = unionPath,
            MemberId = memberId,
            PersonName = memberName,
            PersonIdHash = Guid.NewGuid().ToString("N"),
            IdMasked = "4101**********0000",
            Kind = EnrolleeKind.Member,
            Items = 1,
            Premium = 80,
            EnrolledBy = "test",
            EnrolledAt = now,
        };
        var batch = new PaymentBatch
        {
            ProgramId = program.Id,
            OrgId = unionId,
            OrgPath = unionPath,
            OrgName = "测试",
            ItemCount = 1,
            Total = 500,
            RequestKey = Guid.NewGuid(),
            CreatedBy = "test",
            CreatedAt = now,
        };
        db.AddRange(redemption, budget, figures, application, enrollment, batch);
        await db.SaveChangesAsync();

        var payment = new Payment
        {
            ApplicationId = application.Id,
            ProgramId = program.Id,
            BudgetId = budget.Id,
            OrgId = unionId,
            OrgPath = unionPath,
            MemberId = memberId,
            PayeeName = memberName,
            IdMasked = "4101**********0000",
            BankName = "测试银行",
            AccountCipher = "x",
            AccountMasked = "****0000",
            Amount = 500,
            CreatedAt = now,
        };
        db.Add(payment);
        db.Entry(payment).Property(p => p.Status).CurrentValue = PaymentStatus.Paid;
        db.Entry(payment).Property(p => p.BatchId).CurrentValue = batch.Id;
        await db.SaveChangesAsync();

        await HardshipSeeding.PutInArchiveAsync(fixture.Factory, memberId, HardshipCause.Illness);
        var hardship = await db.HardshipFiles.Where(f => f.MemberId == memberId).Select(f => f.Id).SingleAsync();
        var visit = await db.Set<Visit>().Where(v => v.MemberId == memberId).Select(v => v.Id).SingleAsync();
        return new SeededRows(memberId, joinId, transferOut.Id, transferIn.Id, import.Id, card.Id, benefit.Id, merchant.Id, redemption.Id, hardship, visit,
            cityProgram.Id, application.Id, enrollment.Id, program.Id, budget.Id, figures.Id, batch.Id, payment.Id);
    }

    private static AssistanceProgram Program(string code, string path, ProgramType type, string name, DateTimeOffset now) => new()
    {
        Name = name + code,
        Type = type,
        OrgPath = path,
        OrgName = "测试",
        Year = now.Year,
        StartsOn = new DateOnly(now.Year, 1, 1),
        EndsOn = new DateOnly(now.Year, 12, 31),
        CreatedBy = "test",
        CreatedAt = now,
    };

    /// <summary>A worker applies online to join the union, through the phone pages and the join API.</summary>
    private async Task<Guid> JoinAsync(long unionId, string prefix, int n)
    {
        var phone = "1370000" + (1000 + n).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (applicant, _) = await MemberSignIn.ByPhoneAsync(fixture.Factory, phone);
        var idNumber = ResidentIdNumber.Compose("410102", new DateOnly(1998, 1, 1).AddDays(n * 41), 600 + n, Gender.Female);
        var created = await applicant.PostAsJsonAsync("/api/join/applications", JoinForms.Gig(unionId, TestWorld.PersonName(prefix + "申请", n), idNumber), TestJson.Options);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>(TestJson.Options)).GetProperty("id").GetGuid();
    }
}
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Rights.Cases;
using WorkersHome.Modules.Rights.Knowledge;
using WorkersHome.Testing;

namespace WorkersHome.Tests.Modules.Rights;

public sealed class KnowledgeFixture : AppFixture;

/// <summary>The 12351 knowledge base on PostgreSQL: Chinese search by a caller's words, editing and publishing, the public Q&amp;A.</summary>
public sealed class KnowledgeTests(KnowledgeFixture fixture) : IClassFixture<KnowledgeFixture>
{
    private HttpClient As(string user) => fixture.Factory.Api(fixture.World.User(user));

    private async Task<List<KnowledgeHit>> SearchAsync(string q, string user = "agent", string? topic = null)
    {
        var url = $"/api/rights/knowledge?q={Uri.EscapeDataString(q)}" + (topic is null ? "" : $"&topic={topic}");
        return (await As(user).GetFromJsonAsync<List<KnowledgeHit>>(url, TestJson.Options))!;
    }

    private async Task<List<KnowledgeHit>> PublicAsync(string q) =>
        (await fixture.Factory.Anonymous().GetFromJsonAsync<List<KnowledgeHit>>($"/api/public/qa?q={Uri.EscapeDataString(q)}", TestJson.Options))!;

    private async Task<KnowledgeArticleView> CreateAsync(object article, string user = "zz.admin")
    {
        var response = await As(user).PostAsJsonAsync("/api/rights/knowledge", article, TestJson.Options);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<KnowledgeArticleView>(TestJson.Options))!;
    }

    [Theory]
    [InlineData("老板拖了三个月工资不给怎么办", KnowledgeSeed.WageArrears)]
    [InlineData("试用期可以延长吗", KnowledgeSeed.Probation)]
    [InlineData("加班费怎么算", KnowledgeSeed.Overtime)]
    [InlineData("12351能帮我做什么", KnowledgeSeed.Hotline)]
    public async Task A_callers_own_words_find_the_answer_first(string question, int expected)
    {
        var hits = await SearchAsync(question);

        hits.ShouldNotBeEmpty();
        hits[0].Id.ShouldBe(KnowledgeSeed.Id(expected), string.Join(" / ", hits.Select(h => h.Title)));
        hits.Count.ShouldBeLessThanOrEqualTo(KnowledgeQuery.DefaultLimit);
    }

    [Fact]
    public async Task A_pregnant_worker_dismissed_finds_the_female_workers_answer_with_the_words_marked()
    {
        var hits = await SearchAsync("怀孕被辞退");

        hits[0].Id.ShouldBe(KnowledgeSeed.Id(KnowledgeSeed.FemaleWorkers), string.Join(" / ", hits.Select(h => h.Title)));
        hits[0].Snippet.ShouldContain("<mark>怀孕</mark>");
        hits.Take(3).ShouldContain(h => h.Topic == CaseTopic.Dismissal || h.Topic == CaseTopic.FemaleWorkers);

        var ofTopic = await SearchAsync("工资", topic: nameof(CaseTopic.FemaleWorkers));
        ofTopic.ShouldNotBeEmpty();
        ofTopic.ShouldAllBe(h => h.Topic == CaseTopic.FemaleWorkers);
    }

    [Fact]
    public async Task The_seed_holds_twenty_published_answers_within_the_limits()
    {
        var all = (await fixture.Factory.Anonymous().GetFromJsonAsync<List<KnowledgeHit>>("/api/public/qa?limit=500", TestJson.Options))!;

        all.Select(h => h.Id).ShouldBeSubsetOf(all.Select(h => h.Id).Distinct());
        Enumerable.Range(1, 20).Select(KnowledgeSeed.Id).ShouldBeSubsetOf(all.Select(h => h.Id));
        KnowledgeSeed.Articles.Count.ShouldBe(20);
        KnowledgeSeed.Articles.ShouldAllBe(a => a.Title.Length <= KnowledgeArticle.MaxTitle && a.Question.Length <= KnowledgeArticle.MaxQuestion
            && a.Answer.Length <= KnowledgeArticle.MaxAnswer && a.LawReference.Length <= KnowledgeArticle.MaxLawReference && a.Tags.Length <= KnowledgeArticle.MaxTags);
        Enum.GetValues<CaseTopic>().Where(t => t != CaseTopic.Other).ShouldAllBe(t => KnowledgeSeed.Articles.Any(a => a.Topic == t));
    }

    [Fact]
    public async Task An_edit_and_its_publication_change_what_searches_find()
    {
        var created = await CreateAsync(new
        {
            Title = "职工疗休养的安排",
            Question = "单位组织职工疗休养，时间算不算休假？",
            Answer = "疗休养由工会组织。\n时间一般不占用年休假。",
            Topic = "Other",
            Tags = "疗休养 休养"
        });
        created.Published.ShouldBeFalse();
        created.Version.ShouldBe(1);

        (await SearchAsync("疗休养")).ShouldContain(h => h.Id == created.Id && !h.Published, "cadres see the draft");
        (await PublicAsync("疗休养")).ShouldNotContain(h => h.Id == created.Id, "the public sees published articles only");
        (await fixture.Factory.Anonymous().GetStringAsync("/qa")).ShouldNotContain("职工疗休养的安排");

        var published = await As("zz.admin").PostAsJsonAsync($"/api/rights/knowledge/{created.Id}/publication", new { Version = 1, Published = true }, TestJson.Options);
        published.StatusCode.ShouldBe(HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        (await PublicAsync("疗休养")).ShouldContain(h => h.Id == created.Id);
        (await fixture.Factory.Anonymous().GetStringAsync("/qa?q=疗休养")).ShouldContain("职工疗休养的安排");

        var changed = await As("t.admin").PutAsJsonAsync($"/api/rights/knowledge/{created.Id}", new
        {
            Title = "职工书屋借阅",
            Question = "职工书屋怎么借书？",
            Answer = "凭会员卡到职工书屋借阅。",
            Topic = "Other",
            Tags = "书屋 借书",
            Version = 2
        }, TestJson.Options);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        var view = (await changed.Content.ReadFromJsonAsync<KnowledgeArticleView>(TestJson.Options))!;
        (view.Version, view.Published, view.UpdatedBy).ShouldBe((3, true, "t.admin"));
        (await PublicAsync("借书")).ShouldContain(h => h.Id == created.Id && h.Title == "职工书屋借阅");
        (await SearchAsync("疗休养")).ShouldNotContain(h => h.Id == created.Id, "the old words are gone from the index");

        var stale = await As("zz.admin").PutAsJsonAsync($"/api/rights/knowledge/{created.Id}", new
        {
            Title = "旧版本的修改",
            Question = "问",
            Answer = "答",
            Topic = "Other",
            Version = 2
        }, TestJson.Options);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await As("zz.admin").PostAsJsonAsync($"/api/rights/knowledge/{created.Id}/publication", new { Version = 1, Published = false }, TestJson.Options))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var withdrawn = await As("zz.admin").PostAsJsonAsync($"/api/rights/knowledge/{created.Id}/publication", new { Version = 3, Published = false }, TestJson.Options);
        withdrawn.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PublicAsync("借书")).ShouldNotContain(h => h.Id == created.Id);
        (await As("agent").GetFromJsonAsync<KnowledgeArticleView>($"/api/rights/knowledge/{created.Id}", TestJson.Options))!.Title.ShouldBe("职工书屋借阅");

        await using var scope = fixture.Factory.WholeTreeScope(out var db);
        var actions = await db.AuditEntries.Where(a => a.TargetId == created.Id.ToString()).Select(a => a.Action).ToListAsync();
        actions.ShouldBe([EditKnowledge.Created, EditKnowledge.Published, EditKnowledge.Changed, EditKnowledge.Withdrawn], ignoreOrder: true);
    }

    [Fact]
    public async Task Only_editors_write_and_only_cadres_with_the_cases_search()
    {
        var article = new { Title = "测试", Question = "问", Answer = "答", Topic = "Other" };
        foreach (var user in new[] { "zz.officer", "agent", "zy.rights", "auditor" })
        {
            (await As(user).PostAsJsonAsync("/api/rights/knowledge", article, TestJson.Options)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, user);
            (await As(user).PutAsJsonAsync($"/api/rights/knowledge/{KnowledgeSeed.Id(1)}", new { article.Title, article.Question, article.Answer, article.Topic, Version = 1 },
                TestJson.Options)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, user);
        }

        (await As("zz.officer").GetAsync("/api/rights/knowledge?q=工资")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await fixture.Factory.Anonymous().GetAsync("/api/rights/knowledge?q=工资")).StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
        (await As("zy.rights").GetAsync("/api/rights/knowledge?q=工资")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await As("agent").GetAsync($"/api/rights/knowledge/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_refused_article_names_each_field()
    {
        var response = await As("zz.admin").PostAsJsonAsync("/api/rights/knowledge",
            new { Title = " ", Question = "试用期能延长吗？", Answer = new string('答', KnowledgeArticle.MaxAnswer + 1), Tags = new string('词', 201) }, TestJson.Options);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        foreach (var field in new[] { "Title", "Answer", "Topic", "Tags" })
        {
            errors.TryGetProperty(field, out _).ShouldBeTrue(field + " " + errors);
        }

        errors.TryGetProperty("Question", out _).ShouldBeFalse(errors.ToString());
        errors.GetProperty("Title")[0].GetString().ShouldBe("请填写标题（80 字以内）");
    }

    [Fact]
    public async Task The_desk_page_searches_for_agents_and_editors_write_on_it()
    {
        var agent = await fixture.Factory.SignedInAsync(fixture.World.User("agent"));
        var found = await agent.GetStringAsync("/Rights/Knowledge?q=" + Uri.EscapeDataString("加班费怎么算"));
        found.ShouldContain("加班费怎么算：150%、200%、300%");
        found.ShouldContain("<mark>");
        found.ShouldNotContain("id=\"knowledge-new\"");
        (await agent.GetAsync($"/Rights/Knowledge?edit={KnowledgeSeed.Id(1)}")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);

        var admin = await fixture.Factory.SignedInAsync(fixture.World.User("zz.admin"));
        var newForm = $"/Rights/Knowledge?edit={Guid.Empty}";
        var refused = await WebClients.PostFormAsync(admin, $"/Rights/Knowledge?handler=Save&edit={Guid.Empty}",
            new Dictionary<string, string> { ["Input.Title"] = "职工互助保障", ["Input.Question"] = "", ["Input.Answer"] = "参加互助保障。", ["Input.Topic"] = "Other" }, newForm);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("请填写典型问题（500 字以内）");

        var saved = await WebClients.PostFormAsync(admin, $"/Rights/Knowledge?handler=Save&edit={Guid.Empty}",
            new Dictionary<string, string>
            {
                ["Input.Title"] = "职工互助保障怎么参加",
                ["Input.Question"] = "职工互助保障怎么参加？",
                ["Input.Answer"] = "由单位工会统一办理。\r\n\r\n生病住院可申请补助。",
                ["Input.Topic"] = "Other",
                ["Input.Published"] = "true",
            }, newForm);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await fixture.Factory.Anonymous().GetStringAsync("/")).ShouldContain("href=\"/qa\"", customMessage: "the public home page leads to the Q&A");
        var publicPage = await fixture.Factory.Anonymous().GetStringAsync("/qa");
        publicPage.ShouldContain("职工互助保障怎么参加");
        publicPage.ShouldContain("单位工会统一办理。</p>");
        publicPage.ShouldContain("工资应当至少每月支付一次");
    }
}
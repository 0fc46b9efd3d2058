using System.Text.RegularExpressions;

using WorkersHome.Testing;

namespace WorkersHome.Tests.Pages;

public sealed partial class HomePageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Services_that_exist_are_links_and_the_others_say_they_are_coming_and_are_not()
    {
        var html = await fixture.Factory.Anonymous().GetStringAsync("/");

        Card(html, "aid").ShouldContain("<a href=\"/m/Aid\"");
        foreach (var id in new[] { "rights", "suggestions" })
        {
            var card = Card(html, id);
            card.ShouldContain("即将上线");
            Links().Matches(card).Select(m => m.Value).Where(a => !a.Contains("tel:12351", StringComparison.Ordinal)).ShouldBeEmpty(id);
        }

        Card(html, "rights").ShouldContain("<a href=\"tel:12351\" id=\"hotline-12351\">12351</a>");
    }

    private static string Card(string html, string id)
    {
        var start = html.IndexOf($"id=\"service-{id}\"", StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0, id);
        var end = html.IndexOf("id=\"service-", start + 1, StringComparison.Ordinal);
        return end < 0 ? html[start..] : html[start..end];
    }

    [GeneratedRegex("<a [^>]*>")]
    private static partial Regex Links();
}
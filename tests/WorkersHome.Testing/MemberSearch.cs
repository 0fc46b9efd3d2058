using System.Net.Http.Json;
using System.Text.Json;

namespace WorkersHome.Testing;

public static class MemberSearch
{
    /// <summary>POST /api/members/search: a name or number goes in the body, never in the address.</summary>
    public static async Task<JsonElement> SearchMembersAsync(this HttpClient client, object filter)
    {
        var response = await client.PostAsJsonAsync("/api/members/search", filter);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
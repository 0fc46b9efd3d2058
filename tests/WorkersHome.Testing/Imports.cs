using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace WorkersHome.Testing;

/// <summary>Imports run in the background: post the file, then follow the import until it has finished.</summary>
public static class Imports
{
    public static async Task<JsonElement> ImportAsync(this HttpClient client, HttpContent content, string query = "")
    {
        var response = await client.PostAsync("/api/members/imports" + query, content);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"The import was not accepted: {(int)response.StatusCode} {body}");
        }

        return await client.FollowImportAsync(JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!);
    }

    public static async Task<JsonElement> FollowImportAsync(this HttpClient client, string id, int timeoutSeconds = 120)
    {
        var until = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            var view = await client.GetFromJsonAsync<JsonElement>("/api/members/imports/" + id);
            var state = view.GetProperty("state").GetString();
            if (state is "Completed" or "Failed")
            {
                return view;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Import {id} still {state} after {timeoutSeconds} s");
            }

            await Task.Delay(100);
        }
    }
}
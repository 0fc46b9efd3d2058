using System.Net;

using Microsoft.EntityFrameworkCore;

namespace WorkersHome.Testing;

/// <summary>A person signing in on the member pages by phone and SMS code, as a browser would.</summary>
public static class MemberSignIn
{
    /// <summary>Signs the phone in; returns the client (with its cookie) and where the sign-in sent it (/m/Card or /m/Link).</summary>
    public static async Task<(HttpClient Client, string Next)> ByPhoneAsync(AppFactory factory, string phone)
    {
        var client = factory.Anonymous();
        var sent = await WebClients.PostFormAsync(client, "/m/Login?handler=Send", new() { ["Phone"] = phone }, "/m/Login");
        if (sent.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"sending a code to {phone} answered {(int)sent.StatusCode}");
        }

        string body;
        await using (var scope = factory.WholeTreeScope(out var db))
        {
            body = (await db.OutboxMessages.OrderByDescending(m => m.Id).FirstAsync(m => m.RecipientMasked == WorkersHome.Platform.Privacy.Mask.Phone(phone))).Body;
        }

        var code = System.Text.RegularExpressions.Regex.Match(body, "[0-9]{6}").Value;
        var verified = await WebClients.PostFormAsync(client, "/m/Login?handler=Verify", new() { ["Phone"] = phone, ["Code"] = code }, "/m/Login");
        if (verified.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"the code for {phone} answered {(int)verified.StatusCode}");
        }

        return (client, verified.Headers.Location!.OriginalString);
    }

    /// <summary>Signs a registered member in by phone, confirming name and ID number the first time (the page asks once).</summary>
    public static async Task<HttpClient> AsMemberAsync(AppFactory factory, string phone, string name, string idNumber)
    {
        var (client, next) = await ByPhoneAsync(factory, phone);
        if (next.EndsWith("/m/Link", StringComparison.Ordinal))
        {
            var linked = await WebClients.PostFormAsync(client, "/m/Link", new() { ["Name"] = name, ["IdNumber"] = idNumber });
            if (linked.StatusCode != HttpStatusCode.Redirect || !linked.Headers.Location!.OriginalString.EndsWith("/m/Card", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"linking {name} answered {(int)linked.StatusCode}");
            }
        }

        return client;
    }
}
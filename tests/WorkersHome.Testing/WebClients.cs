using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

using Microsoft.AspNetCore.Mvc.Testing;

using OtpNet;

namespace WorkersHome.Testing;

/// <summary>HTTP clients that act as a cadre: by API token, or by signing in through the pages like a browser.</summary>
public static partial class WebClients
{
    public static HttpClient Api(this AppFactory factory, TestCadre cadre)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", cadre.ApiToken);
        return client;
    }

    public static HttpClient Anonymous(this AppFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static string TotpNow(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();

    /// <summary>Signs in through the login form (and the 2FA form when the account has one); returns the final response.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string user, string password, string? totpKey)
    {
        var response = await PostFormAsync(client, "/SignIn/Login", new() { ["UserName"] = user, ["Password"] = password });
        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("LoginWith2fa", StringComparison.Ordinal) == true)
        {
            response = await PostFormAsync(client, response.Headers.Location.OriginalString, new() { ["Code"] = totpKey is null ? "000000" : TotpNow(totpKey) });
        }

        return response;
    }

    public static async Task<HttpClient> SignedInAsync(this AppFactory factory, TestCadre cadre)
    {
        var client = factory.Anonymous();
        var response = await SignInAsync(client, cadre.UserName, TestWorld.Password, cadre.TotpKey);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"sign-in of {cadre.UserName} answered {(int)response.StatusCode}");
        }

        return client;
    }

    /// <summary>GETs the form page, takes its antiforgery token, and posts the fields with it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string? formPageUrl = null)
    {
        var page = await client.GetAsync(formPageUrl ?? url);
        var html = await page.Content.ReadAsStringAsync();
        var token = AntiforgeryToken().Match(html);
        if (!token.Success)
        {
            throw new InvalidOperationException($"no antiforgery token on {formPageUrl ?? url} ({(int)page.StatusCode})");
        }

        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
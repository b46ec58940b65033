using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EfficiencyDashboard.Web.Tests.Infrastructure;

/// <summary>Signs in the way a browser does: the login page's form, its antiforgery field, and the sign-in cookie it gets back.</summary>
public static partial class CookieSignIn
{
    public static async Task<HttpClient> SignInAsync(this DashboardFactory factory, string userName, string password)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Authorization = null;
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["password"] = password,
            ["returnUrl"] = "/runs",
            [AntiforgeryField] = await AntiforgeryTokenAsync(client, "/account/login"),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/runs", response.Headers.Location?.OriginalString);
        return client;
    }

    public const string AntiforgeryField = "__RequestVerificationToken";

    /// <summary>The antiforgery field a page renders in its forms (and the cookie that goes with it, kept by the client).</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var match = TokenField().Match(html);
        Assert.True(match.Success, $"{page} renders no antiforgery field");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}

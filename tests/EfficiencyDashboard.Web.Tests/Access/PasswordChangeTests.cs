using System.Net;
using EfficiencyDashboard.Web.Tests.Infrastructure;

namespace EfficiencyDashboard.Web.Tests.Access;

/// <summary>The account page's password form: the new password signs in, the old one no longer does, this browser stays signed in.</summary>
[Collection(DashboardCollection.Name)]
public sealed class PasswordChangeTests(DashboardFixture app) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task A_user_changes_their_password_and_only_the_new_one_signs_in()
    {
        using var admin = app.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/users", JsonContent(
            """{"name": "erin", "roles": ["viewer"], "password": "erin's first password"}"""))).StatusCode);
        using var browser = await app.Factory.SignInAsync("erin", "erin's first password");

        var wrong = await browser.PostAsync("/account/password", Form(browser, "not my password", "erin's second password", "erin's second password"));
        var changed = await browser.PostAsync("/account/password", Form(browser, "erin's first password", "erin's second password", "erin's second password"));

        Assert.Equal("/account?passwordError=PasswordMismatch", wrong.Headers.Location?.OriginalString);
        Assert.Equal("/account?passwordChanged=true", changed.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account")).StatusCode);
        using var again = await app.Factory.SignInAsync("erin", "erin's second password");
        using var old = app.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        old.DefaultRequestHeaders.Authorization = null;
        var refused = await old.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "erin",
            ["password"] = "erin's first password",
            [CookieSignIn.AntiforgeryField] = await CookieSignIn.AntiforgeryTokenAsync(old, "/account/login"),
        }));
        Assert.StartsWith("/account/login?error=invalid", refused.Headers.Location?.OriginalString);
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private static FormUrlEncodedContent Form(HttpClient browser, string current, string next, string confirm) => new(new Dictionary<string, string>
    {
        ["currentPassword"] = current,
        ["newPassword"] = next,
        ["confirmPassword"] = confirm,
        [CookieSignIn.AntiforgeryField] = CookieSignIn.AntiforgeryTokenAsync(browser, "/account").GetAwaiter().GetResult(),
    });
}

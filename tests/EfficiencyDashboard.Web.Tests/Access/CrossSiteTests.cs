using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Runner.ModelBuilding;
using EfficiencyDashboard.Web.Tests.Infrastructure;

namespace EfficiencyDashboard.Web.Tests.Access;

/// <summary>
/// A page of another site can make a signed-in browser post a plain form (with the sign-in cookie, were SameSite not to
/// stop it). Such a post to cancel, suite start or upload fails and changes nothing; the same call from this site's
/// scripts (a header a form cannot send) or with an API token works.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class CrossSiteTests : IDisposable
{
    private readonly TemporaryDataDirectory _data = new();
    private readonly DashboardFactory _factory;

    public CrossSiteTests()
    {
        _factory = new DashboardFactory(_data.Path, new Dictionary<string, string?>
        {
            // Nothing executes: runs and suites stay queued, so the test only watches what was asked.
            ["Runner:Devices:0"] = "gpu0",
            ["Runner:Devices:1"] = "",
            ["Suites:tiny:Models:0"] = "mobilenetv2-1.0-generated",
            ["Suites:tiny:Techniques:0"] = "none",
            ["Suites:tiny:BatchSizes:0"] = "1",
            ["Suites:tiny:Providers:0"] = "cpu",
        });
    }

    [Fact]
    public async Task A_form_post_with_only_the_sign_in_cookie_cannot_cancel_start_a_suite_or_upload()
    {
        using var api = _factory.CreateClient();
        var modelId = await api.ModelIdAsync("mobilenetv2-1.0-generated");
        var runId = await api.StartRunAsync(new { modelId, batchSize = 1, durationSeconds = 0.2, minQueries = 3 });
        using var browser = await _factory.SignInAsync(DashboardFactory.AdminName, _factory.AdminPassword);
        var before = await StateFingerprint.TakeAsync(_factory.Services, _data.Path);

        var cancel = await browser.PostAsync($"/api/runs/{runId}/cancel", new FormUrlEncodedContent([]));
        var suite = await browser.PostAsync("/api/suites/tiny/start", new FormUrlEncodedContent([]));
        using var upload = new MultipartFormDataContent { { new ByteArrayContent(GeneratedModels.TinyMlp()), "file", "tiny.onnx" } };
        var uploaded = await browser.PostAsync("/api/models", upload);

        Assert.Equal(HttpStatusCode.Forbidden, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, suite.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, uploaded.StatusCode);
        Assert.Contains("Cross-site", (string?)(await cancel.Content.ReadFromJsonAsync<JsonObject>())!["title"]);
        Assert.Equal(before, await StateFingerprint.TakeAsync(_factory.Services, _data.Path));
        Assert.Equal("queued", (string?)(await api.GetRunAsync(runId))["status"]);
    }

    [Fact]
    public async Task The_same_calls_from_this_sites_scripts_or_with_a_token_work()
    {
        using var api = _factory.CreateClient();
        var modelId = await api.ModelIdAsync("mobilenetv2-1.0-generated");
        var first = await api.StartRunAsync(new { modelId, batchSize = 1, durationSeconds = 0.2, minQueries = 3 });
        var second = await api.StartRunAsync(new { modelId, batchSize = 1, durationSeconds = 0.2, minQueries = 3 });
        using var browser = await _factory.SignInAsync(DashboardFactory.AdminName, _factory.AdminPassword);

        using var fetch = new HttpRequestMessage(HttpMethod.Post, $"/api/runs/{first}/cancel");
        fetch.Headers.Add("X-Requested-With", "fetch");
        var withHeader = await browser.SendAsync(fetch);
        using var withToken = new HttpRequestMessage(HttpMethod.Post, $"/api/runs/{second}/cancel");
        withToken.Headers.Add("RequestVerificationToken", await CookieSignIn.AntiforgeryTokenAsync(browser, "/runs"));
        var withAntiforgery = await browser.SendAsync(withToken);

        Assert.Equal(HttpStatusCode.Accepted, withHeader.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, withAntiforgery.StatusCode);
        Assert.Equal(2, await StateFingerprint.RunsAsync(_factory.Services, RunStatus.Cancelled));
        // Reads need no proof.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/api/runs/{first}")).StatusCode);
    }

    [Fact]
    public async Task Sign_in_and_sign_out_forms_without_their_antiforgery_field_are_refused()
    {
        using var client = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = null;

        var login = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = DashboardFactory.AdminName,
            ["password"] = _factory.AdminPassword,
        }));
        using var browser = await _factory.SignInAsync(DashboardFactory.AdminName, _factory.AdminPassword);
        var logout = await browser.PostAsync("/account/logout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
        Assert.False(login.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("EfficiencyDashboard.SignIn", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);
        // Still signed in: the account page opens.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account")).StatusCode);
    }

    public void Dispose()
    {
        _factory.Dispose();
        _data.Dispose();
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Users;
using EfficiencyDashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EfficiencyDashboard.Web.Tests.Access;

/// <summary>API tokens as scripts use them: scoped, stored hashed, expiring, revocable, with their last use recorded.</summary>
[Collection(DashboardCollection.Name)]
public sealed class TokenTests(DashboardFixture app) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task A_token_made_through_the_api_acts_with_its_scopes_is_stored_hashed_and_records_its_last_use()
    {
        using var analyst = app.Factory.CreateClientAs(Roles.Engineer, Roles.Analyst);
        var created = await analyst.PostAsJsonAsync("/api/tokens", new { name = "nightly export", scopes = new[] { "analyst" }, expiresInDays = 7 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var secret = (string)body["secret"]!;
        var id = (int)body["token"]!["id"]!;
        using var script = BearerClient(secret);

        var me = await script.GetFromJsonAsync<JsonObject>("/api/me");
        var export = await script.GetAsync("/api/exports/runs.csv");
        var run = await script.PostAsJsonAsync("/api/runs", new { modelId = 1, batchSize = 1 });

        Assert.Equal(new[] { "analyst", "engineer" }, me!["roles"]!.AsArray().Select(r => (string)r!).ToArray());
        Assert.Equal(new[] { "analyst" }, me["scopes"]!.AsArray().Select(r => (string)r!).ToArray());
        Assert.StartsWith("nightly export", (string?)me["token"]);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        // The user is an engineer too, but this token was given the analyst scope only.
        Assert.Equal(HttpStatusCode.Forbidden, run.StatusCode);
        Assert.Contains("this token has the scope analyst", (string?)(await run.Content.ReadFromJsonAsync<JsonObject>())!["detail"]);
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<EfficiencyContext>>().CreateDbContextAsync();
        var stored = await db.ApiTokens.AsNoTracking().SingleAsync(t => t.Id == id);
        Assert.NotNull(stored.LastUsedAtUtc);
        Assert.DoesNotContain(secret, stored.SecretHash + stored.Prefix + stored.Name);
        Assert.Equal(64, stored.SecretHash.Length);
    }

    [Fact]
    public async Task A_revoked_or_expired_token_or_one_of_a_disabled_user_gets_401()
    {
        using var admin = app.Factory.CreateClient();
        var revoked = await CreateAsync(admin, "to revoke");
        var expired = await CreateAsync(admin, "to expire");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/tokens/{revoked.Id}/revoke", null)).StatusCode);
        await using (var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<EfficiencyContext>>().CreateDbContextAsync())
        {
            await db.ApiTokens.Where(t => t.Id == expired.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAtUtc, DateTime.UtcNow.AddMinutes(-1)));
        }

        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/users", new { name = "leaver", roles = new[] { "viewer" } })).StatusCode);
        var leaverToken = await CreateAsync(admin, "leaver's", user: "leaver", scope: "viewer");
        using var leaver = BearerClient(leaverToken.Secret);
        Assert.Equal(HttpStatusCode.OK, (await leaver.GetAsync("/api/models")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync("/api/users/leaver/disable", null)).StatusCode);

        foreach (var secret in new[] { revoked.Secret, expired.Secret, leaverToken.Secret, "edt_made-up" })
        {
            using var client = BearerClient(secret);
            var response = await client.GetAsync("/api/models");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
        }
    }

    [Fact]
    public async Task A_token_never_reaches_beyond_its_users_roles_even_after_they_change()
    {
        using var admin = app.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/users", new { name = "mover", roles = new[] { "engineer" } })).StatusCode);
        var token = await CreateAsync(admin, "mover's", user: "mover", scope: "engineer");
        using var mover = BearerClient(token.Secret);
        var beyond = await mover.PostAsJsonAsync("/api/tokens", new { name = "escalate", scopes = new[] { "admin" } });
        Assert.Equal(HttpStatusCode.BadRequest, beyond.StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("/api/users/mover/roles", new[] { "viewer" })).StatusCode);
        var modelId = await admin.ModelIdAsync("mobilenetv2-1.0-generated");
        var run = await mover.PostAsJsonAsync("/api/runs", new { modelId, batchSize = 1 });

        // The token still says engineer, but its user is now a viewer: it reads, and starts nothing.
        Assert.Equal(HttpStatusCode.Forbidden, run.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await mover.GetAsync("/api/runs")).StatusCode);
    }

    private async Task<(int Id, string Secret)> CreateAsync(HttpClient admin, string name, string user = DashboardFactory.AdminName, string scope = "admin")
    {
        var response = await admin.PostAsJsonAsync("/api/tokens", new { name, scopes = new[] { scope }, user });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return ((int)body["token"]!["id"]!, (string)body["secret"]!);
    }

    private HttpClient BearerClient(string secret)
    {
        var client = app.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }
}

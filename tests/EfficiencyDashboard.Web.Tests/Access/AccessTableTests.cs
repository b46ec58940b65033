using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Reports.Claims;
using EfficiencyDashboard.Core.Users;
using EfficiencyDashboard.Runner.ModelBuilding;
using EfficiencyDashboard.Web.Tests.Infrastructure;
using EfficiencyDashboard.Web.Tests.Reports;
using EfficiencyDashboard.Web.Users;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EfficiencyDashboard.Web.Tests.Access;

/// <summary>
/// Every route of the app, read from its endpoint data source, against every role: an allowed call succeeds (2xx), a
/// denied one gets 401 or 403 (a page sends someone not signed in to the login page) and changes nothing. A route
/// added without a row here fails the test.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class AccessTableTests : IDisposable
{
    private static readonly string[] Everyone = [Roles.Viewer, Roles.Engineer, Roles.Analyst, Roles.Admin];
    private static readonly string[] Engineers = [Roles.Engineer, Roles.Admin];
    private static readonly string[] Analysts = [Roles.Analyst, Roles.Admin];
    private static readonly string[] Admins = [Roles.Admin];
    private static readonly string[] Public = ["anonymous", .. Everyone];

    private readonly TemporaryDataDirectory _data = new();
    private readonly DashboardFactory _factory;

    public AccessTableTests()
    {
        var settings = new Dictionary<string, string?>
        {
            // No worker serves the CPU queue: queued runs, variants and suites stay queued, so the table measures nothing.
            ["Runner:Devices:0"] = "gpu0",
            ["Runner:Devices:1"] = "",
        };
        foreach (var suite in Principal.All.Select(p => p.Name).Append("setup"))
        {
            settings[$"Suites:s-{suite}:Models:0"] = "mobilenetv2-1.0-generated";
            settings[$"Suites:s-{suite}:Techniques:0"] = "none";
            settings[$"Suites:s-{suite}:BatchSizes:0"] = "1";
            settings[$"Suites:s-{suite}:Providers:0"] = "cpu";
        }

        _factory = new DashboardFactory(_data.Path, settings);
    }

    private enum Kind
    {
        /// <summary>The listed roles get 2xx; everyone else 401/403 (pages: a redirect to sign in) and nothing changes.</summary>
        Roles,

        /// <summary>A form post that needs the page's antiforgery field: without it, refused for everyone, nothing changes.</summary>
        FormPost,

        /// <summary>Not called, for the reason given (static files, the Blazor circuit's own endpoints).</summary>
        NotCalled,
    }

    private sealed record Row(string Key, Kind Kind, string[] Allowed, Func<Setup, Principal, HttpRequestMessage>? Request, string? Why = null);

    private sealed record Setup(int ModelId, long RunId, long VariantJobId, long SuiteRunId, int TokenId, long ResultRunId);

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    private static HttpRequestMessage Json(HttpMethod method, string path, object body) => new(method, path) { Content = JsonContent.Create(body) };

    private static readonly Row[] Table =
    [
        // Health: probes do not sign in; details of /healthz/ready are admins' (HealthTests).
        new("* /healthz", Kind.Roles, Public, (_, _) => Get("/healthz")),
        new("* /healthz/ready", Kind.Roles, Public, (_, _) => Get("/healthz/ready")),
        new("GET /openapi/{documentName}.json", Kind.Roles, Everyone, (_, _) => Get("/openapi/v1.json")),
        new("GET /scalar/{documentName?}", Kind.Roles, Everyone, (_, _) => Get("/scalar/v1")),
        // The API reference's own script and icon: the same files for everyone, no data.
        new("GET /scalar/scalar.js", Kind.Roles, Public, (_, _) => Get("/scalar/scalar.js")),
        new("GET /scalar/scalar.aspnetcore.js", Kind.Roles, Public, (_, _) => Get("/scalar/scalar.aspnetcore.js")),
        new("GET /scalar/favicon.svg", Kind.Roles, Public, (_, _) => Get("/scalar/favicon.svg")),
        // Who am I, users and tokens.
        new("GET /api/me", Kind.Roles, Everyone, (_, _) => Get("/api/me")),
        new("GET /api/users", Kind.Roles, Admins, (_, _) => Get("/api/users")),
        new("POST /api/users", Kind.Roles, Admins, (_, p) => Json(HttpMethod.Post, "/api/users", new { name = $"made-by-{p.Name}", roles = new[] { "viewer" } })),
        new("PUT /api/users/{name}/roles", Kind.Roles, Admins, (_, _) => Json(HttpMethod.Put, "/api/users/target/roles", new[] { "viewer", "analyst" })),
        new("POST /api/users/{name}/disable", Kind.Roles, Admins, (_, _) => new(HttpMethod.Post, "/api/users/target/disable")),
        new("POST /api/users/{name}/enable", Kind.Roles, Admins, (_, _) => new(HttpMethod.Post, "/api/users/target/enable")),
        new("GET /api/tokens", Kind.Roles, Everyone, (_, _) => Get("/api/tokens")),
        new("POST /api/tokens", Kind.Roles, Everyone, (_, p) => Json(HttpMethod.Post, "/api/tokens", new { name = "table", scopes = p.Roles })),
        new("POST /api/tokens/{id:int}/revoke", Kind.Roles, Admins, (s, _) => new(HttpMethod.Post, $"/api/tokens/{s.TokenId}/revoke")),
        // Catalog, variants, classification, uploads.
        new("GET /api/models", Kind.Roles, Everyone, (_, _) => Get("/api/models")),
        new("GET /api/models/{id:int}", Kind.Roles, Everyone, (s, _) => Get($"/api/models/{s.ModelId}")),
        new("POST /api/models", Kind.Roles, Engineers, (_, p) => Upload(p)),
        new("PATCH /api/models/{id:int}", Kind.Roles, Engineers, (s, p) => Json(HttpMethod.Patch, $"/api/models/{s.ModelId}", new { task = $"image classification ({p.Name})" })),
        new("POST /api/models/{id:int}/variants", Kind.Roles, Engineers, (s, _) => Json(HttpMethod.Post, $"/api/models/{s.ModelId}/variants", new { technique = "fp16" })),
        new("GET /api/models/{id:int}/variants/jobs", Kind.Roles, Everyone, (s, _) => Get($"/api/models/{s.ModelId}/variants/jobs")),
        new("GET /api/models/variants/jobs/{jobId:long}", Kind.Roles, Everyone, (s, _) => Get($"/api/models/variants/jobs/{s.VariantJobId}")),
        // Runs and suites.
        new("GET /api/runs", Kind.Roles, Everyone, (_, _) => Get("/api/runs")),
        new("POST /api/runs", Kind.Roles, Engineers, (s, _) => Json(HttpMethod.Post, "/api/runs", new { modelId = s.ModelId, batchSize = 1, durationSeconds = 0.2, minQueries = 3 })),
        new("GET /api/runs/{id:long}", Kind.Roles, Everyone, (s, _) => Get($"/api/runs/{s.RunId}")),
        // The run is the admin's: an engineer may cancel only their own (QuotaAndOwnershipTests).
        new("POST /api/runs/{id:long}/cancel", Kind.Roles, Admins, (s, _) => new(HttpMethod.Post, $"/api/runs/{s.RunId}/cancel")),
        // The result is of a run nobody signed in started: only an admin may mark it INVALID.
        new("POST /api/runs/{id:long}/invalidate", Kind.Roles, Admins, (s, _) => Json(HttpMethod.Post, $"/api/runs/{s.ResultRunId}/invalidate", new { reason = "access table" })),
        new("GET /api/suites", Kind.Roles, Everyone, (_, _) => Get("/api/suites")),
        new("POST /api/suites/{name}/start", Kind.Roles, Engineers, (_, p) => new(HttpMethod.Post, $"/api/suites/s-{p.Name}/start")),
        new("GET /api/suites/runs/{id:long}", Kind.Roles, Everyone, (s, _) => Get($"/api/suites/runs/{s.SuiteRunId}")),
        // Reports and exports.
        new("GET /api/claims", Kind.Roles, Everyone, (_, _) => Get("/api/claims")),
        new("POST /api/claims/{id}/settling-runs", Kind.Roles, Engineers, (_, _) => new(HttpMethod.Post, $"/api/claims/{ArticleClaims.Quantization.Id}/settling-runs")),
        new("GET /api/exports", Kind.Roles, Everyone, (_, _) => Get("/api/exports")),
        new("GET /api/exports/{file}", Kind.Roles, Analysts, (_, _) => Get("/api/exports/models.csv")),
        new("GET /api/data-dictionary", Kind.Roles, Everyone, (_, _) => Get("/api/data-dictionary")),
        new("GET /api/data-dictionary.csv", Kind.Roles, Everyone, (_, _) => Get("/api/data-dictionary.csv")),
        // Sign-in forms (CrossSiteTests post them with their antiforgery field).
        new("POST /account/login", Kind.FormPost, [], (_, _) => Form("/account/login", ("userName", "test-admin"), ("password", "x"))),
        new("POST /account/logout", Kind.FormPost, [], (_, _) => Form("/account/logout")),
        new("POST /account/password", Kind.FormPost, [], (_, _) => Form("/account/password", ("currentPassword", "x"), ("newPassword", "y"), ("confirmPassword", "y"))),
        // Pages.
        new("GET /", Kind.Roles, Everyone, (_, _) => Get("/")),
        new("GET /runs", Kind.Roles, Everyone, (_, _) => Get("/runs")),
        new("GET /runs/{Id:long}", Kind.Roles, Everyone, (s, _) => Get($"/runs/{s.RunId}")),
        new("GET /suites", Kind.Roles, Everyone, (_, _) => Get("/suites")),
        new("GET /models", Kind.Roles, Everyone, (_, _) => Get("/models")),
        new("GET /hardware", Kind.Roles, Everyone, (_, _) => Get("/hardware")),
        new("GET /algorithms", Kind.Roles, Everyone, (_, _) => Get("/algorithms")),
        new("GET /architectures", Kind.Roles, Everyone, (_, _) => Get("/architectures")),
        new("GET /decomposition", Kind.Roles, Everyone, (_, _) => Get("/decomposition")),
        new("GET /compare", Kind.Roles, Everyone, (_, _) => Get("/compare")),
        new("GET /downloads", Kind.Roles, Everyone, (_, _) => Get("/downloads")),
        new("GET /not-found", Kind.Roles, Everyone, (_, _) => Get("/not-found")),
        new("GET /account", Kind.Roles, Everyone, (_, _) => Get("/account")),
        new("GET /admin", Kind.Roles, Admins, (_, _) => Get("/admin")),
        new("GET /account/login", Kind.Roles, Public, (_, _) => Get("/account/login")),
        new("GET /account/denied", Kind.Roles, Public, (_, _) => Get("/account/denied")),
        new("GET /setup", Kind.Roles, Public, (_, _) => Get("/setup")),
        // The Blazor circuit: anyone may connect; each page it renders checks the reader's roles, and the services each action.
        new("* /_blazor", Kind.NotCalled, [], null, "the Blazor circuit's hub"),
        new("* /_blazor/negotiate", Kind.NotCalled, [], null, "the Blazor circuit's hub"),
        new("* /_blazor/disconnect", Kind.NotCalled, [], null, "the Blazor circuit's hub"),
        new("* /_blazor/initializers", Kind.NotCalled, [], null, "the Blazor circuit's hub"),
        new("GET /_framework/opaque-redirect", Kind.NotCalled, [], null, "Blazor's redirect after a form post"),
        new("GET /{**path:file}", Kind.NotCalled, [], null, "static files of wwwroot (public, like the login page's styles)"),
    ];

    [Fact]
    public async Task Every_route_answers_each_role_as_its_row_says_and_a_refusal_changes_nothing()
    {
        var routes = RouteKeys();
        var missing = routes.Where(r => Table.All(row => row.Key != r)).ToList();
        Assert.True(missing.Count == 0, "Routes without a row in the access table:\n" + string.Join("\n", missing));
        Assert.All(Table, row => Assert.Contains(row.Key, routes));

        var setup = await PrepareAsync();
        var failures = new List<string>();
        foreach (var row in Table.Where(r => r.Kind != Kind.NotCalled))
        {
            foreach (var principal in Principal.All)
            {
                using var client = ClientFor(principal);
                var before = await StateFingerprint.TakeAsync(_factory.Services, _data.Path);
                using var response = await client.SendAsync(row.Request!(setup, principal));
                var status = (int)response.StatusCode;
                var allowed = row.Kind == Kind.Roles && row.Allowed.Contains(principal.Name);
                if (allowed)
                {
                    if (status is < 200 or > 299)
                    {
                        failures.Add($"{row.Key} as {principal}: {status}, expected 2xx: {await response.Content.ReadAsStringAsync()}");
                    }

                    continue;
                }

                var toLogin = principal == Principal.Anonymous && status == 302 &&
                    response.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.Ordinal) == true;
                var refused = row.Kind == Kind.FormPost ? status is 400 or 401 or 403 || toLogin : status is 401 or 403 || toLogin;
                if (!refused)
                {
                    failures.Add($"{row.Key} as {principal}: {status}, expected it refused");
                }

                if (await StateFingerprint.TakeAsync(_factory.Services, _data.Path) != before)
                {
                    failures.Add($"{row.Key} as {principal}: refused with {status}, but something changed");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>"METHOD pattern" of every route; static files (public by nature) are left out.</summary>
    private HashSet<string> RouteKeys() =>
        _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !e.Metadata.Any(m => m.GetType().FullName?.Contains("StaticAsset", StringComparison.Ordinal) == true))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Where(m => m != "HEAD" && m != "OPTIONS")
                .Take(1)
                .Select(m => $"{m} {Normalize(e.RoutePattern.RawText)}"))
            .ToHashSet();

    private static string Normalize(string? pattern) => pattern is null or "" or "/" ? "/" : "/" + pattern.Trim('/');

    private HttpClient ClientFor(Principal principal)
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = principal.Roles.Length == 0
            ? null
            : new AuthenticationHeaderValue("Bearer", _factory.TokenFor(principal.Roles));
        return client;
    }

    private async Task<Setup> PrepareAsync()
    {
        using var admin = _factory.CreateClient();
        var modelId = await admin.ModelIdAsync("mobilenetv2-1.0-generated");
        var runId = await admin.StartRunAsync(new { modelId, batchSize = 1, durationSeconds = 0.2, minQueries = 3 });
        var job = await (await admin.PostAsJsonAsync($"/api/models/{modelId}/variants", new { technique = "int8-dynamic" })).Content.ReadFromJsonAsync<JsonObject>();
        var suite = await (await admin.PostAsync("/api/suites/s-setup/start", null)).Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/users", new { name = "target", roles = new[] { "viewer" } })).StatusCode);
        var (token, _) = await _factory.Services.GetRequiredService<ApiTokens>()
            .CreateAsync(Actor.CommandLine, "target", "target's script", [Roles.Viewer], TimeSpan.FromDays(1), CancellationToken.None);
        foreach (var principal in Principal.All.Where(p => p.Roles.Length > 0))
        {
            _factory.TokenFor(principal.Roles);
        }

        // One stored result of an int8 variant and one of its parent: the quantization claim then proposes second runs.
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<EfficiencyContext>>().CreateDbContextAsync();
        var evidence = new HandMadeEvidence(db);
        var machine = await evidence.MachineAsync("access-table");
        var variantId = await evidence.ModelAsync("hand-made int8 MobileNetV2", ModelFamily.MobileNet, parentId: modelId, technique: Technique.Int8Static);
        var resultRunId = (await evidence.RunsAsync(modelId, machine, [100]))[0];
        await evidence.RunsAsync(variantId, machine, [250]);
        return new Setup(modelId, runId, (long)job!["id"]!, (long)suite!["id"]!, token!.Token.Id, resultRunId);
    }

    private static HttpRequestMessage Upload(Principal principal)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent($"tiny MLP uploaded by {principal.Name}"), "name" },
            { new ByteArrayContent(GeneratedModels.TinyMlp()), "file", "tiny.onnx" },
        };
        return new HttpRequestMessage(HttpMethod.Post, "/api/models") { Content = form };
    }

    private static HttpRequestMessage Form(string path, params (string Name, string Value)[] fields) =>
        new(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))) };

    public void Dispose()
    {
        _factory.Dispose();
        _data.Dispose();
    }
}

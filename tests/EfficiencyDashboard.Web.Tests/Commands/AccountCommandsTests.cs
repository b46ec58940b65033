using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EfficiencyDashboard.Web.Commands;
using EfficiencyDashboard.Web.Tests.Infrastructure;

namespace EfficiencyDashboard.Web.Tests.Commands;

/// <summary><c>users add</c> and <c>tokens create</c> work on a data directory before the app ever ran, and while it runs.</summary>
[Collection(DashboardCollection.Name)]
public sealed class AccountCommandsTests : IDisposable
{
    private readonly TemporaryDataDirectory _data = new();

    private Dictionary<string, string?> Settings => new(DashboardFactory.SmallCatalog) { ["Storage:DataDirectory"] = _data.Path };

    [Fact]
    public async Task Before_the_app_first_runs_a_user_and_a_token_are_made_and_printed_once_and_both_work_once_it_runs()
    {
        var userOutput = new StringWriter();
        var tokenOutput = new StringWriter();
        var tokenInfo = new StringWriter();

        Assert.Equal(0, await AccountCommands.AddUserAsync("alice", ["--role", "engineer", "--role", "analyst"], TextReader.Null, userOutput, TextWriter.Null, Settings));
        Assert.Equal(0, await AccountCommands.CreateTokenAsync(["--user", "alice", "--scope", "analyst", "--expires", "7d", "--name", "ci"], tokenOutput, tokenInfo, Settings));

        var password = userOutput.ToString().Split("Password (shown only now): ")[1].Trim();
        var token = tokenOutput.ToString().Trim();
        Assert.Contains("Created user alice with the roles engineer, analyst.", userOutput.ToString());
        Assert.StartsWith("edt_", token);
        Assert.Contains("scopes analyst", tokenInfo.ToString());
        using var factory = new DashboardFactory(_data.Path, provisionAdmin: false);
        using var script = factory.CreateClientAs();
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var me = await script.GetFromJsonAsync<JsonObject>("/api/me");
        Assert.Equal("alice", (string?)me!["name"]);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/exports/models.csv")).StatusCode);
        using var browser = await factory.SignInAsync("alice", password);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/runs")).StatusCode);
    }

    [Fact]
    public async Task While_the_app_runs_a_token_made_on_the_command_line_works_at_once()
    {
        using var factory = new DashboardFactory(_data.Path);
        _ = factory.Services;
        var output = new StringWriter();

        Assert.Equal(0, await AccountCommands.AddUserAsync("bob", ["--role", "viewer", "--password-stdin"], new StringReader("a long password for bob\n"), TextWriter.Null, TextWriter.Null, Settings));
        Assert.Equal(0, await AccountCommands.CreateTokenAsync(["--user", "bob", "--scope", "viewer"], output, TextWriter.Null, Settings));

        using var script = factory.CreateClientAs();
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", output.ToString().Trim());
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/runs")).StatusCode);
        using var browser = await factory.SignInAsync("bob", "a long password for bob");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/models")).StatusCode);
    }

    [Theory]
    [InlineData("carol", new[] { "--role", "superuser" }, "Unknown role 'superuser'")]
    [InlineData("carol", new string[0], "at least one role")]
    public async Task A_wrong_verb_says_why_and_makes_nothing(string name, string[] options, string message)
    {
        var error = new StringWriter();

        Assert.Equal(2, await AccountCommands.AddUserAsync(name, options, TextReader.Null, TextWriter.Null, error, Settings));
        Assert.Contains(message, error.ToString());
        Assert.Equal(2, await AccountCommands.CreateTokenAsync(["--user", name, "--scope", "viewer"], TextWriter.Null, error, Settings));
        Assert.Contains("There is no user named 'carol'", error.ToString());
    }

    public void Dispose() => _data.Dispose();
}

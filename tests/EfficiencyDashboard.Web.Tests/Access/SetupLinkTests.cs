using System.Net;
using System.Text.RegularExpressions;
using EfficiencyDashboard.Web.Tests.Infrastructure;
using EfficiencyDashboard.Web.Users;
using Microsoft.Extensions.DependencyInjection;

namespace EfficiencyDashboard.Web.Tests.Access;

/// <summary>A fresh install has no password to guess: the console prints a one-time link that makes the first admin.</summary>
[Collection(DashboardCollection.Name)]
public sealed partial class SetupLinkTests : IDisposable
{
    private readonly TemporaryDataDirectory _data = new();

    [Fact]
    public async Task The_printed_setup_link_creates_the_first_admin_once_and_is_refused_afterwards()
    {
        var logs = new CapturedLogs();
        using var factory = new DashboardFactory(_data.Path, provisionAdmin: false, logs: logs);
        using var anonymous = factory.CreateClientAs();
        var line = await logs.WaitForAsync(l => l.Contains("/setup?token=", StringComparison.Ordinal));
        var token = SetupToken().Match(line).Groups[1].Value;
        var link = factory.Services.GetRequiredService<SetupLink>();
        Assert.Contains("data-testid=\"setup-form\"", await anonymous.GetStringAsync($"/setup?token={token}"));

        var created = await link.RedeemAsync(token, "first-admin", "a long first password", CancellationToken.None);
        var again = await link.RedeemAsync(token, "second-admin", "another long password", CancellationToken.None);

        Assert.Empty(created);
        Assert.Contains("not valid", again["token"][0]);
        Assert.Contains("data-testid=\"setup-refused\"", await anonymous.GetStringAsync($"/setup?token={token}"));
        using var admin = await factory.SignInAsync("first-admin", "a long first password");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task An_expired_setup_link_is_refused_and_creates_no_one()
    {
        var logs = new CapturedLogs();
        using var factory = new DashboardFactory(_data.Path, new Dictionary<string, string?> { ["Auth:SetupLinkLifetime"] = "-00:01:00" }, provisionAdmin: false, logs: logs);
        _ = factory.Services;
        var token = SetupToken().Match(await logs.WaitForAsync(l => l.Contains("/setup?token=", StringComparison.Ordinal))).Groups[1].Value;

        var errors = await factory.Services.GetRequiredService<SetupLink>().RedeemAsync(token, "late-admin", "a long first password", CancellationToken.None);

        Assert.Contains("expired", errors["token"][0]);
        Assert.False(await factory.Services.GetRequiredService<UserAccounts>().AnyAdminAsync(CancellationToken.None));
    }

    [Fact]
    public async Task No_link_is_printed_once_an_admin_exists_and_a_guessed_token_is_refused()
    {
        // The admin exists before the app starts (the command-line verb), as after a first setup.
        Assert.Equal(0, await Web.Commands.AccountCommands.AddUserAsync("ops", ["--role", "admin"], TextReader.Null, TextWriter.Null, TextWriter.Null,
            new Dictionary<string, string?> { ["Storage:DataDirectory"] = _data.Path }));
        var logs = new CapturedLogs();
        using var factory = new DashboardFactory(_data.Path, provisionAdmin: false, logs: logs);
        using var anonymous = factory.CreateClientAs();
        await logs.WaitForAsync(l => l.Contains("no setup link is issued", StringComparison.Ordinal));

        var page = await anonymous.GetStringAsync("/setup?token=setup_guess");
        var errors = await factory.Services.GetRequiredService<SetupLink>().RedeemAsync("setup_guess", "intruder", "a long first password", CancellationToken.None);

        Assert.Contains("data-testid=\"setup-refused\"", page);
        Assert.NotEmpty(errors);
        Assert.DoesNotContain(logs.Lines, l => l.Contains("/setup?token=", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"/setup\?token=(setup_[A-Za-z0-9_\-]+)")]
    private static partial Regex SetupToken();

    public void Dispose() => _data.Dispose();
}

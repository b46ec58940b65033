using System.Globalization;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Web.Hosting;
using EfficiencyDashboard.Web.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EfficiencyDashboard.Web.Commands;

/// <summary>
/// <c>users add</c> and <c>tokens create</c>: work on the database directly, so they work before the app first ran (they
/// apply the migrations) and while it runs. Whoever can run them has the server's data directory, so they act as admin.
/// </summary>
public static class AccountCommands
{
    /// <summary><c>users add NAME --role R [--role R2] [--password-stdin]</c>; without a password, one is made and printed once.</summary>
    public static async Task<int> AddUserAsync(
        string name, string[] options, TextReader input, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var roles = Values(options, "--role");
        string? password = null;
        if (options.Contains("--password-stdin"))
        {
            password = (await input.ReadLineAsync())?.TrimEnd('\r', '\n');
            if (string.IsNullOrEmpty(password))
            {
                await error.WriteLineAsync("--password-stdin: standard input had no password on its first line.");
                return 2;
            }
        }

        using var host = await OpenAsync(settings);
        var (created, errors) = await host.Services.GetRequiredService<UserAccounts>()
            .CreateAsync(Actor.CommandLine, name, roles, password, CancellationToken.None);
        if (created is null)
        {
            await error.WriteLineAsync($"No user was created: {string.Join(" ", errors.Values.SelectMany(e => e))}");
            return 2;
        }

        await output.WriteLineAsync($"Created user {created.User.Name} with the role{(created.User.Roles.Count > 1 ? "s" : "")} {string.Join(", ", created.User.Roles)}.");
        if (created.GeneratedPassword is { } generated)
        {
            await output.WriteLineAsync($"Password (shown only now): {generated}");
        }

        return 0;
    }

    /// <summary>
    /// <c>tokens create --user NAME --scope S [--scope S2] [--expires 30d|12h|never] [--name TEXT]</c>: prints the token alone on
    /// standard output (once; only its hash is stored) and what it is on standard error.
    /// </summary>
    public static async Task<int> CreateTokenAsync(string[] options, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var user = Values(options, "--user").FirstOrDefault();
        if (user is null)
        {
            await error.WriteLineAsync("Say whose token it is: --user NAME.");
            return 2;
        }

        using var host = await OpenAsync(settings);
        var expires = Values(options, "--expires").FirstOrDefault();
        TimeSpan? lifetime = expires is null ? host.Services.GetRequiredService<IOptions<AuthOptions>>().Value.DefaultTokenLifetime : ParseLifetime(expires);
        if (expires is not null && expires != "never" && lifetime is null)
        {
            await error.WriteLineAsync($"--expires '{expires}': use a number of days or hours (30d, 12h) or never.");
            return 2;
        }

        var name = Values(options, "--name").FirstOrDefault() ?? $"command line {DateTime.UtcNow:yyyy-MM-dd HH:mm}";
        var (created, errors) = await host.Services.GetRequiredService<ApiTokens>()
            .CreateAsync(Actor.CommandLine, user, name, Values(options, "--scope"), lifetime, CancellationToken.None);
        if (created is null)
        {
            await error.WriteLineAsync($"No token was created: {string.Join(" ", errors.Values.SelectMany(e => e))}");
            return 2;
        }

        var token = created.Token;
        await error.WriteLineAsync($"Token '{token.Name}' for {token.User}, scopes {string.Join(", ", token.Scopes)}, " +
            (token.ExpiresAtUtc is { } at ? $"expires {at:yyyy-MM-dd HH:mm} UTC" : "never expires") + ". It is shown only now:");
        await output.WriteLineAsync(created.Secret);
        return 0;
    }

    /// <summary>30d, 12h, or a bare number of days; null for never or anything else.</summary>
    public static TimeSpan? ParseLifetime(string text)
    {
        var unit = text[^1];
        var number = char.IsDigit(unit) ? text : text[..^1];
        if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
        {
            return null;
        }

        return unit switch
        {
            'h' => TimeSpan.FromHours(value),
            'd' or (>= '0' and <= '9') => TimeSpan.FromDays(value),
            _ => null,
        };
    }

    /// <summary>Every value given after <paramref name="option"/>, also comma-separated: --role engineer,analyst.</summary>
    private static List<string> Values(string[] options, string option) =>
        [.. options.Select((o, i) => (o, i)).Where(p => p.o == option && p.i + 1 < options.Length)
            .SelectMany(p => options[p.i + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    private static async Task<IHost> OpenAsync(IReadOnlyDictionary<string, string?>? settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = RepositoryLayout.FindContentRoot() });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // The migrations warn about SQLite pragmas on every fresh database; nothing a user acts on.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Error);
        builder.AddApplicationServices();
        var host = builder.Build();
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<EfficiencyContext>>().CreateDbContextAsync();
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        return host;
    }
}

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace EfficiencyDashboard.Web.Users;

/// <summary>At start, while no admin exists, prints the one-time setup link to the console.</summary>
public sealed class SetupLinkAnnouncer(
    SetupLink link, UserAccounts accounts, IServer server, IHostApplicationLifetime lifetime, ILogger<SetupLinkAnnouncer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // After start-up, when the server knows the address it listens on.
        lifetime.ApplicationStarted.Register(() => _ = AnnounceAsync());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task AnnounceAsync()
    {
        try
        {
            if (await accounts.AnyAdminAsync(lifetime.ApplicationStopping))
            {
                logger.LogInformation("An admin exists, so no setup link is issued");
                return;
            }

            var (secret, expires) = link.Issue();
            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5000";
            address = address.Replace("://[::]", "://localhost").Replace("://0.0.0.0", "://localhost").Replace("://+", "://localhost").Replace("://*", "://localhost");
            logger.LogWarning(
                "No admin exists yet. Create the first admin at {SetupUrl} (works once, until {ExpiresAtUtc:yyyy-MM-dd HH:mm} UTC), " +
                "or run: dotnet run --project src/EfficiencyDashboard.Web -- users add NAME --role admin",
                $"{address.TrimEnd('/')}{SetupLink.Path}?token={secret}", expires);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The setup link could not be issued");
        }
    }
}

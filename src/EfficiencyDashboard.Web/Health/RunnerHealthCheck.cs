using EfficiencyDashboard.Web.Runs;
using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace EfficiencyDashboard.Web.Health;

/// <summary>Ready when a live job server of this host serves every configured device queue.</summary>
public sealed class RunnerHealthCheck(JobStorage jobStorage, IOptions<RunnerOptions> options, TimeProvider clock) : IHealthCheck
{
    private static readonly TimeSpan HeartbeatTimeout = TimeSpan.FromMinutes(1);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var servers = jobStorage.GetMonitoringApi().Servers()
            .Where(s => s.Name.StartsWith(Environment.MachineName.ToLowerInvariant(), StringComparison.OrdinalIgnoreCase))
            .Where(s => s.Heartbeat is { } beat && now - beat < HeartbeatTimeout)
            .ToList();
        var missing = options.Value.ServedDevices.Where(d => !servers.Any(s => s.Queues.Contains(d))).ToList();
        return Task.FromResult(missing.Count == 0
            ? HealthCheckResult.Healthy($"Runner workers serve {string.Join(", ", options.Value.ServedDevices)}.")
            : HealthCheckResult.Unhealthy($"No live runner worker for {string.Join(", ", missing)}."));
    }
}

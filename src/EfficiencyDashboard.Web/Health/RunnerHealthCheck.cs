using EfficiencyDashboard.Web.Placement;
using EfficiencyDashboard.Web.Runs;
using EfficiencyDashboard.Web.Workers;
using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace EfficiencyDashboard.Web.Health;

/// <summary>
/// Ready when a live runner worker serves every configured device queue: with a supervised worker, that worker's job
/// servers; with <c>Runner:Worker</c> = none, any worker's. While the supervised worker restarts after dying, it says
/// why and when the next one starts (liveness, <c>/healthz</c>, stays healthy: the web keeps serving).
/// </summary>
public sealed class RunnerHealthCheck(
    JobStorage jobStorage, IOptions<RunnerOptions> options, PlacementProblem placement, TimeProvider clock, IServiceProvider services) : IHealthCheck
{
    private static readonly TimeSpan HeartbeatTimeout = TimeSpan.FromMinutes(1);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var supervised = services.GetService<WorkerSupervisor>()?.State;
        if (supervised is { Phase: not WorkerPhase.Running })
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(supervised.Phase switch
            {
                WorkerPhase.Restarting => $"The runner worker ended ({supervised.LastExit}); a fresh one starts at {supervised.RestartAtUtc:u}.",
                WorkerPhase.Stopped => "The runner worker was stopped with the host.",
                _ => "The runner worker has not started yet.",
            }));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var servers = jobStorage.GetMonitoringApi().Servers()
            .Where(s => supervised?.WorkerId is not { } id || s.Name.StartsWith(id, StringComparison.OrdinalIgnoreCase))
            .Where(s => s.Heartbeat is { } beat && now - beat < HeartbeatTimeout)
            .ToList();
        var devices = options.Value.ServedDevices;
        var missing = devices.Where(d => !servers.Any(s => s.Queues.Contains(d))).ToList();
        var who = supervised is null ? "Runner workers" : $"Runner worker {supervised.WorkerId} (pid {supervised.ProcessId}, {supervised.Restarts} restarts)";
        if (missing.Count > 0)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(supervised is null
                ? $"No live runner worker serves {string.Join(", ", missing)}."
                : $"{who} does not serve {string.Join(", ", missing)} yet."));
        }

        return Task.FromResult(placement.Error is { } error
            ? HealthCheckResult.Degraded($"{who} serve {string.Join(", ", devices)}, but {error}")
            : HealthCheckResult.Healthy($"{who} serve{(supervised is null ? "" : "s")} {string.Join(", ", devices)}."));
    }
}

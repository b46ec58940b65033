using System.Diagnostics;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Web.Hosting;
using EfficiencyDashboard.Web.Placement;
using EfficiencyDashboard.Web.Runs;
using EfficiencyDashboard.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EfficiencyDashboard.Web.Workers;

/// <summary>
/// Starts one runner worker process (this same build, <c>worker</c> verb) and keeps it alive: forwards its output to
/// this host's log, stops it gracefully with the host, kills it when a run exceeds the wall-clock limit, and when it dies
/// ends the work it held with the cause in words and starts a fresh worker after a back-off. Registered as a singleton
/// and as the hosted service, so the readiness check can report the worker's state.
/// </summary>
public sealed class WorkerSupervisor(
    IConfiguration configuration,
    DataDirectory data,
    CpuPlacement placement,
    RunLifecycle lifecycle,
    WorkLeases leases,
    IDbContextFactory<EfficiencyContext> dbFactory,
    IOptions<RunnerOptions> options,
    TimeProvider clock,
    ILoggerFactory loggers) : BackgroundService
{
    /// <summary>Configuration sections a worker needs from its web host (appsettings.json it reads itself; these carry overrides).</summary>
    private static readonly string[] ForwardedSections = ["Storage", "Runner", "Catalog", "Suites", "Logging"];

    /// <summary>A worker that ran this long before dying starts again after the shortest back-off.</summary>
    private static readonly TimeSpan HealthyUptime = TimeSpan.FromMinutes(1);

    private readonly ILogger _logger = loggers.CreateLogger<WorkerSupervisor>();
    private readonly ILogger _workerLog = loggers.CreateLogger("Worker");
    private volatile WorkerState _state = WorkerState.NotStarted;

    public WorkerState State => _state;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var deathsInARow = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var workerId = WorkerIdentity.NewId();
            var started = Stopwatch.StartNew();
            var (exitCode, killedFor) = await RunWorkerAsync(workerId, stoppingToken);
            if (stoppingToken.IsCancellationRequested)
            {
                // A worker that did not hand its work back in time was killed: hand it back for it.
                await lifecycle.WorkerStoppedAsync(workerId);
                await leases.WorkerStoppedAsync(workerId);
                _state = _state with { Phase = WorkerPhase.Stopped, ProcessId = null };
                return;
            }

            var cause = killedFor ?? ProcessExit.Describe(exitCode, "the runner process");
            _logger.LogError("Runner worker {WorkerId} ended: {Cause}", workerId, cause);
            await lifecycle.WorkerDiedAsync(workerId, cause);
            await leases.WorkerDiedAsync(workerId, cause);

            deathsInARow = started.Elapsed > HealthyUptime ? 1 : deathsInARow + 1;
            var delay = TimeSpan.FromSeconds(Math.Min(options.Value.MaxRestartDelay.TotalSeconds, Math.Pow(2, deathsInARow - 1)));
            _state = _state with
            {
                Phase = WorkerPhase.Restarting, ProcessId = null, LastExit = cause, RestartAtUtc = clock.GetUtcNow().UtcDateTime + delay,
                Restarts = _state.Restarts + 1,
            };
            try
            {
                await Task.Delay(delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                _state = _state with { Phase = WorkerPhase.Stopped };
                return;
            }
        }
    }

    /// <summary>Runs one worker until it exits; returns its exit code and, when the supervisor killed it, why.</summary>
    private async Task<(int ExitCode, string? KilledFor)> RunWorkerAsync(string workerId, CancellationToken stoppingToken)
    {
        using var process = new Process { StartInfo = SameBuild.StartInfo(Arguments(workerId)) };
        // Every method compiled optimised once: no background re-compilation on the runner's cores after start, which
        // would compete with the first measurements (tiered compilation re-JITs hot methods for about half a minute).
        process.StartInfo.Environment["DOTNET_TieredCompilation"] = "0";
        if (placement.RunnerCores is { } cores)
        {
            // The runtime sizes its thread pool and GC from this; the worker pins its threads to the same cores at start.
            process.StartInfo.Environment["DOTNET_PROCESSOR_COUNT"] = cores.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        process.OutputDataReceived += (_, e) => Forward(e.Data);
        process.ErrorDataReceived += (_, e) => Forward(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (placement.RunnerCores is { } runnerCores)
        {
            ThreadAffinity.Pin(process.Id, runnerCores);
        }

        _state = _state with
        {
            Phase = WorkerPhase.Running, WorkerId = workerId, ProcessId = process.Id, StartedAtUtc = clock.GetUtcNow().UtcDateTime, RestartAtUtc = null,
        };
        _logger.LogInformation("Started runner worker {WorkerId} (pid {ProcessId})", workerId, process.Id);

        string? killedFor = null;
        var exited = process.WaitForExitAsync(CancellationToken.None);
        var stopping = Task.Delay(Timeout.Infinite, stoppingToken);
        while (!exited.IsCompleted)
        {
            await Task.WhenAny(exited, stopping, Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None));
            if (stoppingToken.IsCancellationRequested)
            {
                await StopGracefullyAsync(process, exited);
                break;
            }

            if (!exited.IsCompleted && killedFor is null && await OverdueRunAsync(workerId) is { } overdue)
            {
                killedFor = $"the supervisor killed the runner process because run {overdue} ran longer than its wall-clock limit of " +
                    $"{Sandbox.SandboxProcess.Duration(options.Value.RunTimeLimit)} (Runner:RunTimeLimit)";
                Signals.Send(process.Id, Signals.SigKill);
            }
        }

        await exited;
        return (process.ExitCode, killedFor);
    }

    /// <summary>SIGTERM, so the worker hands its runs back; SIGKILL if it has not exited in time.</summary>
    private async Task StopGracefullyAsync(Process process, Task exited)
    {
        Signals.Send(process.Id, Signals.SigTerm);
        if (await Task.WhenAny(exited, Task.Delay(options.Value.WorkerShutdownTimeout)) != exited)
        {
            _logger.LogWarning("Runner worker (pid {ProcessId}) did not stop within {Timeout}; killing it", process.Id, options.Value.WorkerShutdownTimeout);
            process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>A run this worker holds that has executed longer than the wall-clock limit, if any.</summary>
    private async Task<long?> OverdueRunAsync(string workerId)
    {
        try
        {
            var startedBefore = clock.GetUtcNow().UtcDateTime - options.Value.RunTimeLimit;
            await using var db = await dbFactory.CreateDbContextAsync();
            return await db.Runs.Where(r => r.LeaseOwner == workerId && r.Status == RunStatus.Running && r.StartedAtUtc < startedBefore)
                .Select(r => (long?)r.Id).FirstOrDefaultAsync();
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Could not check runner worker {WorkerId}'s runs against the wall-clock limit", workerId);
            return null;
        }
    }

    private IEnumerable<string> Arguments(string workerId)
    {
        var options1 = options.Value;
        yield return "worker";
        yield return "--devices";
        yield return string.Join(',', options1.ServedDevices);
        foreach (var section in ForwardedSections)
        {
            foreach (var (key, value) in configuration.GetSection(section).AsEnumerable())
            {
                // The section's own key is not a setting; the data directory goes resolved, below.
                if (value is not null && key != section && key != "Storage:DataDirectory")
                {
                    yield return $"--{key}={value}";
                }
            }
        }

        yield return $"--Storage:DataDirectory={data.Root}";
        yield return $"--Runner:WorkerId={workerId}";
        yield return $"--Runner:WebProcessId={Environment.ProcessId}";
        yield return "--Runner:Supervised=true";
    }

    /// <summary>The worker logs one line per entry ("info: Category[0] message"); its level is kept.</summary>
    private void Forward(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        LogLevel? level = line.Length > 5 && line[4] == ':' ? line[..4] switch
        {
            "trce" => LogLevel.Trace,
            "dbug" => LogLevel.Debug,
            "info" => LogLevel.Information,
            "warn" => LogLevel.Warning,
            "fail" => LogLevel.Error,
            "crit" => LogLevel.Critical,
            _ => null,
        } : null;
        _workerLog.Log(level ?? LogLevel.Information, "{Line}", level is null ? line : line[5..].TrimStart());
    }
}

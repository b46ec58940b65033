using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Runner.Execution;
using EfficiencyDashboard.Web.Runs;

namespace EfficiencyDashboard.Web.Workers;

/// <summary>
/// One run executing here: its cancellation, and its latest progress. The runner reports progress from its timing
/// thread, where this only stores the report in a field; the worker's heartbeat thread reads it and writes the row.
/// </summary>
public sealed class RunExecution : IProgress<BenchmarkProgress>, IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly Action _unregister;
    private BenchmarkProgress? _measured;
    private ProgressSnapshot? _stage;
    private ProgressSnapshot? _written;

    internal RunExecution(long runId, CancellationToken jobToken, Action unregister)
    {
        RunId = runId;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(jobToken);
        _unregister = unregister;
    }

    public long RunId { get; }

    /// <summary>When this worker registered the run (a <see cref="System.Diagnostics.Stopwatch"/> timestamp), after claiming it.</summary>
    public long RegisteredAt { get; } = System.Diagnostics.Stopwatch.GetTimestamp();

    public CancellationToken Token => _stop.Token;

    /// <summary>The runner's report: one reference store, nothing else on the timing thread.</summary>
    public void Report(BenchmarkProgress value) => Volatile.Write(ref _measured, value);

    /// <summary>A phase the job itself is in (waiting for a build, storing), shown instead of the runner's last report.</summary>
    public void Enter(RunPhase phase, string? detail = null)
    {
        var current = Current;
        Volatile.Write(ref _stage, current with { Phase = phase, PhaseDetail = detail });
    }

    /// <summary>Hands the phase back to the runner's reports.</summary>
    public void Leave() => Volatile.Write(ref _stage, null);

    /// <summary>What the row should say now.</summary>
    public ProgressSnapshot Current =>
        Volatile.Read(ref _stage) ?? (Volatile.Read(ref _measured) is { } measured ? Of(measured) : ProgressSnapshot.Starting(RunPhase.Loading));

    /// <summary>The progress to write, when it changed since the last write (called from the heartbeat thread only).</summary>
    public bool TryTakeChange(out ProgressSnapshot progress)
    {
        progress = Current;
        if (progress == _written)
        {
            return false;
        }

        _written = progress;
        return true;
    }

    /// <summary>Stops the measurement: a cancel request, or a lease this worker no longer holds.</summary>
    public void Stop()
    {
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The run ended between the heartbeat's read and this call.
        }
    }

    public void Dispose()
    {
        _unregister();
        _stop.Dispose();
    }

    private static ProgressSnapshot Of(BenchmarkProgress progress) => new(
        progress.Phase switch
        {
            BenchmarkPhase.Loading => RunPhase.Loading,
            BenchmarkPhase.WarmingUp => RunPhase.WarmingUp,
            _ => RunPhase.Measuring,
        },
        null, progress.Fraction, progress.ElapsedSeconds, progress.EtaSeconds, progress.QueriesCompleted);
}

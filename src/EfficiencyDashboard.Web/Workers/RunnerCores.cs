namespace EfficiencyDashboard.Web.Workers;

/// <summary>
/// The runner's cores take one kind of work at a time: a CPU measurement, or a build (a catalog model, a variant).
/// A CPU run that starts while a build is in progress waits for it and says what it waits for; a build waits while a
/// CPU measurement is in progress. So background work never runs beside a CPU run's measured window.
/// </summary>
public sealed class RunnerCores
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private volatile string? _holder;

    /// <summary>What has the cores now, in words ("the catalog build: ResNet-50", "CPU run 12"); null when idle.</summary>
    public string? Holder => _holder;

    /// <summary>Takes the cores for CPU run <paramref name="runId"/>; <paramref name="waiting"/> hears what it waits for first, if anything.</summary>
    public async Task<IDisposable> MeasureAsync(long runId, Action<string> waiting, CancellationToken cancellationToken)
    {
        if (!_turn.Wait(0))
        {
            waiting($"waiting for {_holder ?? "a build"}");
            await _turn.WaitAsync(cancellationToken);
        }

        return Take($"CPU run {runId}");
    }

    /// <summary>Takes the cores for a build described by <paramref name="what"/>, such as "the catalog build: ResNet-50".</summary>
    public async Task<IDisposable> BuildAsync(string what, CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        return Take(what);
    }

    private Turn Take(string holder)
    {
        _holder = holder;
        return new Turn(this);
    }

    private sealed class Turn(RunnerCores cores) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                cores._holder = null;
                cores._turn.Release();
            }
        }
    }
}

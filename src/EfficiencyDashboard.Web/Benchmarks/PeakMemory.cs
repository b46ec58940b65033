namespace EfficiencyDashboard.Web.Benchmarks;

/// <summary>Samples this process's resident memory every 20 ms and keeps the peak above where it started.</summary>
public sealed class PeakMemory : IDisposable
{
    private readonly long _baseline;
    private readonly Timer _timer;
    private long _peak;

    public PeakMemory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        _baseline = ResidentBytes();
        _peak = _baseline;
        _timer = new Timer(_ => Sample(), null, 0, 20);
    }

    /// <summary>Peak resident memory minus the baseline, in MiB.</summary>
    public double GrowthMiB
    {
        get
        {
            Sample();
            return (Interlocked.Read(ref _peak) - _baseline) / (1024.0 * 1024.0);
        }
    }

    private void Sample()
    {
        var now = ResidentBytes();
        long seen;
        while (now > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, seen) != seen)
        {
        }
    }

    private static long ResidentBytes()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    public void Dispose() => _timer.Dispose();
}

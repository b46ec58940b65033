using System.Diagnostics;

namespace EfficiencyDashboard.Runner.Execution;

/// <summary>Unmeasured queries before the window, until both the warm-up count and the warm-up time are reached.</summary>
internal static class WarmUp
{
    /// <summary>Runs the warm-up and returns how many queries it took.</summary>
    public static int Run(PreparedSession session, BenchmarkSettings settings, CancellationToken cancellationToken)
    {
        var minTicks = (long)(settings.WarmupSeconds * Stopwatch.Frequency);
        var start = Stopwatch.GetTimestamp();
        var count = 0;
        while (count < settings.WarmupQueries || Stopwatch.GetTimestamp() - start < minTicks)
        {
            session.Infer(cancellationToken);
            count++;
        }

        return count;
    }
}

using EfficiencyDashboard.Core.Measurements;
using System.Globalization;

namespace EfficiencyDashboard.Runner.Execution;

/// <summary>
/// Bisection for the highest Server rate that holds the latency bound. The upper rate defaults to one query per
/// median inference time (one worker can serve no more); trials run on one session, so loading is paid once.
/// </summary>
internal static class MaxQpsSearch
{
    private const int ServiceProbeQueries = 32;

    public static ServerCapacity Run(
        PreparedSession session, BenchmarkSettings settings, ServerCapacitySearch search, IProgress<BenchmarkProgress>? progress, CancellationToken cancellationToken)
    {
        var maxTrials = Math.Max(2, search.MaxTrials);
        var upper = search.UpperQps ?? 1000 / MedianInferenceMs(session, settings, cancellationToken);
        var lower = Math.Min(search.LowerQps ?? upper / 32, upper);
        var trials = new List<ServerTrial>();

        ServerTrial Try(double qps)
        {
            var trialSettings = settings with { TargetQps = qps, DurationSeconds = search.TrialSeconds, MinQueries = search.TrialMinQueries, ScheduleSeed = settings.ScheduleSeed + trials.Count };
            var schedule = PoissonSchedule.Create(qps, search.TrialSeconds, search.TrialMinQueries, trialSettings.ScheduleSeed);
            var timings = ServerQueries.Run(session, schedule, null, cancellationToken);
            var result = InferenceBenchmark.ServerResultOf(trialSettings, schedule, timings, Core.Measurements.LatencyHistogram.FromNanoseconds(timings.LatenciesNs()));
            var trial = new ServerTrial(qps, result.AchievedQps, result.LatencyP99Ms, result.BoundHeld, timings.Count);
            trials.Add(trial);
            progress?.Report(new BenchmarkProgress(BenchmarkPhase.Measuring, trials.Count / (double)maxTrials, 0, null, trials.Count));
            return trial;
        }

        if (!Try(lower).BoundHeld)
        {
            return new ServerCapacity(null, settings.LatencyBoundMs, trials, Text($"Even {lower:0.##} queries per second exceeded the {settings.LatencyBoundMs} ms bound."));
        }

        if (Try(upper).BoundHeld)
        {
            return new ServerCapacity(upper, settings.LatencyBoundMs, trials, Text($"The upper rate {upper:0.##} queries per second held the bound; the search did not look higher."));
        }

        // Invariant: lower holds, upper does not. The geometric midpoint halves the ratio between them each trial.
        while (trials.Count < maxTrials)
        {
            var middle = Math.Sqrt(lower * upper);
            if (Try(middle).BoundHeld)
            {
                lower = middle;
            }
            else
            {
                upper = middle;
            }
        }

        return new ServerCapacity(lower, settings.LatencyBoundMs, trials, Text($"After {trials.Count} trials the highest rate that held lies between {lower:0.##} and {upper:0.##} queries per second."));
    }

    private static double MedianInferenceMs(PreparedSession session, BenchmarkSettings settings, CancellationToken cancellationToken)
    {
        var probe = BackToBackQueries.Run(session, settings with { DurationSeconds = 0, MinQueries = ServiceProbeQueries }, null, cancellationToken);
        var sorted = probe.LatencyTicks.Order().ToArray();
        return Math.Max(QueryTimings.ToMilliseconds(sorted[sorted.Length / 2]), 1e-3);
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

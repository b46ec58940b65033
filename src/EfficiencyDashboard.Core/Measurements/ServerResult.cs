using EfficiencyDashboard.Core.Measurements;

namespace EfficiencyDashboard.Core.Measurements;

/// <summary>The Server scenario's headline: the rate asked for and achieved, and whether p99 latency held the bound.</summary>
/// <param name="TargetQps">Mean arrival rate of the schedule, in queries per second.</param>
/// <param name="ScheduledQps">Realised rate of the drawn schedule (Poisson noise around the target).</param>
/// <param name="AchievedQps">Completed queries over the measured window, in queries per second.</param>
/// <param name="LatencyBoundMs">The bound p99 latency had to hold, in milliseconds.</param>
/// <param name="LatencyP99Ms">99th percentile latency from scheduled arrival to completion, queueing included.</param>
/// <param name="BoundHeld">Whether <paramref name="LatencyP99Ms"/> was at most <paramref name="LatencyBoundMs"/>.</param>
/// <param name="MeanInferenceMs">Mean time of the inference alone, without queueing.</param>
/// <param name="ScheduleSeed">Seed of the arrival schedule.</param>
public sealed record ServerResult(
    double TargetQps,
    double ScheduledQps,
    double AchievedQps,
    double LatencyBoundMs,
    double LatencyP99Ms,
    bool BoundHeld,
    double MeanInferenceMs,
    int ScheduleSeed);

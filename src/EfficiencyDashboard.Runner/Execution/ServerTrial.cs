namespace EfficiencyDashboard.Runner.Execution;

/// <summary>One short Server trial of a maximum-rate search.</summary>
/// <param name="TargetQps">The arrival rate tried, in queries per second.</param>
/// <param name="AchievedQps">Completed queries over the trial's window.</param>
/// <param name="LatencyP99Ms">99th percentile latency, queueing included.</param>
/// <param name="BoundHeld">Whether p99 held the latency bound.</param>
/// <param name="Queries">Queries in the trial.</param>
public sealed record ServerTrial(double TargetQps, double AchievedQps, double LatencyP99Ms, bool BoundHeld, int Queries);

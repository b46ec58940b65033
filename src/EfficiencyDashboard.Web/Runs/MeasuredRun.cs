using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Web.Runs;

/// <summary>What a finished measurement stores: the result row and every measured query's latency and start offset.</summary>
public sealed record MeasuredRun(RunResult Result, IReadOnlyList<double> LatenciesMs, IReadOnlyList<double> StartOffsetsMs);

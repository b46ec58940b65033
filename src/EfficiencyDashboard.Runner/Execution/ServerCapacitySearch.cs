namespace EfficiencyDashboard.Runner.Execution;

/// <summary>How <see cref="InferenceBenchmark.FindMaxQps"/> searches.</summary>
/// <param name="TrialSeconds">Minimum duration of each trial.</param>
/// <param name="TrialMinQueries">Minimum queries of each trial.</param>
/// <param name="MaxTrials">Most trials in all (at least 2), which bounds the search time.</param>
/// <param name="LowerQps">Lowest rate to try; by default 1/32 of the upper rate.</param>
/// <param name="UpperQps">Highest rate to try; by default one query per median inference time, the most one worker can serve.</param>
public sealed record ServerCapacitySearch(
    double TrialSeconds = 1,
    int TrialMinQueries = 200,
    int MaxTrials = 8,
    double? LowerQps = null,
    double? UpperQps = null);

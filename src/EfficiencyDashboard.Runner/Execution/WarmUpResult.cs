namespace EfficiencyDashboard.Runner.Execution;

/// <summary>What the warm-up did.</summary>
/// <param name="Queries">Queries run and discarded.</param>
/// <param name="SamplesPerSecond">How fast the later half of them ran; null when none ran.</param>
internal sealed record WarmUpResult(int Queries, double? SamplesPerSecond);

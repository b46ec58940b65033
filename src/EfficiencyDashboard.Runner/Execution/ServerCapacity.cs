namespace EfficiencyDashboard.Runner.Execution;

/// <summary>
/// The highest Server rate found whose p99 latency held the bound, from short trials. Approximate: confirm it with
/// a full Server run at that rate, which is what validity judges.
/// </summary>
/// <param name="MaxQps">The highest rate that held; null when even the lowest rate tried did not.</param>
/// <param name="LatencyBoundMs">The bound searched against.</param>
/// <param name="Trials">Every trial, in the order run.</param>
/// <param name="Note">How the search ended.</param>
public sealed record ServerCapacity(double? MaxQps, double LatencyBoundMs, IReadOnlyList<ServerTrial> Trials, string Note);

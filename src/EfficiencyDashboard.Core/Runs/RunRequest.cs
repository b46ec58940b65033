namespace EfficiencyDashboard.Core.Runs;

/// <summary>What an engineer asks for when starting a run (UI form and <c>POST /api/runs</c>).</summary>
/// <param name="ModelId">The catalog model to measure.</param>
/// <param name="ExecutionProvider"><c>cpu</c>, <c>cuda</c> or <c>tensorrt</c>.</param>
/// <param name="BatchSize">Samples per query.</param>
/// <param name="Scenario">Load pattern: <c>single-stream</c>, <c>offline</c> or <c>server</c>.</param>
/// <param name="DurationSeconds">Minimum measured seconds after warm-up.</param>
/// <param name="MinQueries">Minimum measured queries; offline: the minimum sample count.</param>
/// <param name="WarmupQueries">Queries run and discarded before measuring.</param>
/// <param name="AllowCpuFallback">Run on the CPU, labelled as such, when the requested provider cannot load.</param>
/// <param name="InputShapes">Full shapes for inputs with dynamic dimensions other than the batch.</param>
/// <param name="TargetQps">Server: mean arrival rate of queries per second (required). Offline: the expected samples per second that sizes the sample set (optional; estimated from the warm-up).</param>
/// <param name="LatencyBoundMs">Server: the p99 latency bound in milliseconds (required).</param>
/// <param name="Preset"><c>default</c> or <c>strict</c> (mlperf.conf: 600 s; 1,024 SingleStream queries, 270,336 Server queries, 24,576 Offline samples).</param>
public sealed record RunRequest(
    int ModelId,
    string? ExecutionProvider = "cpu",
    int BatchSize = 1,
    string? Scenario = "single-stream",
    double? DurationSeconds = null,
    int? MinQueries = null,
    int? WarmupQueries = null,
    bool? AllowCpuFallback = null,
    Dictionary<string, int[]>? InputShapes = null,
    double? TargetQps = null,
    double? LatencyBoundMs = null,
    string? Preset = null);

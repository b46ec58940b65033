namespace EfficiencyDashboard.Core.ReferenceData;

/// <summary>
/// One MLPerf Inference performance result from <c>mlperf-inference-results.csv</c>, for the whole submitted system.
/// Reference data (source: mlcommons/inference_results_v&lt;round&gt;).
/// </summary>
/// <param name="Round">Result round (<c>v4.1</c>). Source column <c>round</c>.</param>
/// <param name="Published">The round's publication date, approximate to the day. Source column <c>published</c>.</param>
/// <param name="Division">Closed (fixed model and accuracy) or open. Source column <c>division</c>.</param>
/// <param name="Submitter">Source column <c>submitter</c>.</param>
/// <param name="SystemId">The submitter's system identifier. Source column <c>system_id</c>.</param>
/// <param name="SystemName">Source column <c>system_name</c>.</param>
/// <param name="Accelerator">Accelerator as the submitter names it; <c>N/A</c> or empty for CPU-only systems. Source column <c>accelerator</c>.</param>
/// <param name="AcceleratorsPerNode">Accelerators in each node; 0 or null for CPU-only systems. Source column <c>accelerators_per_node</c>.</param>
/// <param name="Nodes">Nodes in the system. Source column <c>nodes</c>.</param>
/// <param name="SystemType">datacenter, edge, or both (<c>datacenter,edge</c>). Source column <c>system_type</c>.</param>
/// <param name="Availability">available, preview or rdi (research, development, internal). Source column <c>availability</c>.</param>
/// <param name="Benchmark">resnet50, bert-99, bert-99.9, gptj-99, llama2-70b-99, llama2-70b-99.9. Source column <c>benchmark</c>.</param>
/// <param name="Scenario">Offline or Server. Source column <c>scenario</c>.</param>
/// <param name="Result">The system's result in <paramref name="Unit"/>; null where the summary gave none. Source column <c>result</c>.</param>
/// <param name="Unit">Samples per second, tokens per second, or their completed-per-second Server forms. Source column <c>unit</c>.</param>
/// <param name="Validity">LoadGen's verdict (VALID). Source column <c>validity</c>.</param>
public sealed record MlperfResult(
    string Round,
    DateOnly Published,
    string Division,
    string Submitter,
    string SystemId,
    string SystemName,
    string Accelerator,
    int? AcceleratorsPerNode,
    int Nodes,
    string SystemType,
    string Availability,
    string Benchmark,
    string Scenario,
    double? Result,
    string Unit,
    string Validity)
{
    /// <summary>The columns of <c>mlperf-inference-results.csv</c>, in file order.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "round", "published", "division", "submitter", "system_id", "system_name", "accelerator", "accelerators_per_node",
        "nodes", "system_type", "availability", "benchmark", "scenario", "result", "unit", "validity",
    ];

    /// <summary>Accelerators in the whole system (per node x nodes); null for CPU-only systems.</summary>
    public int? AcceleratorCount => AcceleratorsPerNode is > 0 ? AcceleratorsPerNode * Nodes : null;

    /// <summary>
    /// Result per accelerator = result / (accelerators_per_node x nodes), in the same unit. Null for CPU-only systems and
    /// results without a value. Assumes the accelerators do all the work, as MLPerf's accelerator systems are built to.
    /// </summary>
    public double? ResultPerAccelerator => Result / AcceleratorCount;

    internal static MlperfResult Read(ReferenceCsvRow row) => new(
        row.Text("round"),
        row.Date("published"),
        row.Text("division"),
        row.Text("submitter"),
        row.Text("system_id"),
        row.TextOrEmpty("system_name"),
        row.TextOrEmpty("accelerator"),
        row.OptionalInteger("accelerators_per_node"),
        row.Integer("nodes"),
        row.Text("system_type"),
        row.Text("availability"),
        row.Text("benchmark"),
        row.Text("scenario"),
        row.OptionalNumber("result"),
        row.TextOrEmpty("unit"),
        row.Text("validity"));
}

using EfficiencyDashboard.Core.Measurements;

namespace EfficiencyDashboard.Core.ReferenceData;

/// <summary>
/// One MLPerf Inference Offline power result from <c>mlperf-inference-power.csv</c>: whole-system wall power (host CPUs,
/// fans and power supplies included) over the measured window. Reference data.
/// </summary>
/// <param name="Round">Result round (<c>v3.0</c>). Source column <c>round</c>.</param>
/// <param name="Published">The round's publication date, approximate to the day. Source column <c>published</c>.</param>
/// <param name="Submitter">Source column <c>submitter</c>.</param>
/// <param name="SystemId">Source column <c>system_id</c>.</param>
/// <param name="Accelerator">Accelerator as the submitter names it. Source column <c>accelerator</c>.</param>
/// <param name="AcceleratorsPerNode">Accelerators in the (single-node) system. Source column <c>accelerators_per_node</c>.</param>
/// <param name="SystemType">datacenter, edge, or both. Source column <c>system_type</c>.</param>
/// <param name="Availability">Source column <c>availability</c>.</param>
/// <param name="Benchmark">Source column <c>benchmark</c>.</param>
/// <param name="OfflineThroughputPerSecond">System Offline throughput, samples (or tokens) per second. Source column <c>offline_throughput</c>.</param>
/// <param name="AverageSystemWatts">Average whole-system wall power, W. Source column <c>avg_system_watts</c>.</param>
/// <param name="SamplesPerJoule">
/// Throughput per watt = samples (or tokens) per joule, for the whole system. Source column <c>throughput_per_watt</c>.
/// </param>
/// <param name="PowerSamples">Power readings in the measured window. Source column <c>power_samples</c>.</param>
public sealed record MlperfPowerResult(
    string Round,
    DateOnly Published,
    string Submitter,
    string SystemId,
    string Accelerator,
    int? AcceleratorsPerNode,
    string SystemType,
    string Availability,
    string Benchmark,
    double OfflineThroughputPerSecond,
    double AverageSystemWatts,
    double SamplesPerJoule,
    int PowerSamples)
{
    /// <summary>The columns of <c>mlperf-inference-power.csv</c>, in file order.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "round", "published", "submitter", "system_id", "accelerator", "accelerators_per_node", "system_type",
        "availability", "benchmark", "offline_throughput", "avg_system_watts", "throughput_per_watt", "power_samples",
    ];

    /// <summary>
    /// Offline throughput per accelerator = offline_throughput / accelerators_per_node (power results are single-node
    /// systems, so there is no node count). Null when the accelerator count is unknown or 0.
    /// </summary>
    public double? OfflineThroughputPerAccelerator => AcceleratorsPerNode is > 0 ? OfflineThroughputPerSecond / AcceleratorsPerNode : null;

    internal static MlperfPowerResult Read(ReferenceCsvRow row) => new(
        row.Text("round"),
        row.Date("published"),
        row.Text("submitter"),
        row.Text("system_id"),
        row.TextOrEmpty("accelerator"),
        row.OptionalInteger("accelerators_per_node"),
        row.Text("system_type"),
        row.Text("availability"),
        row.Text("benchmark"),
        row.Number("offline_throughput"),
        row.Number("avg_system_watts"),
        row.Number("throughput_per_watt"),
        row.Integer("power_samples"));
}

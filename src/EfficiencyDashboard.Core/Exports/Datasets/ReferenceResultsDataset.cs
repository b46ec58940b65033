using static EfficiencyDashboard.Core.Exports.ColumnType;
using static EfficiencyDashboard.Core.Exports.ValueOrigin;

namespace EfficiencyDashboard.Core.Exports.Datasets;

/// <summary>Public MLPerf Inference results, every source column kept, with the matching power result where one exists.</summary>
public static class ReferenceResultsDataset
{
    public static ExportDataset Definition { get; } = new(
        "reference-results",
        "MLPerf Inference results (closed and open division, datacenter and edge, rounds v1.0 to v5.1; source: the public repositories " +
        "mlcommons/inference_results_v<round>). Reference data, never mixed with measured results. 'result' is for the whole system.",
        [
            new("round", Text, null, "MLPerf Inference round, e.g. v4.1.", Reference, "p.Round"),
            new("published", Timestamp, "UTC", "The round's publication date (approximate to the day), at midnight UTC.", Reference, "p.Published"),
            new("division", Text, null, "closed or open.", Reference, "p.Division"),
            new("submitter", Text, null, "The organisation that submitted the result.", Reference, "p.Submitter"),
            new("system_id", Text, null, "The submitter's system id.", Reference, "p.SystemId"),
            new("system_name", Text, null, "The system's name in the submission.", Reference, "p.SystemName"),
            new("accelerator", Text, null, "The accelerator of the system.", Reference, "p.Accelerator"),
            new("accelerators_per_node", Integer, "accelerators", "Accelerators in each node (empty for CPU-only systems).", Reference, "p.AcceleratorsPerNode", Nullable: true),
            new("nodes", Integer, "nodes", "Nodes in the system.", Reference, "p.Nodes"),
            new("system_type", Text, null, "datacenter or edge.", Reference, "p.SystemType"),
            new("availability", Text, null, "Available, Preview or RDI as submitted.", Reference, "p.Availability"),
            new("benchmark", Text, null, "resnet50, bert-99, bert-99.9, gptj-99 or llama2-70b.", Reference, "p.Benchmark"),
            new("scenario", Text, null, "Offline or Server.", Reference, "p.Scenario"),
            new("result", Real, "see unit", "The whole system's result.", Reference, "p.Result", Nullable: true),
            new("unit", Text, null, "The result's unit, e.g. Samples per second.", Reference, "p.Unit"),
            new("validity", Text, null, "VALID or INVALID as published.", Reference, "p.Validity"),
            new("result_per_accelerator", Real, "see unit", "result / (accelerators_per_node x nodes).", Derived,
                "CASE WHEN p.AcceleratorsPerNode > 0 THEN p.Result / (p.AcceleratorsPerNode * p.Nodes) END", Nullable: true),
            new("average_system_watts", Real, "W", "Offline: average whole-system wall power over the measured window (host, fans and power supplies included), from the power result of the same system and round.", Reference, "w.AverageSystemWatts", Nullable: true),
            new("samples_per_joule", Real, "samples/J", "Offline: throughput per watt of the whole system, from its power result.", Reference, "w.SamplesPerJoule", Nullable: true),
            new("source", Text, null, "Where the row comes from.", Reference, "'mlcommons/inference_results_' || p.Round"),
        ],
        "ReferenceMlperfResults p LEFT JOIN ReferenceMlperfPower w ON w.Round = p.Round AND w.SystemId = p.SystemId AND w.Submitter = p.Submitter " +
        "AND w.Benchmark = p.Benchmark AND p.Scenario = 'Offline'",
        "p.Published, p.Benchmark, p.Scenario, p.Submitter, p.SystemId",
        new Dictionary<ExportFilterField, string> { [ExportFilterField.Date] = "(p.Published || ' 00:00:00')", [ExportFilterField.Hardware] = "p.Accelerator" });
}

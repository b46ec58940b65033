using static EfficiencyDashboard.Core.Exports.ColumnType;
using static EfficiencyDashboard.Core.Exports.ValueOrigin;

namespace EfficiencyDashboard.Core.Exports.Datasets;

/// <summary>One row per measured query.</summary>
public static class SamplesDataset
{
    public static ExportDataset Definition { get; } = new(
        "samples",
        "One row per measured query of every run (warm-up queries are not kept).",
        [
            new("run_id", Integer, null, "The run the query belongs to.", Configuration, "s.RunId"),
            new("sequence", Integer, null, "The query's position in the measured window, from 0.", Measured, "s.Sequence"),
            new("start_offset_ms", Real, "ms", "When the query started, after the measured window began.", Measured, "s.StartOffsetMs"),
            new("latency_ms", Real, "ms", "The query's latency: the inference call alone.", Measured, "s.LatencyMs"),
        ],
        // No joins: a filter looks its run up only when it is given, so an unfiltered export reads one table.
        "LatencySamples s",
        "s.RunId, s.Sequence",
        RunFilters.All.ToDictionary(f => f.Key, f => $"(SELECT {f.Value} FROM {RunFilters.RunTables} WHERE r.Id = s.RunId)"));
}

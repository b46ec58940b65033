using EfficiencyDashboard.Core.Exports.Datasets;

namespace EfficiencyDashboard.Core.Exports;

/// <summary>Every dataset analysts can download, with every column's type, unit, meaning and origin.</summary>
public static class DataDictionary
{
    /// <summary>The version of the exported schema. It changes only with a note in docs/data-dictionary-changelog.md.</summary>
    public const string SchemaVersion = "1.4";

    public static IReadOnlyList<ExportDataset> Datasets { get; } =
    [
        RunsDataset.Definition,
        ResultsDataset.Definition,
        SamplesDataset.Definition,
        ModelsDataset.Definition,
        HardwareDataset.Definition,
        ReferenceResultsDataset.Definition,
        AcceleratorsDataset.Definition,
        ClaimsDataset.Definition,
    ];

    public static ExportDataset? Find(string name) =>
        Datasets.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));
}

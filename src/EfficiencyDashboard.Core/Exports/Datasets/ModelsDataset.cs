using static EfficiencyDashboard.Core.Exports.ColumnType;
using static EfficiencyDashboard.Core.Exports.ValueOrigin;

namespace EfficiencyDashboard.Core.Exports.Datasets;

/// <summary>One row per catalog model.</summary>
public static class ModelsDataset
{
    public static ExportDataset Definition { get; } = new(
        "models",
        "One row per model in the catalog, with where it came from and its input and output signature.",
        [
            new("model_id", Integer, null, "The model's id.", Configuration, "m.Id"),
            new("key", Text, null, "Stable key of a built-in model; empty for uploads.", Configuration, "m.Key", Nullable: true),
            new("name", Text, null, "The model's name.", Configuration, "m.Name"),
            new("family", Text, null, "ResNet, MobileNet, Transformer, ConvNet (AlexNet, VGG), Recurrent (LSTM) or Other.", Configuration, "m.Family"),
            new("task", Text, null, "What the model does, e.g. image classification.", Configuration, "m.Task"),
            new("source", Text, null, "Generated, PretrainedPackage or Uploaded.", Configuration, "m.Source"),
            new("provenance", Text, null, "Where the weights come from.", Reference, "m.Provenance"),
            new("parameter_count", Integer, "parameters", "Learnable parameters (weights and biases; normalisation statistics excluded).", Derived, "m.ParameterCount"),
            new("file_size_bytes", Integer, "bytes", "Size of the .onnx file.", Derived, "m.FileSizeBytes"),
            new("inputs", Text, null, "Input signature as JSON: name, element type, dimensions (-1 dynamic).", Derived, "m.Inputs"),
            new("outputs", Text, null, "Output signature as JSON.", Derived, "m.Outputs"),
            new("added_at", Timestamp, "UTC", "When the model entered the catalog.", Configuration, "m.AddedAtUtc"),
            // Sign-in and audit (issue 11).
            new("created_by", Text, null, "The user who uploaded the model or asked for the variant; empty for built-in models.", Provenance, "m.AddedBy", Nullable: true),
        ],
        "Models m",
        "m.Id",
        new Dictionary<ExportFilterField, string>
        {
            [ExportFilterField.Date] = "m.AddedAtUtc",
            [ExportFilterField.Model] = "m.Id",
            [ExportFilterField.Family] = "m.Family",
        });
}

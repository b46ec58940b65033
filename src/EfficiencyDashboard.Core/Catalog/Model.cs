namespace EfficiencyDashboard.Core.Catalog;

/// <summary>An ONNX graph in the catalog that runs can measure.</summary>
public sealed class Model
{
    public int Id { get; set; }

    /// <summary>Stable identifier of a built-in model, so seeding is idempotent; null for uploads.</summary>
    public string? Key { get; set; }

    public required string Name { get; set; }

    public ModelFamily Family { get; set; }

    /// <summary>What the model does, for example "image classification" or "image features".</summary>
    public required string Task { get; set; }

    public ModelSource Source { get; set; }

    /// <summary>A sentence on where the weights come from, shown beside the model.</summary>
    public required string Provenance { get; set; }

    /// <summary>Path of the .onnx file, relative to the data directory.</summary>
    public required string FilePath { get; set; }

    public long FileSizeBytes { get; set; }

    /// <summary>Learnable parameters (weights and biases, not normalisation statistics).</summary>
    public long ParameterCount { get; set; }

    public List<TensorSignature> Inputs { get; set; } = [];

    public List<TensorSignature> Outputs { get; set; } = [];

    public DateTime AddedAtUtc { get; set; }

    /// <summary>The batch size the graph fixes, or null when its batch dimension is dynamic.</summary>
    public int? FixedBatchSize =>
        Inputs.Count > 0 && !Inputs[0].HasDynamicBatch && Inputs[0].Dimensions.Length > 0 ? Inputs[0].Dimensions[0] : null;
}

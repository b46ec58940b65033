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

    /// <summary>The user who uploaded the model, or who asked for the variant; null for built-in models.</summary>
    public string? AddedBy { get; set; }

    /// <summary>The ONNX opset of the default domain.</summary>
    public long Opset { get; set; }

    /// <summary>The tool that wrote the graph, as the file says.</summary>
    public string? Producer { get; set; }

    /// <summary>Multiply-accumulates per sample of Conv, Gemm and MatMul (attention included), at <see cref="DefaultInputShapes"/>.</summary>
    public long MacsPerSample { get; set; }

    /// <summary>Floating-point (or integer) operations per sample: 2 x <see cref="MacsPerSample"/>.</summary>
    public long FlopsPerSample { get; set; }

    /// <summary>How many nodes of each operator type the graph has.</summary>
    public Dictionary<string, int> OperatorCounts { get; set; } = [];

    /// <summary>MACs per sample by operator type and precision.</summary>
    public List<OperatorMacs> OperatorMacs { get; set; } = [];

    /// <summary>Shapes for dynamic dimensions other than the batch, used when a run request gives none (e.g. 128 tokens).</summary>
    public Dictionary<string, int[]> DefaultInputShapes { get; set; } = [];

    /// <summary>True once an engineer set the family and task by hand; the analysis no longer overwrites them.</summary>
    public bool ClassifiedByEngineer { get; set; }

    /// <summary>The model this variant was derived from.</summary>
    public int? ParentId { get; set; }

    /// <summary>The technique that derived this variant from <see cref="ParentId"/>.</summary>
    public Technique? Technique { get; set; }

    /// <summary>The technique's parameters, for example ratio=0.3 or calibration=percentile.</summary>
    public Dictionary<string, string> TechniqueParameters { get; set; } = [];

    /// <summary>For a distilled student: the teacher it imitates.</summary>
    public int? TeacherId { get; set; }

    /// <summary>Published quality of a distilled student relative to its teacher, with its source (reference, not measured).</summary>
    public string? ReferenceQuality { get; set; }

    /// <summary>Fidelity to the parent, measured on the same inputs; null for models that are not variants.</summary>
    public FidelityReport? Fidelity { get; set; }

    /// <summary>The batch size the graph fixes, or null when its batch dimension is dynamic.</summary>
    public int? FixedBatchSize =>
        Inputs.Count > 0 && !Inputs[0].HasDynamicBatch && Inputs[0].Dimensions.Length > 0 ? Inputs[0].Dimensions[0] : null;
}

namespace EfficiencyDashboard.Core.ReferenceData;

/// <summary>
/// What the papers and model cards publish about a built-in model's architecture, from <c>architectures.csv</c>: when it
/// appeared and how good its answers are. Reference data: the catalog's generated models carry seeded weights, so their
/// own accuracy is nil; the published quality is the architecture's when trained, set beside its measured speed.
/// </summary>
/// <param name="ModelKey">The built-in model (<c>resnet50-generated</c>). Source column <c>model_key</c>.</param>
/// <param name="Architecture">The architecture as the papers name it. Source column <c>architecture</c>.</param>
/// <param name="PublishedMonth">First day of the month the architecture was published. Source column <c>published</c> (yyyy-MM).</param>
/// <param name="Task">What the model does, as the catalog says it. Source column <c>task</c>.</param>
/// <param name="QualityMetric"><c>imagenet-top1</c> (ImageNet-1K top-1 accuracy, %) or <c>glue-score</c> (GLUE dev macro-score). Source column <c>quality_metric</c>.</param>
/// <param name="Quality">The published figure; null when none is published on the same footing. Source column <c>quality</c>.</param>
/// <param name="QualitySource">Where the figure comes from, or why there is none. Source column <c>quality_source</c>.</param>
/// <param name="CpuInferenceSeconds">A published CPU inference time, where a paper gives one on a shared footing. Source column <c>cpu_inference_s</c>.</param>
/// <param name="CpuInferenceSource">Where that time comes from and what it times. Source column <c>cpu_inference_source</c>.</param>
public sealed record PublishedArchitecture(
    string ModelKey,
    string Architecture,
    DateOnly PublishedMonth,
    string Task,
    string QualityMetric,
    double? Quality,
    string QualitySource,
    double? CpuInferenceSeconds,
    string CpuInferenceSource)
{
    /// <summary>ImageNet-1K top-1 accuracy, in percent.</summary>
    public const string ImageNetTop1 = "imagenet-top1";

    /// <summary>GLUE dev-set macro-score (the average over its nine tasks).</summary>
    public const string GlueScore = "glue-score";

    /// <summary>The columns of <c>architectures.csv</c>, in file order.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "model_key", "architecture", "published", "task", "quality_metric", "quality", "quality_source", "cpu_inference_s", "cpu_inference_source",
    ];

    /// <summary>The quality metric in words, with its unit.</summary>
    public string QualityMetricName => QualityMetric switch
    {
        ImageNetTop1 => "ImageNet top-1 (%)",
        GlueScore => "GLUE score",
        var other => other,
    };

    internal static PublishedArchitecture Read(ReferenceCsvRow row) => new(
        row.Text("model_key"),
        row.Text("architecture"),
        row.Month("published"),
        row.Text("task"),
        row.Text("quality_metric").Trim() switch
        {
            ImageNetTop1 => ImageNetTop1,
            GlueScore => GlueScore,
            var other => throw row.Bad("quality_metric", $"'{other}' is not {ImageNetTop1} or {GlueScore}."),
        },
        row.OptionalNumber("quality"),
        row.Text("quality_source"),
        row.OptionalNumber("cpu_inference_s"),
        row.TextOrEmpty("cpu_inference_source"));
}

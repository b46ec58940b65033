using EfficiencyDashboard.Core.Measurements;
using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Web.Reports.HardwareReport;

/// <summary>
/// A host's best measured throughput for one ResNet-family image model on one execution provider (as run), from
/// succeeded runs of this install. Measured, whole device (not per accelerator of a multi-accelerator system).
/// </summary>
/// <param name="RunId">The run that set <paramref name="ThroughputPerSecond"/>.</param>
/// <param name="MachineName">The host that ran it.</param>
/// <param name="ModelName">The catalog model.</param>
/// <param name="MacsPerSample">Multiply-accumulates per sample of the model.</param>
/// <param name="Provider">The execution provider that actually ran the model (CPU after a fallback).</param>
/// <param name="BatchSize">Batch size of the best run.</param>
/// <param name="ThroughputPerSecond">Best samples per second among the group's runs.</param>
/// <param name="SamplesPerJoule">1 / lowest energy per inference among the group's runs; null when none measured energy.</param>
/// <param name="SamplesPerJouleRunId">The run that set <paramref name="SamplesPerJoule"/>.</param>
/// <param name="EnergySource">Where that energy figure came from (GPU board or CPU package, never whole-system wall power).</param>
/// <param name="MeasuredAtUtc">When the best-throughput run was measured.</param>
/// <param name="Comparability">How the model differs from MLPerf's ResNet-50 v1.5, in one sentence.</param>
public sealed record MeasuredHostFigure(
    long RunId,
    string MachineName,
    string ModelName,
    long MacsPerSample,
    ExecutionProvider Provider,
    int BatchSize,
    double ThroughputPerSecond,
    double? SamplesPerJoule,
    long? SamplesPerJouleRunId,
    EnergySource? EnergySource,
    DateTime MeasuredAtUtc,
    string Comparability)
{
    /// <summary>MLPerf's ResNet-50 v1.5 at 224 x 224: 4.09 GMACs per sample (torchvision model docs).</summary>
    public const double MlperfResNet50Macs = 4.09e9;

    /// <summary>A legend label: "measured, this host (CPU): ResNet-18 (pretrained)".</summary>
    public string Label => $"measured, {MachineName} ({Provider.DisplayName()}): {ModelName}";

    /// <summary>What the measured energy covers, in words: never the whole system, unlike MLPerf's wall power.</summary>
    public string? EnergyScope => SamplesPerJoule is not null && EnergySource is { } source and not Core.Measurements.EnergySource.None
        ? $"{source.Scope().Words()} only ({source.Words()})"
        : null;

    /// <summary>Says how a measured model compares with MLPerf's ResNet-50, by size: honest about a different model.</summary>
    public static string DescribeComparability(string modelName, long macsPerSample)
    {
        var ratio = macsPerSample / MlperfResNet50Macs;
        var gmacs = (macsPerSample / 1e9).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        return Math.Abs(ratio - 1) <= 0.1
            ? $"{modelName} has ResNet-50's size ({gmacs} GMACs per sample) but runs FP32 in ONNX Runtime on this install without MLPerf's accuracy target or tuned stack; MLPerf systems run optimised (usually INT8) engines."
            : $"{modelName} is a different model from MLPerf's ResNet-50 ({gmacs} vs 4.09 GMACs per sample, {ratio:0.00}x the work), so its samples/s are not directly comparable.";
    }
}

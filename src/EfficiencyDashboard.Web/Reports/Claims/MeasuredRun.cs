using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Web.Reports.Claims;

/// <summary>A succeeded run as the claims report compares it: its model, configuration and headline figures.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Model">The model it measured.</param>
/// <param name="HardwareId">The hardware record of the host it executed on.</param>
/// <param name="Provider">The execution provider that actually executed it (not the one requested).</param>
/// <param name="Scenario">Its load scenario.</param>
/// <param name="BatchSize">Samples per query.</param>
/// <param name="InputShapes">Its dynamic input shapes, as one comparable string (sequence length of text models).</param>
/// <param name="ThroughputPerSecond">Measured samples per second.</param>
/// <param name="EnergyPerInferenceJ">Measured energy per sample, when measured.</param>
/// <param name="IsValid">Whether it passed every validity check; invalid runs still count, labelled INVALID.</param>
/// <param name="InvalidReason">Why it is invalid; null when valid.</param>
/// <param name="MeasuredAtUtc">When it was measured.</param>
public sealed record MeasuredRun(
    long RunId,
    Model Model,
    int? HardwareId,
    ExecutionProvider Provider,
    Scenario Scenario,
    int BatchSize,
    string InputShapes,
    double ThroughputPerSecond,
    double? EnergyPerInferenceJ,
    bool IsValid,
    string? InvalidReason,
    DateTime MeasuredAtUtc)
{
    /// <summary>What two runs must share to be compared: hardware, provider used, scenario, batch size and input shapes.</summary>
    /// <remarks>Built once: the claims report groups 100,000s of runs by it.</remarks>
    public (int? HardwareId, ExecutionProvider Provider, Scenario Scenario, int BatchSize, string InputShapes) Setup { get; } =
        (HardwareId, Provider, Scenario, BatchSize, InputShapes);

    /// <summary>The setup in words, for an evidence sentence.</summary>
    public string DescribeSetup() =>
        $"{Provider.DisplayName()}, {Scenario.ApiName()}, batch {BatchSize}" +
        (InputShapes.Length > 0 ? $", inputs {InputShapes}" : "") + $", hardware #{HardwareId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}";
}

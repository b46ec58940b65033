using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Web.Reports.AlgorithmReport;

/// <summary>What two runs must share to be compared: the machine, the execution provider, the batch size and the scenario.</summary>
public readonly record struct MeasuredSetting(int? HardwareId, ExecutionProvider Provider, int BatchSize, Scenario Scenario)
{
    /// <summary>The setting in words, without the machine.</summary>
    public string Describe() => $"{Provider.DisplayName()}, batch {BatchSize}, {Scenario.ApiName()}";
}

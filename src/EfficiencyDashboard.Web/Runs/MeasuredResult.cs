using EfficiencyDashboard.Core.Measurements;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Runner.Execution;

namespace EfficiencyDashboard.Web.Runs;

/// <summary>The result row of a measurement, with its validity judged as the run asked.</summary>
public static class MeasuredResult
{
    /// <param name="hostBusyThresholdCores">The most other work the runner's cores may carry (<c>Runner:HostBusyThresholdCores</c>).</param>
    public static MeasuredRun From(Run run, BenchmarkMeasurement measurement, string inputsUsed, DateTime measuredAtUtc, double hostBusyThresholdCores)
    {
        var validity = (run.StrictValidity ? ValiditySettings.Strict : ValiditySettings.Default) with
        {
            MaxHostContentionCores = hostBusyThresholdCores,
        };
        var result = measurement.ToRunResult(run.Id, validity, inputsUsed, measuredAtUtc);
        return new MeasuredRun(result, measurement.LatenciesMs, measurement.StartOffsetsMs);
    }
}

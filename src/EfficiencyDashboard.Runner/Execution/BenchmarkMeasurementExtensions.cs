using EfficiencyDashboard.Core.Measurements;
using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Runner.Execution;

public static class BenchmarkMeasurementExtensions
{
    /// <summary>
    /// The result to store for run <paramref name="runId"/>: every figure of the measurement, judged against
    /// <paramref name="validity"/>, with the machine's provenance. The job that hosts the runner stores it as it is.
    /// </summary>
    /// <param name="inputs">What the model was fed, in words.</param>
    public static RunResult ToRunResult(
        this BenchmarkMeasurement measurement, long runId, ValiditySettings validity, string inputs, DateTime measuredAtUtc)
    {
        var latency = measurement.Histogram;
        var verdict = measurement.JudgeValidity(validity);
        var machine = MachineDescription.Current;
        return new RunResult
        {
            RunId = runId,
            LatencyP50Ms = latency.P50Ms,
            LatencyP90Ms = latency.P90Ms,
            LatencyP95Ms = latency.P95Ms,
            LatencyP99Ms = latency.P99Ms,
            LatencyP999Ms = latency.P999Ms,
            LatencyMeanMs = latency.MeanMs,
            LatencyStdDevMs = latency.StdDevMs,
            LatencyCv = latency.CoefficientOfVariation,
            LatencyMinMs = latency.MinMs,
            LatencyMaxMs = latency.MaxMs,
            Histogram = latency.ToBytes(),
            QueryCount = measurement.QueryCount,
            SampleCount = measurement.SampleCount,
            WarmupQueriesCompleted = measurement.WarmupQueriesCompleted,
            Inputs = inputs,
            MeasuredSeconds = measurement.MeasuredSeconds,
            ThroughputPerSecond = measurement.ThroughputPerSecond,
            HeadlinePercentile = measurement.HeadlinePercentile?.ToString().ToLowerInvariant(),
            IsValid = verdict.IsValid,
            ValidityReasons = [.. verdict.Reasons],
            EnergyPerInferenceJ = measurement.Energy.EnergyPerInferenceJ,
            TotalEnergyJ = measurement.Energy.TotalEnergyJ,
            EnergySource = measurement.Energy.Source,
            EnergyScope = measurement.Energy.Scope,
            EnergyReason = measurement.Energy.Reason,
            CpuPackageEnergyJ = measurement.CpuEnergy.EnergyJ,
            CpuPackageEnergyNote = measurement.CpuEnergy.Note,
            Gpu = measurement.Gpu.SampleCount > 0 ? measurement.Gpu : null,
            MeanGpuPowerW = measurement.Gpu.MeanPowerW,
            PeakGpuMemoryBytes = measurement.Gpu.PeakMemoryUsedBytes,
            MeanGpuUtilizationPercent = measurement.Gpu.MeanUtilizationPercent,
            ProcessPeakRssBytes = measurement.Process?.PeakRssBytes ?? measurement.Process?.ProcessPeakRssBytes,
            ProcessCpuUtilization = measurement.Process?.CpuUtilization,
            NodePlacement = measurement.NodePlacement,
            Server = measurement.Server,
            ActualExecutionProvider = measurement.ActualExecutionProvider,
            ActualProviders = measurement.ActualProviders,
            FallbackReason = measurement.FallbackReason,
            RunnerCores = measurement.HostContention.RunnerCores is { Length: > 0 } cores ? cores : null,
            HostContentionCores = measurement.HostContention.OtherCores,
            HostBusy = verdict.Failed(ValidityCheck.HostBusy),
            HostContention = measurement.HostContention,
            OnnxRuntimeVersion = measurement.OnnxRuntimeVersion,
            IntraOpThreads = measurement.IntraOpThreads,
            MachineName = machine.MachineName,
            CpuModel = machine.CpuModel,
            LogicalCores = machine.LogicalCores,
            OperatingSystem = machine.OperatingSystem,
            RuntimeVersion = machine.RuntimeVersion,
            MeasuredAtUtc = measuredAtUtc,
        };
    }
}

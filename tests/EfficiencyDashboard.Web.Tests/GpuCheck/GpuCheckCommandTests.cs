using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Runner.Execution;
using EfficiencyDashboard.Web.Tests.Infrastructure;
using Microsoft.ML.OnnxRuntime;

namespace EfficiencyDashboard.Web.Tests.GpuCheck;

/// <summary>The gpu-check command on this machine: CPU rows everywhere; CUDA rows only where CUDA loads.</summary>
[Collection(DashboardCollection.Name)]
public sealed class GpuCheckCommandTests
{
    private static readonly bool CudaLoads = ExecutionProviderProbe.Probe(new OrtExecutionProviderLoader()).Single(p => p.Provider == ExecutionProvider.Cuda).Loads;

    [Fact]
    public async Task On_the_cpu_it_prints_the_hardware_and_one_table_with_all_three_models()
    {
        var (exitCode, output, error) = await GpuCheckAsync("--provider", "cpu", "--seconds", "1", "--batches", "1");

        Assert.True(exitCode == 0, output + error);
        Assert.Contains("## Hardware", output);
        Assert.Contains($"- ONNX Runtime {OrtEnv.Instance().GetVersionString()}", output);
        Assert.Contains("| model | precision | batch | provider requested / actual | p50 ms | p90 ms | samples/s | energy J/inference |", output);
        Assert.Single(output.Split('\n'), l => l.StartsWith("| model |", StringComparison.Ordinal));
        Assert.Contains("| ResNet-50 | fp32 | 1 | CPU / CPU |", output);
        Assert.Contains("| ResNet-50 | fp16 | 1 | CPU / CPU |", output);
        Assert.Contains("| all-MiniLM-L6-v2 | fp32 | 1 | CPU / CPU |", output);
        // A one-second window is too short to be valid, and the table says so.
        Assert.Contains("INVALID (too-short", output);
        Assert.Contains("All 3 rows ran on CPU.", output);
    }

    [Fact]
    public async Task Cuda_without_fallback_fails_with_the_reason_when_it_does_not_load()
    {
        var (exitCode, output, error) = await GpuCheckAsync("--provider", "cuda", "--seconds", "1", "--batches", "1");

        if (CudaLoads)
        {
            Assert.True(exitCode == 0, output + error);
            Assert.Contains("| ResNet-50 | fp16 | 1 | CUDA / CUDA |", output);
            return;
        }

        Assert.Equal(1, exitCode);
        Assert.Contains("CUDA did not load: ", error);
        // The system loader's reason, not only ONNX Runtime's "Failed to load shared library".
        Assert.Contains("cannot open shared object file", error);
        Assert.DoesNotContain("| model |", output);
    }

    [Fact]
    public async Task With_cpu_fallback_every_row_says_it_ran_on_the_cpu_and_the_exit_code_stays_1()
    {
        if (CudaLoads)
        {
            return;
        }

        var (exitCode, output, error) = await GpuCheckAsync("--provider", "cuda", "--seconds", "0.2", "--batches", "1", "--allow-cpu-fallback");

        Assert.Equal(1, exitCode);
        Assert.Contains("Every row runs on the CPU (--allow-cpu-fallback).", error);
        Assert.Equal(3, output.Split('\n').Count(l => l.Contains("| CUDA / CPU (CPU fallback) |", StringComparison.Ordinal)));
        Assert.Contains("provider-fallback", output);
        Assert.Contains("3 of 3 rows did not run on CUDA: ", output);
    }

    [Theory]
    [InlineData("--provider", "gpu")]
    [InlineData("--seconds", "0")]
    [InlineData("--batches", "1,x")]
    [InlineData("--model")]
    public async Task Bad_options_print_the_usage_and_exit_2(params string[] options)
    {
        var (exitCode, _, error) = await GpuCheckAsync(options);

        Assert.Equal(2, exitCode);
        Assert.Contains("Usage: gpu-check", error);
    }

    private static async Task<(int ExitCode, string Output, string Error)> GpuCheckAsync(params string[] options)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await Web.Commands.GpuCheck.RunAsync(options, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}

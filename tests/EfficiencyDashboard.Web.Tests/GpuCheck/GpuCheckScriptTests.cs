using System.Runtime.Versioning;
using EfficiencyDashboard.Web.Tests.Infrastructure;

namespace EfficiencyDashboard.Web.Tests.GpuCheck;

/// <summary>
/// tools/gpu-check.sh end to end as the GPU server runs it, with nothing but bash, coreutils, tar and zstd on the PATH:
/// a bundle whose "app" is a script that prints what it was given, and CUDA libraries in a fake virtualenv.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class GpuCheckScriptTests : IDisposable
{
    private readonly TemporaryDataDirectory _root = new();

    private string Bundle => Path.Combine(_root.Path, "bundle");

    private string Cu13 => Path.Combine(_root.Path, "venv", "lib", "python3.12", "site-packages", "nvidia", "cu13", "lib");

    private string Cudnn => Path.Combine(_root.Path, "venv", "lib", "python3.12", "site-packages", "nvidia", "cudnn", "lib");

    [Fact]
    public async Task Verifies_unpacks_finds_the_libraries_and_runs_the_app_with_the_remaining_options()
    {
        await CreateBundleAsync();

        var first = await GpuCheckAsync("--provider cuda --seconds 1", virtualenv: true);
        var second = await GpuCheckAsync("--provider cuda --seconds 1", virtualenv: true);

        Assert.True(first.ExitCode == 3, first.ToString());
        Assert.Contains("parts match SHA256SUMS.", first.Error);
        Assert.Contains("== Unpacking into", first.Output);
        Assert.Contains($"found    libcudnn.so.9          {Cudnn}", first.Error);
        Assert.Contains("app args: gpu-check --provider cuda --seconds 1\n", first.Output);
        Assert.Contains($"app LD_LIBRARY_PATH: {Path.Combine(_root.Path, "driver")}:{Cu13}:{Cudnn}\n", first.Output);
        Assert.Equal(3, second.ExitCode);
        Assert.Contains("== Already unpacked in", second.Output);
        Assert.Contains("app args: gpu-check --provider cuda --seconds 1\n", second.Output);
    }

    [Fact]
    public async Task A_bundle_folder_and_cuda_libs_can_be_given_and_missing_libraries_are_named()
    {
        await CreateBundleAsync();
        File.Delete(Path.Combine(Cudnn, "libcudnn.so.9"));
        var repositoryScript = Path.Combine(BashRun.ToolsDirectory, "gpu-check.sh");

        var run = await GpuCheckAsync($"{BashRun.Quote(Bundle)} --cuda-libs {BashRun.Quote(Path.Combine(_root.Path, "venv"))} --provider cpu",
            virtualenv: false, script: repositoryScript);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains($"found    libcudart.so.13        {Cu13} (--cuda-libs", run.Error);
        Assert.Contains("MISSING  libcudnn.so.9", run.Error);
        Assert.Contains("the CUDA libraries listed as MISSING above are the likely cause", run.Error);
        Assert.Contains("app args: gpu-check --provider cpu\n", run.Output);
    }

    [Fact]
    public async Task A_damaged_bundle_stops_before_the_app_runs()
    {
        await CreateBundleAsync();
        await File.AppendAllTextAsync(Path.Combine(Bundle, "efficiency-dashboard.tar.zst.part-000"), "x");

        var run = await GpuCheckAsync("", virtualenv: true);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("efficiency-dashboard.tar.zst.part-000: FAILED", run.Error);
        Assert.Contains("is damaged", run.Error);
        Assert.DoesNotContain("app args", run.Output);
    }

    /// <summary>A bundle laid out as make-gpu-bundle.sh writes it: parts, SHA256SUMS, README, gpu-check.sh and lib/.</summary>
    private async Task CreateBundleAsync()
    {
        var app = Directory.CreateDirectory(Path.Combine(_root.Path, "app")).FullName;
        var executable = Path.Combine(app, "EfficiencyDashboard.Web");
        await BashRun.WriteExecutableAsync(executable, "#!/bin/bash\necho \"app args: $*\"\necho \"app LD_LIBRARY_PATH: $LD_LIBRARY_PATH\"\nexit 3\n");
        var random = new byte[300_000];
        new Random(3).NextBytes(random);
        await File.WriteAllBytesAsync(Path.Combine(app, "libonnxruntime.so"), random);
        var pack = await BashRun.ExecuteAsync(
            $"source {BashRun.Quote(Path.Combine(BashRun.ToolsDirectory, "lib", "bundle.sh"))}\npack_bundle {BashRun.Quote(app)} {BashRun.Quote(Bundle)}",
            _root.Path, new Dictionary<string, string?> { ["BUNDLE_PART_SIZE"] = "100K" });
        Assert.True(pack.ExitCode == 0, pack.ToString());
        Directory.CreateDirectory(Path.Combine(Bundle, "lib"));
        File.Copy(Path.Combine(BashRun.ToolsDirectory, "gpu-check.sh"), Path.Combine(Bundle, "gpu-check.sh"));
        foreach (var library in new[] { "bundle.sh", "cuda-libs.sh" })
        {
            File.Copy(Path.Combine(BashRun.ToolsDirectory, "lib", library), Path.Combine(Bundle, "lib", library));
        }

        foreach (var (folder, files) in new[] { (Cu13, new[] { "libcudart.so.13", "libcublas.so.13", "libcublasLt.so.13", "libcurand.so.10" }), (Cudnn, ["libcudnn.so.9"]) })
        {
            Directory.CreateDirectory(folder);
            files.ToList().ForEach(f => File.WriteAllBytes(Path.Combine(folder, f), []));
        }
    }

    private async Task<BashRun> GpuCheckAsync(string arguments, bool virtualenv, string? script = null)
    {
        // The driver's libcuda.so.1 sits where ldconfig says, as on a real server.
        var driver = Directory.CreateDirectory(Path.Combine(_root.Path, "driver")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(driver, "libcuda.so.1"), []);
        var fakeLdconfig = Path.Combine(_root.Path, "ldconfig");
        await BashRun.WriteExecutableAsync(fakeLdconfig, $"#!/bin/bash\nprintf '\\tlibcuda.so.1 (libc6,x86-64) => %s\\n' {BashRun.Quote(Path.Combine(driver, "libcuda.so.1"))}\n");

        return await BashRun.ExecuteAsync(
            $"bash {BashRun.Quote(script ?? Path.Combine(Bundle, "gpu-check.sh"))} {arguments}",
            _root.Path,
            new Dictionary<string, string?>
            {
                ["PATH"] = ServerTools.CreatePath(Path.Combine(_root.Path, $"bin-{Guid.NewGuid():N}")),
                ["HOME"] = Directory.CreateDirectory(Path.Combine(_root.Path, "home")).FullName,
                ["TMPDIR"] = Directory.CreateDirectory(Path.Combine(_root.Path, "tmp")).FullName,
                ["VIRTUAL_ENV"] = virtualenv ? Path.Combine(_root.Path, "venv") : null,
                ["CUDA_LIBS_OPT_DIR"] = Path.Combine(_root.Path, "opt"),
                ["CUDA_LIBS_LDCONFIG"] = fakeLdconfig,
                ["CUDA_LIBS_TOOLKIT_DIRS"] = "",
            });
    }

    public void Dispose() => _root.Dispose();
}

using System.Runtime.Versioning;
using EfficiencyDashboard.Web.Tests.Infrastructure;

namespace EfficiencyDashboard.Web.Tests.GpuCheck;

/// <summary>tools/lib/cuda-libs.sh against fake layouts: empty files named like the libraries, a fake ldconfig.</summary>
[SupportedOSPlatform("linux")]
public sealed class CudaLibraryDiscoveryTests : IDisposable
{
    private readonly TemporaryDataDirectory _root = new();

    private string Venv => Path.Combine(_root.Path, "venv");

    private string Cu13 => Path.Combine(Venv, "lib", "python3.12", "site-packages", "nvidia", "cu13", "lib");

    private string Cudnn => Path.Combine(Venv, "lib", "python3.12", "site-packages", "nvidia", "cudnn", "lib");

    private string Driver => Path.Combine(_root.Path, "driver");

    [Fact]
    public async Task Finds_libraries_in_a_virtualenv_and_prints_their_folders_in_search_order()
    {
        CreateVirtualenv();

        var run = await FindAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal([Driver, Cu13, Cudnn], Lines(run.Output));
        Assert.Contains($"found    libcudnn.so.9          {Cudnn} (virtualenv {Venv})", run.Error);
        Assert.Contains($"found    libcublasLt.so.13      {Cu13} (virtualenv {Venv})", run.Error);
        Assert.Contains($"found    libcuda.so.1           {Driver} (ldconfig)", run.Error);
        Assert.Contains("absent   libnvinfer.so.10       optional", run.Error);
    }

    [Fact]
    public async Task A_missing_required_library_is_reported_and_fails_while_found_folders_are_still_printed()
    {
        CreateVirtualenv();
        File.Delete(Path.Combine(Cudnn, "libcudnn.so.9"));

        var run = await FindAsync();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("MISSING  libcudnn.so.9          required by the CUDA provider", run.Error);
        Assert.Contains("Missing required CUDA libraries: libcudnn.so.9", run.Error);
        Assert.Equal([Driver, Cu13], Lines(run.Output));
    }

    [Fact]
    public async Task System_wide_libraries_win_over_virtualenvs_and_come_first_on_the_path()
    {
        CreateVirtualenv();
        var system = Touch(Path.Combine(_root.Path, "usr-lib"), "libcudart.so.13", "libcublas.so.13");

        var run = await FindAsync(ldconfig: [("libcudart.so.13", system), ("libcublas.so.13", system)]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"found    libcudart.so.13        {system} (ldconfig)", run.Error);
        Assert.Contains($"found    libcublasLt.so.13      {Cu13} (virtualenv {Venv})", run.Error);
        Assert.Equal([Driver, system, Cu13, Cudnn], Lines(run.Output));
    }

    [Fact]
    public async Task Folders_given_with_cuda_libs_are_searched_first_and_opt_virtualenvs_are_found()
    {
        CreateVirtualenv();
        var given = Touch(Path.Combine(_root.Path, "given"), "libcudnn.so.9");
        var optVenv = Path.Combine(_root.Path, "opt", "service", ".venv");
        var optCufft = Touch(Path.Combine(optVenv, "lib", "python3.11", "site-packages", "nvidia", "cufft", "lib"), "libcufft.so.12");

        var run = await FindAsync(arguments: [given]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"found    libcudnn.so.9          {given} (--cuda-libs)", run.Error);
        Assert.Contains($"found    libcufft.so.12         {optCufft} (virtualenv {optVenv})", run.Error);
        Assert.Equal([given, Driver, Cu13, optCufft], Lines(run.Output));
    }

    private void CreateVirtualenv()
    {
        Touch(Cu13, "libcudart.so.13", "libcublas.so.13", "libcublasLt.so.13", "libcurand.so.10");
        Touch(Cudnn, "libcudnn.so.9");
        Touch(Driver, "libcuda.so.1");
    }

    private async Task<BashRun> FindAsync((string Name, string Folder)[]? ldconfig = null, string[]? arguments = null)
    {
        // ldconfig -p's format: a tab, the soname, its flags, then the path.
        var entries = new[] { ("libcuda.so.1", Driver) }.Concat(ldconfig ?? []);
        var listing = string.Concat(entries.Select(e => $"\t{e.Item1} (libc6,x86-64) => {Path.Combine(e.Item2, e.Item1)}\n"));
        var cache = Path.Combine(_root.Path, "ld.so.cache.txt");
        await File.WriteAllTextAsync(cache, $"{listing.Count(c => c == '\n')} libs found in cache `/etc/ld.so.cache'\n{listing}");
        var fakeLdconfig = Path.Combine(_root.Path, "ldconfig");
        await BashRun.WriteExecutableAsync(fakeLdconfig, $"#!/bin/bash\ncat {BashRun.Quote(cache)}\n");

        var home = Directory.CreateDirectory(Path.Combine(_root.Path, "home")).FullName;
        return await BashRun.ExecuteAsync(
            $"source {BashRun.Quote(Path.Combine(BashRun.ToolsDirectory, "lib", "cuda-libs.sh"))}\n" +
            $"find_cuda_libs {string.Join(' ', (arguments ?? []).Select(BashRun.Quote))}",
            _root.Path,
            new Dictionary<string, string?>
            {
                ["HOME"] = home,
                ["VIRTUAL_ENV"] = Venv,
                ["CUDA_LIBS_OPT_DIR"] = Path.Combine(_root.Path, "opt"),
                ["CUDA_LIBS_LDCONFIG"] = fakeLdconfig,
                ["CUDA_LIBS_TOOLKIT_DIRS"] = "",
            });
    }

    private static string Touch(string folder, params string[] files)
    {
        Directory.CreateDirectory(folder);
        foreach (var file in files)
        {
            File.WriteAllBytes(Path.Combine(folder, file), []);
        }

        return folder;
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public void Dispose() => _root.Dispose();
}

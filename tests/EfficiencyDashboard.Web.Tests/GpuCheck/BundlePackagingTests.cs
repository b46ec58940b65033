using System.Runtime.Versioning;
using EfficiencyDashboard.Web.Tests.Infrastructure;

namespace EfficiencyDashboard.Web.Tests.GpuCheck;

/// <summary>tools/lib/bundle.sh on a small dummy folder: pack into parts, verify, unpack, and detect damage.</summary>
[SupportedOSPlatform("linux")]
public sealed class BundlePackagingTests : IDisposable
{
    private readonly TemporaryDataDirectory _root = new();

    private string Source => Path.Combine(_root.Path, "app");

    private string Parts => Path.Combine(_root.Path, "parts");

    [Theory]
    [InlineData("zstd", "zst")]
    [InlineData("xz", "xz")]
    public async Task Packed_parts_verify_and_unpack_to_the_same_files(string compressor, string extension)
    {
        await CreateDummyAppAsync();

        var pack = await BundleAsync($"pack_bundle {Q(Source)} {Q(Parts)}", new() { ["BUNDLE_COMPRESSOR"] = compressor });
        var unpacked = Path.Combine(_root.Path, "unpacked");
        var unpack = await BundleAsync($"verify_bundle {Q(Parts)} && unpack_bundle {Q(Parts)} {Q(unpacked)}");

        Assert.True(pack.ExitCode == 0, pack.ToString());
        var parts = Directory.GetFiles(Parts, $"efficiency-dashboard.tar.{extension}.part-*").Order().ToArray();
        Assert.True(parts.Length >= 3, $"Random bytes do not compress: 2.5 MiB in 1 MiB parts gives 3 parts, not {parts.Length}.");
        Assert.All(parts[..^1], p => Assert.Equal(1024 * 1024, new FileInfo(p).Length));
        Assert.Equal(parts.Select(Path.GetFileName), File.ReadLines(Path.Combine(Parts, "SHA256SUMS")).Select(l => l[66..]));
        Assert.Contains($"cat efficiency-dashboard.tar.{extension}.part-* | {compressor} -d | tar -x -C app", File.ReadAllText(Path.Combine(Parts, "README")));
        Assert.Contains($"{parts.Length} parts", pack.Output);

        Assert.True(unpack.ExitCode == 0, unpack.ToString());
        Assert.Contains($"All {parts.Length} parts match SHA256SUMS.", unpack.Error);
        foreach (var file in Directory.GetFiles(Source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(unpacked, Path.GetRelativePath(Source, file));
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(copy));
        }

        Assert.True(File.GetUnixFileMode(Path.Combine(unpacked, "EfficiencyDashboard.Web")).HasFlag(UnixFileMode.UserExecute));
    }

    [Fact]
    public async Task A_corrupted_part_fails_verification_with_the_part_named()
    {
        await CreateDummyAppAsync();
        await BundleAsync($"pack_bundle {Q(Source)} {Q(Parts)}");
        var damaged = Path.Combine(Parts, "efficiency-dashboard.tar.zst.part-001");
        var bytes = File.ReadAllBytes(damaged);
        bytes[1000] ^= 0xFF;
        File.WriteAllBytes(damaged, bytes);

        var verify = await BundleAsync($"verify_bundle {Q(Parts)}");

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("efficiency-dashboard.tar.zst.part-001: FAILED", verify.Error);
        Assert.DoesNotContain("part-000: FAILED", verify.Error);
        Assert.Contains($"The bundle in '{Parts}' is damaged: the parts above do not match SHA256SUMS.", verify.Error);
    }

    [Fact]
    public async Task A_missing_part_or_a_stray_one_fails_verification()
    {
        await CreateDummyAppAsync();
        await BundleAsync($"pack_bundle {Q(Source)} {Q(Parts)}");
        var last = Directory.GetFiles(Parts, "*.part-*").Order().Last();
        File.Move(last, last + "-moved");
        var missing = await BundleAsync($"verify_bundle {Q(Parts)}");
        File.Move(last + "-moved", last);
        await File.WriteAllTextAsync(Path.Combine(Parts, "efficiency-dashboard.tar.zst.part-099"), "from another build");

        var stray = await BundleAsync($"verify_bundle {Q(Parts)}");

        Assert.Equal(1, missing.ExitCode);
        Assert.Contains($"{Path.GetFileName(last)}: FAILED open or read", missing.Error);
        Assert.Equal(1, stray.ExitCode);
        Assert.Contains("'efficiency-dashboard.tar.zst.part-099' is not listed in SHA256SUMS", stray.Error);
    }

    [Fact]
    public async Task Without_zstd_the_bundle_is_packed_with_xz_and_says_so()
    {
        await CreateDummyAppAsync();
        var path = ServerTools.CreatePath(Path.Combine(_root.Path, "bin"), without: "zstd");

        var pack = await BundleAsync($"pack_bundle {Q(Source)} {Q(Parts)}", new() { ["PATH"] = path });

        Assert.True(pack.ExitCode == 0, pack.ToString());
        Assert.Contains("zstd is not installed: compressing with xz -9 instead", pack.Error);
        Assert.NotEmpty(Directory.GetFiles(Parts, "efficiency-dashboard.tar.xz.part-*"));
    }

    /// <summary>2.5 MiB of random bytes (so parts are full), a nested folder and an executable, like a published app.</summary>
    private async Task CreateDummyAppAsync()
    {
        Directory.CreateDirectory(Path.Combine(Source, "pretrained"));
        var random = new byte[(int)(2.5 * 1024 * 1024)];
        new Random(7).NextBytes(random);
        File.WriteAllBytes(Path.Combine(Source, "libonnxruntime_providers_cuda.so"), random);
        File.WriteAllText(Path.Combine(Source, "pretrained", "model.txt"), "all-MiniLM-L6-v2");
        await BashRun.WriteExecutableAsync(Path.Combine(Source, "EfficiencyDashboard.Web"), "#!/bin/bash\necho app\n");
    }

    private Task<BashRun> BundleAsync(string command, Dictionary<string, string?>? environment = null)
    {
        environment ??= [];
        environment["BUNDLE_PART_SIZE"] = "1M";
        return BashRun.ExecuteAsync($"source {Q(Path.Combine(BashRun.ToolsDirectory, "lib", "bundle.sh"))}\n{command}", _root.Path, environment);
    }

    private static string Q(string value) => BashRun.Quote(value);

    public void Dispose() => _root.Dispose();
}

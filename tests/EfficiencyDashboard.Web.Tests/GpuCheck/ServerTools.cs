namespace EfficiencyDashboard.Web.Tests.GpuCheck;

/// <summary>
/// A PATH holding only what the GPU server is promised: bash, coreutils, tar, zstd and xz. A script that calls
/// anything else (grep, sed, awk, find) fails under it, as it would on the server.
/// </summary>
public static class ServerTools
{
    private static readonly string[] FallbackCoreutils =
    [
        "cat", "cp", "mv", "rm", "mkdir", "ls", "ln", "stat", "sort", "wc", "head", "tail", "cut", "tr", "numfmt", "dirname",
        "basename", "readlink", "realpath", "id", "env", "sha256sum", "split", "date", "touch", "chmod", "mktemp", "tee", "du",
    ];

    /// <summary>Creates <paramref name="folder"/> with links to the allowed programs, leaving out <paramref name="without"/>.</summary>
    public static string CreatePath(string folder, params string[] without)
    {
        Directory.CreateDirectory(folder);
        const string dpkgList = "/var/lib/dpkg/info/coreutils.list";
        var coreutils = File.Exists(dpkgList)
            ? File.ReadLines(dpkgList).Where(p => p.Contains("/bin/", StringComparison.Ordinal)).Select(Path.GetFileName).OfType<string>()
            : FallbackCoreutils;
        foreach (var program in coreutils.Concat(["bash", "tar", "zstd", "xz"]).Distinct().Except(without))
        {
            var target = new[] { "/usr/bin", "/bin" }.Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);
            if (target is not null)
            {
                File.CreateSymbolicLink(Path.Combine(folder, program), target);
            }
        }

        return folder;
    }
}

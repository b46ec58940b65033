using System.Diagnostics;
using System.Runtime.Versioning;
using EfficiencyDashboard.Web.Hosting;

namespace EfficiencyDashboard.Web.Tests.GpuCheck;

/// <summary>A bash command run against the repository's tools/ scripts: its exit code, standard output and standard error.</summary>
public sealed record BashRun(int ExitCode, string Output, string Error)
{
    /// <summary>The repository's tools/ folder.</summary>
    public static string ToolsDirectory { get; } = Path.Combine(RepositoryLayout.FindContentRoot(), "tools");

    /// <summary>Runs <paramref name="script"/> with <c>set -euo pipefail</c>, as the tools run; null values remove a variable.</summary>
    public static async Task<BashRun> ExecuteAsync(string script, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("set -euo pipefail\n" + script);
        // The developer's own CUDA setup must not leak into what the scripts find.
        start.Environment.Remove("LD_LIBRARY_PATH");
        start.Environment.Remove("VIRTUAL_ENV");
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
            if (value is null)
            {
                start.Environment.Remove(name);
            }
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new BashRun(process.ExitCode, await output, await error);
    }

    /// <summary>Writes a script (a fake app, a fake ldconfig) that the tools can execute.</summary>
    [SupportedOSPlatform("linux")]
    public static async Task WriteExecutableAsync(string path, string text)
    {
        await File.WriteAllTextAsync(path, text);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>Single-quotes <paramref name="value"/> for a bash command line.</summary>
    public static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}

using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using EfficiencyDashboard.Web.Hosting;
using EfficiencyDashboard.Web.Runs;
using Microsoft.Extensions.Options;

namespace EfficiencyDashboard.Web.Sandbox;

/// <summary>
/// Runs one piece of ONNX work (upload analysis, a variant build) in a child process of the same build, so a model that
/// explodes takes down nothing but that child: its resident memory is read from /proc every 50 ms and it is killed
/// above <see cref="RunnerOptions.SandboxMemoryLimitBytes"/>, or after <see cref="RunnerOptions.SandboxTimeLimit"/>.
/// The child inherits this process's cores (the web's, or the runner's).
/// </summary>
public sealed class SandboxProcess(IOptions<RunnerOptions> options, ILogger<SandboxProcess> logger)
{
    private static readonly TimeSpan WatchInterval = TimeSpan.FromMilliseconds(50);

    /// <param name="activity">What the child does, as a sentence starts: "analysis", "variant building".</param>
    /// <param name="phase">Hears the phases the child reports.</param>
    /// <exception cref="SandboxStoppedException">The child exceeded a limit or died; the message says which.</exception>
    public async Task<SandboxOutcome<TResult>> RunAsync<TRequest, TResult>(
        string kind, string activity, TRequest request, Action<string>? phase, CancellationToken cancellationToken)
        where TResult : class
    {
        var folder = Directory.CreateTempSubdirectory("efficiency-sandbox-");
        try
        {
            var requestPath = Path.Combine(folder.FullName, "request.json");
            var resultPath = Path.Combine(folder.FullName, "result.json");
            await File.WriteAllTextAsync(requestPath, JsonSerializer.Serialize(request, SandboxCommand.Json), cancellationToken);
            var errors = new Queue<string>();
            using var process = new Process { StartInfo = SameBuild.StartInfo([SandboxCommand.Verb, kind, requestPath, resultPath]) };
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data?.StartsWith(SandboxCommand.PhasePrefix, StringComparison.Ordinal) == true)
                {
                    phase?.Invoke(e.Data[SandboxCommand.PhasePrefix.Length..]);
                }
            };
            process.ErrorDataReceived += (_, e) =>
            {
                if (!string.IsNullOrWhiteSpace(e.Data))
                {
                    lock (errors)
                    {
                        errors.Enqueue(e.Data);
                        if (errors.Count > 20)
                        {
                            errors.Dequeue();
                        }
                    }
                }
            };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            var stopped = await WatchAsync(process, activity, cancellationToken);
            if (stopped is not null)
            {
                logger.LogWarning("Sandbox {Kind} (pid {ProcessId}) stopped: {Reason}", kind, process.Id, stopped);
                throw new SandboxStoppedException(stopped);
            }

            if (process.ExitCode != 0 || !File.Exists(resultPath))
            {
                string[] lines;
                lock (errors)
                {
                    lines = [.. errors];
                }

                logger.LogWarning("Sandbox {Kind} (pid {ProcessId}) failed with exit code {ExitCode}: {Errors}", kind, process.Id, process.ExitCode, string.Join('\n', lines));
                var last = lines.FirstOrDefault(l => !l.StartsWith("   at ", StringComparison.Ordinal));
                throw new SandboxStoppedException(
                    $"{ProcessExit.Sentence(activity)} stopped: {ProcessExit.Describe(process.ExitCode, "its process")}{(last is null ? "" : $" ({last})")}.");
            }

            return JsonSerializer.Deserialize<SandboxOutcome<TResult>>(await File.ReadAllTextAsync(resultPath, CancellationToken.None), SandboxCommand.Json)!;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Waits for the child to exit; kills it and says why when it passes a limit; kills it and throws when cancelled.</summary>
    private async Task<string?> WatchAsync(Process process, string activity, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var clock = Stopwatch.StartNew();
        var exited = process.WaitForExitAsync(CancellationToken.None);
        string? stopped = null;
        try
        {
            while (!exited.IsCompleted)
            {
                await Task.WhenAny(exited, Task.Delay(WatchInterval, cancellationToken));
                cancellationToken.ThrowIfCancellationRequested();
                if (exited.IsCompleted)
                {
                    break;
                }

                if (ResidentBytes(process.Id) > limits.SandboxMemoryLimitBytes)
                {
                    stopped = $"{ProcessExit.Sentence(activity)} stopped: it used more than {Bytes(limits.SandboxMemoryLimitBytes)} of memory (Runner:SandboxMemoryLimitBytes).";
                }
                else if (clock.Elapsed > limits.SandboxTimeLimit)
                {
                    stopped = $"{ProcessExit.Sentence(activity)} stopped: it took longer than {Duration(limits.SandboxTimeLimit)} (Runner:SandboxTimeLimit).";
                }

                if (stopped is not null)
                {
                    Kill(process);
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            await exited;
            throw;
        }

        await exited;
        return stopped;
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited on its own meanwhile.
        }
    }

    /// <summary>The child's resident set from /proc/PID/statm (second field, in pages); 0 once it is gone.</summary>
    private static long ResidentBytes(int processId)
    {
        try
        {
            var fields = File.ReadAllText($"/proc/{processId}/statm").Split(' ');
            return long.Parse(fields[1], CultureInfo.InvariantCulture) * Environment.SystemPageSize;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 0;
        }
    }

    internal static string Bytes(long bytes) =>
        bytes >= 1L << 30 && bytes % (1L << 30) == 0 ? $"{bytes >> 30} GiB"
        : bytes >= 1L << 20 ? $"{(bytes / (double)(1L << 20)).ToString("0.#", CultureInfo.InvariantCulture)} MiB"
        : $"{bytes} bytes";

    internal static string Duration(TimeSpan span) =>
        span.TotalHours >= 1 && span.Minutes == 0 && span.Seconds == 0 ? $"{span.TotalHours:0} h"
        : span.TotalMinutes >= 1 && span.Seconds == 0 ? $"{span.TotalMinutes:0} min"
        : $"{span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s";
}

using EfficiencyDashboard.Web.Benchmarks;
using EfficiencyDashboard.Web.Sandbox;
using EfficiencyDashboard.Web.Workers;

namespace EfficiencyDashboard.Web.Commands;

/// <summary>The app's command-line mode: the runner worker, benchmarks and headless runs, without starting the web server.</summary>
public static class CommandLine
{
    public const string Usage = """
        Usage: dotnet run --project src/EfficiencyDashboard.Web -c Release -- <command>
          worker [--devices cpu,gpu0] [--Section:Key=value]  the runner worker: serves the device queues (the web host starts one unless Runner:Worker is none)
          run <file.json>                                   execute the run request(s) in the file, store them, print the results as JSON
          gpu-check [--provider cpu|cuda|tensorrt] [--seconds N] [--batches 1,64] [--allow-cpu-fallback]
                                                            ResNet-50 fp32/fp16 and MiniLM on a provider with NVML telemetry, one table
          benchmark overhead [--rounds N]                   runner vs a bare ONNX Runtime loop on the CPU (latency ratio, cost per query)
          benchmark exports [--results N] [--samples N]   streamed export speed and memory vs the sqlite3 shell
          benchmark reports [--runs N] [--samples-per-run N] [--iterations N]   each report page's data work on a large database
          benchmark contention [--seconds N] [--clients N]  ResNet-18 measured by a running app, quiet then under N page visitors
          users add NAME --role R [--role R2] [--password-stdin]
                                                            add a user (roles: viewer, engineer, analyst, admin); prints a made password once
          tokens create --user NAME --scope S [--scope S2] [--expires 30d|12h|never] [--name TEXT]
                                                            make an API token; prints it once (only its hash is stored)
        users and tokens also take --Section:Key=value settings, as the app does (e.g. --Storage:DataDirectory=/srv/efficiency).
        With no command the web app starts.
        """;

    /// <summary>Runs the command in <paramref name="args"/>; null when there is none and the web app should start.</summary>
    public static async Task<int?> TryRunAsync(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-') || args[0].Contains('='))
        {
            return null;
        }

        switch (args)
        {
            case ["worker", .. var options]:
                return await WorkerCommand.RunAsync(options);
            case [SandboxCommand.Verb, var kind, var request, var result]:
                return await SandboxCommand.RunAsync(kind, request, result, Console.Error);
            case ["run", var file]:
                return await HeadlessRun.RunAsync(file, Console.Out, Console.Error);
            case ["gpu-check", .. var options]:
                return await GpuCheck.RunAsync(options, Console.Out, Console.Error);
            case ["benchmark", "overhead", .. var options]:
                return OverheadBenchmarkCommand.Run(IntOption(options, "--rounds", 8), Console.Out);
            case ["benchmark", "exports", .. var options]:
                return await ExportBenchmark.RunAsync(
                    IntOption(options, "--results", 1_000_000), IntOption(options, "--samples", 10_000_000), Console.Out);
            case ["benchmark", "reports", .. var options]:
                return await ReportsBenchmark.RunAsync(
                    IntOption(options, "--runs", 100_000), IntOption(options, "--samples-per-run", 10), IntOption(options, "--iterations", 9), Console.Out);
            case ["benchmark", "contention", .. var options]:
                return await ContentionBenchmark.RunAsync(IntOption(options, "--seconds", 15), IntOption(options, "--clients", 30), Console.Out);
            case ["users", "add", var name, .. var options] when !name.StartsWith('-'):
                return await AccountCommands.AddUserAsync(name, options, Console.In, Console.Out, Console.Error, Settings(options));
            case ["tokens", "create", .. var options]:
                return await AccountCommands.CreateTokenAsync(options, Console.Out, Console.Error, Settings(options));
            case ["help" or "--help"]:
                Console.WriteLine(Usage);
                return 0;
            default:
                await Console.Error.WriteLineAsync($"Unknown command '{string.Join(' ', args)}'.\n{Usage}");
                return 2;
        }
    }

    /// <summary>The <c>--Section:Key=value</c> options, as configuration (the app reads the same form from its command line).</summary>
    private static Dictionary<string, string?> Settings(string[] options) =>
        options.Where(o => o.StartsWith("--", StringComparison.Ordinal) && o.Contains('=') && o.IndexOf(':') is > 2)
            .Select(o => o[2..].Split('=', 2))
            .ToDictionary(p => p[0], p => (string?)p[1]);

    private static int IntOption(string[] options, string name, int fallback)
    {
        var index = Array.IndexOf(options, name);
        return index >= 0 && index + 1 < options.Length && int.TryParse(options[index + 1], out var value) && value > 0 ? value : fallback;
    }
}

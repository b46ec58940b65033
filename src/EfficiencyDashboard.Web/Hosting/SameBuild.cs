using System.Diagnostics;

namespace EfficiencyDashboard.Web.Hosting;

/// <summary>
/// Starts this same build as a child process with other arguments (the worker, a sandbox): through the app's own
/// executable when that is what runs, else through the dotnet host and the web assembly (as under <c>dotnet
/// EfficiencyDashboard.Web.dll</c> or a test host, whose bin folder holds the web assembly).
/// </summary>
public static class SameBuild
{
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        var assembly = typeof(SameBuild).Assembly.Location;
        var current = Environment.ProcessPath ?? "dotnet";
        if (Path.GetFileNameWithoutExtension(current) == Path.GetFileNameWithoutExtension(assembly))
        {
            info.FileName = current;
        }
        else
        {
            info.FileName = Path.GetFileNameWithoutExtension(current) == "dotnet"
                ? current
                : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
            info.ArgumentList.Add(assembly);
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    /// <summary>Runs a command of this build (such as <c>users add</c>) to its end; its standard output, or why it failed.</summary>
    public static async Task<string> RunToEndAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var command = arguments.ToList();
        using var process = Process.Start(StartInfo(command)) ?? throw new InvalidOperationException($"'{command[0]}' could not be started.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"'{string.Join(' ', command.Take(2))}' exited with {process.ExitCode}: {await error}");
    }
}

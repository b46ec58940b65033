namespace EfficiencyDashboard.Web.Hosting;

/// <summary>A child's exit status in words. .NET reports a child killed by a signal as exit code 128 + the signal.</summary>
public static class ProcessExit
{
    /// <param name="process">Who exited, as the sentence should start: "the runner process", "its process".</param>
    public static string Describe(int exitCode, string process)
    {
        if (exitCode is > 128 and < 128 + 65)
        {
            var signal = exitCode - 128;
            return $"{process} was killed by signal {signal} ({SignalName(signal)})";
        }

        return $"{process} exited with code {exitCode}";
    }

    private static string SignalName(int signal) => signal switch
    {
        1 => "SIGHUP",
        2 => "SIGINT",
        3 => "SIGQUIT",
        4 => "SIGILL",
        6 => "SIGABRT",
        7 => "SIGBUS",
        8 => "SIGFPE",
        // The kernel's out-of-memory killer sends SIGKILL, as does `kill -9`.
        9 => "SIGKILL: out of memory, or killed",
        11 => "SIGSEGV",
        13 => "SIGPIPE",
        15 => "SIGTERM",
        _ => $"signal {signal}",
    };

    /// <summary>The sentence with its first letter in upper case.</summary>
    public static string Sentence(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

using System.Text.RegularExpressions;

namespace EfficiencyDashboard.Web.Errors;

/// <summary>
/// Messages that reach users or are stored where users read them (a run's or variant's error, an upload's refusal):
/// never an absolute server path or a stack trace. The log keeps the detail, under a correlation id the user is given.
/// </summary>
public static partial class UserMessages
{
    /// <summary>The message with absolute paths cut to their file name and stack-trace lines removed.</summary>
    public static string Scrub(string message)
    {
        var withoutTrace = string.Join('\n', message.Split('\n').Where(line => !StackFrame().IsMatch(line)));
        var withoutPaths = AbsolutePath().Replace(withoutTrace, match =>
        {
            var path = match.Value.TrimEnd('/', '\\');
            return path[(path.LastIndexOfAny(['/', '\\']) + 1)..];
        });
        return withoutPaths.Trim();
    }

    /// <summary>For an error the product did not expect: logs it in full and returns what the user sees.</summary>
    /// <param name="what">What failed, as a sentence starts: "The run failed".</param>
    public static string Unexpected(ILogger logger, Exception exception, string what)
    {
        var correlationId = NewCorrelationId();
        logger.LogError(exception, "{What} (correlation id {CorrelationId})", what, correlationId);
        return WithCorrelation(what, correlationId);
    }

    public static string WithCorrelation(string what, string correlationId) =>
        $"{what} because of an unexpected error; the server log has the details under correlation id {correlationId}.";

    public static string NewCorrelationId() => Guid.NewGuid().ToString("N")[..12];

    // A Unix path of two or more segments, or a Windows drive path, not part of a URL (no ':' or word character before it).
    [GeneratedRegex(@"(?<![\w:/.\-~])(/[\w.\-@+~]+(?:/[\w.\-@+~ ]*[\w.\-@+~])+/?|[A-Za-z]:\\[^\s'""]+)")]
    private static partial Regex AbsolutePath();

    [GeneratedRegex(@"^\s+at .+\(.*\)|^\s+at [\w.`<>\[\],]+\.[\w<>]+\(|^\s*--- End of (inner exception )?stack trace")]
    private static partial Regex StackFrame();
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace EfficiencyDashboard.Web.Tests.Infrastructure;

/// <summary>Keeps every log line a host writes, for tests that read what the console shows.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    /// <summary>Polls until a line matches, failing after the deadline.</summary>
    public async Task<string> WaitForAsync(Func<string, bool> match, int timeoutSeconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (DateTime.UtcNow < deadline)
        {
            if (_lines.FirstOrDefault(match) is { } line)
            {
                return line;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"No log line matched within {timeoutSeconds} s.");
        return "";
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                logs._lines.Enqueue(formatter(state, exception) + (exception is null ? "" : "\n" + exception));
            }
        }
    }
}

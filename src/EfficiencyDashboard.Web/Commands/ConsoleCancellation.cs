using Hangfire;

namespace EfficiencyDashboard.Web.Commands;

/// <summary>Ctrl+C as the job cancellation of a run executed from the command line.</summary>
internal sealed class ConsoleCancellation : IJobCancellationToken, IDisposable
{
    private readonly CancellationTokenSource _source = new();

    public ConsoleCancellation() => Console.CancelKeyPress += OnCancel;

    public CancellationToken ShutdownToken => _source.Token;

    public void ThrowIfCancellationRequested() => _source.Token.ThrowIfCancellationRequested();

    private void OnCancel(object? sender, ConsoleCancelEventArgs e)
    {
        e.Cancel = true;
        _source.Cancel();
    }

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancel;
        _source.Dispose();
    }
}

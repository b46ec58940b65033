namespace EfficiencyDashboard.Web.Benchmarks;

/// <summary>
/// Concurrent HTTP clients that read the report pages and the API of a running app, one request after another each,
/// until stopped: the visitors whose work the contention benchmark measures beside a run.
/// </summary>
internal sealed class PageVisitors : IAsyncDisposable
{
    /// <summary>The report pages (server-rendered on each request) and the API reads a visitor makes, in turn.</summary>
    public static readonly string[] Paths =
    [
        "/", "/hardware", "/algorithms", "/architectures", "/decomposition", "/runs", "/compare", "/models", "/downloads",
        "/api/models", "/api/runs", "/api/claims", "/api/exports/results.csv",
    ];

    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _client;
    private readonly Task[] _visitors;
    private long _requests;
    private long _errors;

    private PageVisitors(AppProcess app, int clients)
    {
        // Signed in, as the app's real visitors are: an anonymous request gets a cheap 401 instead of the page.
        _client = app.CreateClient(clients);
        _visitors = [.. Enumerable.Range(0, clients).Select(i => Task.Run(() => VisitAsync(i)))];
    }

    public long Requests => Interlocked.Read(ref _requests);

    public long Errors => Interlocked.Read(ref _errors);

    public static PageVisitors Start(AppProcess app, int clients) => new(app, clients);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_visitors);
        _client.Dispose();
        _stop.Dispose();
    }

    private async Task VisitAsync(int visitor)
    {
        for (var i = visitor; !_stop.IsCancellationRequested; i++)
        {
            try
            {
                using var response = await _client.GetAsync(Paths[i % Paths.Length], HttpCompletionOption.ResponseContentRead, _stop.Token);
                Interlocked.Increment(ref _requests);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref _errors);
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref _requests);
                Interlocked.Increment(ref _errors);
            }
        }
    }
}

using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EfficiencyDashboard.Web.Commands;

namespace EfficiencyDashboard.Web.Benchmarks;

/// <summary>
/// ResNet-18 (generated), CPU, batch 1, measured by a running app twice: with nobody visiting, then while
/// <c>clients</c> concurrent HTTP clients read its report pages and API. Pass: the loaded run is INVALID host-busy, or
/// its p50 is within 10% of the quiet one's; a visitor-slowed run stored as VALID is the failure this guards against.
/// </summary>
public static class ContentionBenchmark
{
    private const string ModelKey = "resnet18-generated";
    private const double P50Tolerance = 0.10;

    public static async Task<int> RunAsync(int seconds, int clients, TextWriter output)
    {
        using var cancellation = new ConsoleCancellation();
        var token = cancellation.ShutdownToken;
        output.WriteLine($"Starting the app in a child process on a temporary data directory; its catalog builds {ModelKey} only.");
        using var app = await AppProcess.StartAsync([ModelKey], output, token);
        using var client = app.CreateClient();
        var modelId = await app.WaitForModelAsync(client, ModelKey, token);
        var idle = await app.WaitUntilIdleAsync(token);
        output.WriteLine(Text($"App (pid {app.ProcessId}) at {app.Address}; model {modelId} built; the app idles at {idle:0.000} cores. Each run: CPU, batch 1, {seconds} s, at least 64 queries, 10 warm-up."));

        var quiet = await MeasureAsync(client, modelId, seconds, token);
        output.WriteLine($"Quiet run {quiet["id"]} done. Starting {clients} clients on {PageVisitors.Paths.Length} report pages and API addresses...");
        JsonObject loaded;
        long requests;
        long errors;
        var loadStarted = DateTime.UtcNow;
        await using (var visitors = PageVisitors.Start(app, clients))
        {
            // The visitors get going before the run starts, so its whole window is under load.
            await Task.Delay(TimeSpan.FromSeconds(3), token);
            loaded = await MeasureAsync(client, modelId, seconds, token);
            (requests, errors) = (visitors.Requests, visitors.Errors);
        }

        var loadSeconds = (DateTime.UtcNow - loadStarted).TotalSeconds;
        output.WriteLine(Text($"The app served {requests:N0} visitor requests ({requests / loadSeconds:0.0}/s), {errors:N0} failed."));
        output.WriteLine();
        output.WriteLine("| run | p50 (ms) | samples/s | validity | other work on the runner's cores (cores) | web | other workers | rest of host | CPU pressure | runner cores |");
        output.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        output.WriteLine(Row("quiet", quiet));
        output.WriteLine(Row($"{clients} clients", loaded));
        output.WriteLine();

        var quietP50 = (double)quiet["result"]!["latencyP50Ms"]!;
        var loadedP50 = (double)loaded["result"]!["latencyP50Ms"]!;
        var hostBusy = (bool)loaded["result"]!["hostBusy"]!;
        var within = Math.Abs(loadedP50 / quietP50 - 1) <= P50Tolerance;
        var pass = hostBusy || within;
        output.WriteLine(Text($"Loaded p50 / quiet p50 = {loadedP50 / quietP50:0.00}. ") + (hostBusy
            ? "The loaded run is INVALID host-busy: the visitors' work on the runner's cores is recorded and the run is not trusted."
            : within
                ? "The loaded run's p50 is within 10% of the quiet run's: the visitors did not disturb the measurement."
                : "FAIL: the loaded run is slower by more than 10% and was not flagged host-busy."));
        return pass ? 0 : 1;
    }

    private static async Task<JsonObject> MeasureAsync(HttpClient client, int modelId, int seconds, CancellationToken token)
    {
        var response = await client.PostAsJsonAsync("/api/runs", new { modelId, executionProvider = "cpu", batchSize = 1, durationSeconds = seconds, minQueries = 64, warmupQueries = 10 }, token);
        response.EnsureSuccessStatusCode();
        var id = (long)(await response.Content.ReadFromJsonAsync<JsonObject>(token))!["id"]!;
        var deadline = DateTime.UtcNow.AddSeconds(seconds * 20 + 300);
        while (DateTime.UtcNow < deadline)
        {
            // One small request a second: the quiet run's only visitor.
            await Task.Delay(TimeSpan.FromSeconds(1), token);
            var run = (await client.GetFromJsonAsync<JsonObject>($"/api/runs/{id}", token))!;
            switch ((string?)run["status"])
            {
                case "succeeded":
                    return run;
                case "failed" or "cancelled" or "interrupted":
                    throw new InvalidOperationException($"Run {id} ended {run["status"]}: {run["error"]}");
            }
        }

        throw new TimeoutException($"Run {id} did not finish in time.");
    }

    private static string Row(string label, JsonObject run)
    {
        var result = run["result"]!;
        var validity = result["validity"]!;
        var verdict = (bool)validity["isValid"]! ? "VALID"
            : "INVALID (" + string.Join(", ", validity["reasons"]!.AsArray().Select(r => (string?)r!["check"])) + ")";
        var contention = result["hostContention"];
        string Cores(string field) => contention?[field] is { } value ? ((double)value).ToString("0.000", CultureInfo.InvariantCulture) : "not measured";
        var pressure = contention?["cpuPressureShare"] is { } share ? ((double)share).ToString("P0", CultureInfo.InvariantCulture) : "n/a";
        return Text($"| {label} (run {run["id"]}) | {(double)result["latencyP50Ms"]!:0.00} | {(double)result["throughputPerSecond"]!:0.0} | {verdict} | ") +
            $"{Cores("otherCores")} | {Cores("webCores")} | {Cores("workersCores")} | {Cores("restOfHostCores")} | {pressure} | {contention?["runnerCores"]} |";
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

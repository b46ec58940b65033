using System.Text.Json;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Web.Hosting;
using EfficiencyDashboard.Web.Models;
using EfficiencyDashboard.Web.Runs;
using EfficiencyDashboard.Web.Storage;
using EfficiencyDashboard.Web.Workers;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Web.Commands;

/// <summary>
/// Runs the runs described in a JSON file without the web app: stores them in the database like any run, executes them
/// one after another in this process (a worker that serves no queue, holding a lease on each of its runs and touching
/// no other), and prints each as the API returns it. The file holds one run request (as POST /api/runs takes) or
/// <c>{"runs": [ ... ]}</c>.
/// </summary>
public static class HeadlessRun
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <param name="settings">Configuration that overrides appsettings.json (the tests' data directory, for example).</param>
    public static async Task<int> RunAsync(string path, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var requests = await ReadRequestsAsync(path, error);
        if (requests is null)
        {
            return 2;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = RepositoryLayout.FindContentRoot() });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        // Standard output carries the JSON result alone; logs go to standard error.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.AddWorkerServices(serveQueues: false);
        using var host = builder.Build();
        await host.PrepareWorkerAsync(repairQueue: false);

        var services = host.Services;
        // The catalog builder and the heartbeat start; no job server does, so this process executes nothing but its own runs.
        await host.StartAsync();
        await services.GetRequiredService<CatalogBuilder>().Completion;
        var views = new List<RunView>();
        using var cancellation = new ConsoleCancellation();
        foreach (var request in requests)
        {
            var (run, errors) = await services.GetRequiredService<RunQueue>().CreateAsync(request, CancellationToken.None, createdBy: Users.Actor.CommandLineName);
            if (run is null)
            {
                await error.WriteLineAsync($"Run request for model {request.ModelId} is invalid, nothing was queued: {JsonSerializer.Serialize(errors, Json)}");
                await host.StopAsync();
                return 2;
            }

            await services.GetRequiredService<RunJob>().ExecuteAsync(run.Id, cancellation);
            await using var db = await services.GetRequiredService<IDbContextFactory<EfficiencyContext>>().CreateDbContextAsync();
            var stored = await db.Runs.AsNoTracking().Include(r => r.Model).Include(r => r.Result).FirstAsync(r => r.Id == run.Id);
            views.Add(RunView.From(stored, null));
        }

        await host.StopAsync();
        await output.WriteLineAsync(JsonSerializer.Serialize<object>(views.Count == 1 ? views[0] : views, Json));
        return views.All(v => v.Status == RunStatus.Succeeded) ? 0 : 1;
    }

    private static async Task<IReadOnlyList<RunRequest>?> ReadRequestsAsync(string path, TextWriter error)
    {
        try
        {
            await using var file = File.OpenRead(path);
            using var document = await JsonDocument.ParseAsync(file);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("runs", out var runs))
            {
                return runs.Deserialize<List<RunRequest>>(Json) ?? [];
            }

            return [root.Deserialize<RunRequest>(Json)!];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            await error.WriteLineAsync($"Cannot read run requests from '{path}': {ex.Message}");
            return null;
        }
    }
}

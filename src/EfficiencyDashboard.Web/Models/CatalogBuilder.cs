using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Runner.Analysis;
using EfficiencyDashboard.Web.Errors;
using EfficiencyDashboard.Web.Storage;
using EfficiencyDashboard.Web.Workers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EfficiencyDashboard.Web.Models;

/// <summary>
/// Builds and analyses the built-in catalog in the worker at start-up; files already in the data directory are reused.
/// Each model is built on the runner's cores only when no CPU run measures there. Progress goes to the catalog build row,
/// which the web polls. Registered as a singleton and as the hosted service, so suite planning can wait for it.
/// </summary>
public sealed class CatalogBuilder(
    IDbContextFactory<EfficiencyContext> dbFactory,
    DataDirectory data,
    RunnerCores cores,
    WorkerIdentity worker,
    IOptions<CatalogOptions> options,
    TimeProvider clock,
    ILogger<CatalogBuilder> logger) : BackgroundService
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when every wanted built-in model is in the catalog (or failed with a reason).</summary>
    public Task Completion => _completion.Task;

    public IReadOnlyList<BuiltInModel> Wanted =>
        options.Value.BuiltInModels.Length == 0 ? BuiltInModels.All : [.. BuiltInModels.All.Where(m => options.Value.BuiltInModels.Contains(m.Key))];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wanted = Wanted;
        var problems = new List<string>();
        try
        {
            await RecordAsync(0, wanted.Count, wanted.FirstOrDefault()?.Name, problems, finished: false, stoppingToken);
            for (var i = 0; i < wanted.Count && !stoppingToken.IsCancellationRequested; i++)
            {
                try
                {
                    // Building and analysing are CPU work; keep them off the host's start-up path.
                    await Task.Run(() => EnsureAsync(wanted[i], i, wanted.Count, problems, stoppingToken), stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Built-in model {Key} could not be built", wanted[i].Key);
                    problems.Add($"{wanted[i].Name}: {UserMessages.Scrub(ex.Message)}");
                }

                await RecordAsync(i + 1, wanted.Count, i + 1 < wanted.Count ? wanted[i + 1].Name : null, problems, finished: false, stoppingToken);
            }

            await LinkTeachersAsync(wanted, stoppingToken);
            await RecordAsync(wanted.Count, wanted.Count, null, problems, finished: true, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The worker is stopping; the next one goes on where this one stopped.
        }
        finally
        {
            _completion.TrySetResult();
        }
    }

    private async Task EnsureAsync(BuiltInModel builtIn, int done, int total, List<string> problems, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var path = data.PathOf(builtIn.RelativePath);
        var existing = await db.Models.FirstOrDefaultAsync(m => m.Key == builtIn.Key, cancellationToken);
        if (existing is not null && File.Exists(path) && existing.MacsPerSample > 0)
        {
            return;
        }

        if (cores.Holder is { } holder)
        {
            await RecordAsync(done, total, $"{builtIn.Name} (after {holder})", problems, finished: false, cancellationToken);
        }

        using var turn = await cores.BuildAsync($"the catalog build: {builtIn.Name}", cancellationToken);
        await RecordAsync(done, total, builtIn.Name, problems, finished: false, cancellationToken);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (!File.Exists(path) && !builtIn.Produce(path))
        {
            throw new FileNotFoundException("Its source file is missing; run the build (dotnet build) so the package's model is copied.");
        }

        var shapes = builtIn.DefaultInputShapes ?? new Dictionary<string, int[]>();
        var analysis = ModelAnalyzer.Analyze(await File.ReadAllBytesAsync(path, cancellationToken), 1, shapes);
        var model = existing ?? db.Models.Add(new Model
        {
            Key = builtIn.Key,
            Name = builtIn.Name,
            Task = builtIn.Task,
            Provenance = builtIn.Provenance,
            FilePath = builtIn.RelativePath,
            AddedAtUtc = clock.GetUtcNow().UtcDateTime,
        }).Entity;
        model.Family = builtIn.Family;
        model.Source = builtIn.Source;
        model.Provenance = builtIn.Provenance;
        model.DefaultInputShapes = new Dictionary<string, int[]>(shapes);
        model.ReferenceQuality = builtIn.ReferenceQuality;
        CatalogEntry.ApplyAnalysis(model, ModelFacts.From(analysis), new FileInfo(path).Length, classify: false);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Catalog: {Name} ready ({Parameters:N0} parameters, {Macs:N0} MACs per sample)", builtIn.Name, model.ParameterCount, model.MacsPerSample);
    }

    /// <summary>Distilled students point at their teachers once both are in the catalog.</summary>
    private async Task LinkTeachersAsync(IReadOnlyList<BuiltInModel> wanted, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var byKey = await db.Models.Where(m => m.Key != null).ToDictionaryAsync(m => m.Key!, cancellationToken);
        foreach (var student in wanted.Where(m => m.TeacherKey is not null))
        {
            if (byKey.TryGetValue(student.Key, out var model) && byKey.TryGetValue(student.TeacherKey!, out var teacher))
            {
                model.TeacherId = teacher.Id;
                model.Technique = Technique.Distilled;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Writes the catalog build row the web shows.</summary>
    private async Task RecordAsync(int done, int total, string? current, List<string> problems, bool finished, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.CatalogBuilds.FirstOrDefaultAsync(b => b.Id == CatalogBuild.SingleId, cancellationToken)
            ?? db.CatalogBuilds.Add(new CatalogBuild { StartedAtUtc = now }).Entity;
        if (row.WorkerId != worker.Id)
        {
            row.WorkerId = worker.Id;
            row.StartedAtUtc = now;
        }

        row.Done = done;
        row.Total = total;
        row.Current = current;
        row.Problems = [.. problems];
        row.FinishedAtUtc = finished ? now : null;
        row.UpdatedAtUtc = now;
        await db.SaveChangesAsync(cancellationToken);
    }
}

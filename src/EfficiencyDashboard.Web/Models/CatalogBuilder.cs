using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Runner.Analysis;
using EfficiencyDashboard.Web.Errors;
using EfficiencyDashboard.Web.Hosting;
using EfficiencyDashboard.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EfficiencyDashboard.Web.Models;

/// <summary>
/// Builds and analyses the built-in catalog in the background at start-up, so the UI serves at once; files already in
/// the data directory are reused. Registered as a singleton and as the hosted service, so pages can show its progress.
/// </summary>
public sealed class CatalogBuilder(
    IDbContextFactory<EfficiencyContext> dbFactory,
    DataDirectory data,
    IOptions<CatalogOptions> options,
    TimeProvider clock,
    ILogger<CatalogBuilder> logger) : BackgroundService
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Subscribers<CatalogBuildStatus> _subscribers = new(logger);
    private volatile CatalogBuildStatus _status = new(0, 0, null, []);

    public CatalogBuildStatus Status => _status;

    /// <summary>Completes when every wanted built-in model is in the catalog (or failed with a reason).</summary>
    public Task Completion => _completion.Task;

    public IReadOnlyList<BuiltInModel> Wanted =>
        options.Value.BuiltInModels.Length == 0 ? BuiltInModels.All : [.. BuiltInModels.All.Where(m => options.Value.BuiltInModels.Contains(m.Key))];

    public IDisposable Subscribe(Action<CatalogBuildStatus> handler) => _subscribers.Subscribe(handler);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wanted = Wanted;
        var problems = new List<string>();
        try
        {
            for (var i = 0; i < wanted.Count && !stoppingToken.IsCancellationRequested; i++)
            {
                Publish(new CatalogBuildStatus(i, wanted.Count, wanted[i].Name, [.. problems]));
                try
                {
                    // Building and analysing are CPU work; keep them off the host's start-up path.
                    await Task.Run(() => EnsureAsync(wanted[i], stoppingToken), stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Built-in model {Key} could not be built", wanted[i].Key);
                    problems.Add($"{wanted[i].Name}: {UserMessages.Scrub(ex.Message)}");
                }
            }

            await LinkTeachersAsync(wanted, stoppingToken);
            Publish(new CatalogBuildStatus(wanted.Count, wanted.Count, null, [.. problems]));
        }
        finally
        {
            _completion.TrySetResult();
        }
    }

    private async Task EnsureAsync(BuiltInModel builtIn, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var path = data.PathOf(builtIn.RelativePath);
        var existing = await db.Models.FirstOrDefaultAsync(m => m.Key == builtIn.Key, cancellationToken);
        if (existing is not null && File.Exists(path) && existing.MacsPerSample > 0)
        {
            return;
        }

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
        CatalogEntry.ApplyAnalysis(model, analysis, new FileInfo(path).Length, classify: false);
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

    private void Publish(CatalogBuildStatus status)
    {
        _status = status;
        _subscribers.Publish(status);
    }
}

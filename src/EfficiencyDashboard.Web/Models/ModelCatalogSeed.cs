using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Runner.Catalog;
using EfficiencyDashboard.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Web.Models;

/// <summary>Puts the built-in models in the catalog; later starts reuse the files already in the data directory.</summary>
public sealed class ModelCatalogSeed(IDbContextFactory<EfficiencyContext> dbFactory, DataDirectory data, TimeProvider clock, ILogger<ModelCatalogSeed> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        foreach (var builtIn in BuiltInModels.All)
        {
            var path = data.PathOf(builtIn.RelativePath);
            var existing = await db.Models.FirstOrDefaultAsync(m => m.Key == builtIn.Key, cancellationToken);
            if (existing is not null && File.Exists(path))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (!builtIn.Produce(path))
            {
                logger.LogWarning("Built-in model {Key} is not available: its source file is missing (was the build run?)", builtIn.Key);
                continue;
            }

            var inspection = ModelInspection.Of(path);
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
            model.Inputs = [.. inspection.Inputs];
            model.Outputs = [.. inspection.Outputs];
            model.ParameterCount = inspection.ParameterCount;
            model.FileSizeBytes = inspection.FileSizeBytes;
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Added built-in model {Key} ({Parameters:N0} parameters)", builtIn.Key, inspection.ParameterCount);
        }
    }
}

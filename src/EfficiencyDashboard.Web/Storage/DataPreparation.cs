using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.ReferenceData;
using EfficiencyDashboard.Core.Reports.Aggregates;
using EfficiencyDashboard.Web.Hardware;
using EfficiencyDashboard.Web.Runs;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Web.Storage;

public static class DataPreparation
{
    /// <summary>Before the web app serves: apply migrations, switch SQLite to WAL and load the reference data. The worker builds the catalog.</summary>
    public static async Task PrepareDataAsync(this IHost app, CancellationToken cancellationToken = default)
    {
        var services = app.Services;
        await using var db = await MigrateAsync(services, cancellationToken);
        await LoadReferenceDataAsync(services, db, cancellationToken);
        if (await SettingAggregates.NeedRebuildAsync(db, cancellationToken))
        {
            // Results stored before the per-setting aggregates existed are summed once; later ones as they land.
            await SettingAggregates.RebuildAsync(db, cancellationToken);
        }
    }

    /// <summary>
    /// Before a worker serves: apply migrations (a worker may start before any web host), register this host's hardware,
    /// and with <paramref name="repairQueue"/> put queued runs whose job was lost back on their queue.
    /// </summary>
    public static async Task PrepareWorkerAsync(this IHost host, bool repairQueue, CancellationToken cancellationToken = default)
    {
        var services = host.Services;
        await (await MigrateAsync(services, cancellationToken)).DisposeAsync();
        await services.GetRequiredService<HardwareRegistry>().RegisterAsync(cancellationToken);
        if (repairQueue)
        {
            await services.GetRequiredService<RunRecovery>().RequeueLostJobsAsync(cancellationToken);
        }
    }

    private static async Task<EfficiencyContext> MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = await services.GetRequiredService<IDbContextFactory<EfficiencyContext>>().CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        return db;
    }

    private static async Task LoadReferenceDataAsync(IServiceProvider services, EfficiencyContext db, CancellationToken cancellationToken)
    {
        var directory = services.GetRequiredService<DataDirectory>().ReferenceDirectory;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(nameof(DataPreparation));
        if (!Directory.Exists(directory))
        {
            logger.LogWarning("No reference data at {Directory}: reports show measured data only", directory);
            return;
        }

        var (version, loaded) = await ReferenceDataImport.EnsureAsync(db, directory, DateTime.UtcNow, cancellationToken);
        if (loaded)
        {
            logger.LogInformation("Loaded reference data {Version}: {Accelerators} accelerators, {Results} MLPerf results, {Power} MLPerf power results",
                version.ContentVersion[..12], version.Accelerators, version.MlperfResults, version.MlperfPowerResults);
        }
    }
}

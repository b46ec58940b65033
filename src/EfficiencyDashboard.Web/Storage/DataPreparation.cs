using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Core.ReferenceData;
using EfficiencyDashboard.Core.Reports.Aggregates;
using EfficiencyDashboard.Web.Hardware;
using EfficiencyDashboard.Web.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EfficiencyDashboard.Web.Storage;

public static class DataPreparation
{
    /// <summary>Before the app serves: apply migrations, switch SQLite to WAL, and repair the run queue. The catalog builds in the background.</summary>
    /// <param name="recoverRuns">False for the headless mode, which must not touch runs a web app on this host may be executing.</param>
    public static async Task PrepareDataAsync(this IHost app, bool recoverRuns = true, CancellationToken cancellationToken = default)
    {
        var services = app.Services;
        await using (var db = await services.GetRequiredService<IDbContextFactory<EfficiencyContext>>().CreateDbContextAsync(cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await LoadReferenceDataAsync(services, db, cancellationToken);
            if (await SettingAggregates.NeedRebuildAsync(db, cancellationToken))
            {
                // Results stored before the per-setting aggregates existed are summed once; later ones as they land.
                await SettingAggregates.RebuildAsync(db, cancellationToken);
            }
        }

        await services.GetRequiredService<HardwareRegistry>().RegisterAsync(cancellationToken);

        if (!recoverRuns)
        {
            return;
        }

        // A variant job left running by a process that died cannot resume mid-transform: it ends interrupted.
        await using (var db = await services.GetRequiredService<IDbContextFactory<EfficiencyContext>>().CreateDbContextAsync(cancellationToken))
        {
            await db.VariantJobs.Where(j => j.Status == RunStatus.Running).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, RunStatus.Interrupted)
                .SetProperty(j => j.Phase, (string?)null)
                .SetProperty(j => j.Error, "The process stopped while the variant was being made; request it again."), cancellationToken);
        }

        await services.GetRequiredService<RunRecovery>().RecoverAsync(services.GetRequiredService<IOptions<RunnerOptions>>().Value.ServedDevices, cancellationToken);
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

using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Web.Models;
using EfficiencyDashboard.Web.Placement;
using EfficiencyDashboard.Web.Runs;
using EfficiencyDashboard.Web.Sandbox;
using EfficiencyDashboard.Web.Storage;
using EfficiencyDashboard.Web.Suites;
using EfficiencyDashboard.Web.Variants;
using EfficiencyDashboard.Web.Workers;
using Hangfire;
using Hangfire.Storage.SQLite;
using Microsoft.EntityFrameworkCore;

namespace EfficiencyDashboard.Web.Hosting;

/// <summary>What the web host and a worker both need: settings, the database, the job storage, the queues and the run lifecycle.</summary>
public static class SharedServices
{
    public static DataDirectory AddSharedServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName);
        services.AddOptions<RunDefaults>().BindConfiguration(RunDefaults.SectionName);
        services.AddOptions<RunnerOptions>().BindConfiguration(RunnerOptions.SectionName);
        services.AddOptions<CatalogOptions>().BindConfiguration(CatalogOptions.SectionName);
        services.AddOptions<Dictionary<string, SuiteDefinition>>().BindConfiguration("Suites");

        var data = new DataDirectory(
            builder.Environment.ContentRootPath,
            builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions());
        services.AddSingleton(data);
        services.AddSingleton(TimeProvider.System);
        services.AddDbContextFactory<EfficiencyContext>(options => options.UseSqlite(SqliteConnectionStrings.ForDataDirectory(data.Root)));

        var runner = builder.Configuration.GetSection(RunnerOptions.SectionName).Get<RunnerOptions>() ?? new RunnerOptions();
        var (placement, placementError) = CpuPlacement.Decide(runner.CpuSet, ThreadAffinity.Available());
        services.AddSingleton(placement);
        services.AddSingleton(new PlacementProblem(placementError));

        services.AddSingleton<RunNotifier>();
        services.AddSingleton<VariantNotifier>();
        services.AddSingleton<RunLifecycle>();
        services.AddSingleton<RunQueue>();
        services.AddSingleton<RunRecovery>();
        services.AddSingleton<VariantQueue>();
        services.AddSingleton<SuiteQueue>();
        services.AddSingleton<WorkLeases>();
        services.AddSingleton<SandboxProcess>();
        builder.AddJobStorage(data, runner);
        return data;
    }

    /// <summary>Hangfire on SQLite in the data directory: the web enqueues into it, workers serve its device queues.</summary>
    private static void AddJobStorage(this IHostApplicationBuilder builder, DataDirectory data, RunnerOptions runner)
    {
        // Registered before AddHangfire, which would otherwise fall back to the process-wide JobStorage.Current.
        // Created lazily after Hangfire's global configuration, whose static log provider must be this host's.
        builder.Services.AddSingleton<JobStorage>(services =>
        {
            services.GetRequiredService<IGlobalConfiguration>();
            return new SQLiteStorage(data.JobStoragePath, new SQLiteStorageOptions
            {
                QueuePollInterval = runner.QueuePollInterval,
                JournalMode = SQLiteStorageOptions.JournalModes.WAL,
            });
        });
        builder.Services.AddHangfire(configuration => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
    }
}

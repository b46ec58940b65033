using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Runner.Execution;
using EfficiencyDashboard.Runner.Telemetry;
using EfficiencyDashboard.Web.Audit;
using EfficiencyDashboard.Web.Errors;
using EfficiencyDashboard.Web.Hardware;
using EfficiencyDashboard.Web.Health;
using EfficiencyDashboard.Web.Models;
using EfficiencyDashboard.Web.Reports.Claims;
using EfficiencyDashboard.Web.Runs;
using EfficiencyDashboard.Web.Storage;
using EfficiencyDashboard.Web.Suites;
using EfficiencyDashboard.Web.Users;
using EfficiencyDashboard.Web.Variants;
using Hangfire;
using Hangfire.Storage.SQLite;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;

namespace EfficiencyDashboard.Web;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName);
        services.AddOptions<RunDefaults>().BindConfiguration(RunDefaults.SectionName);
        services.AddOptions<RunnerOptions>().BindConfiguration(RunnerOptions.SectionName);

        var data = new DataDirectory(
            builder.Environment.ContentRootPath,
            builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions());
        services.AddSingleton(data);
        services.AddSingleton(TimeProvider.System);
        services.AddDbContextFactory<EfficiencyContext>(options => options.UseSqlite(SqliteConnectionStrings.ForDataDirectory(data.Root)));

        services.AddSingleton<IExecutionProviderLoader, OrtExecutionProviderLoader>();
        services.AddSingleton<INvml>(Nvml.Shared);
        services.AddSingleton(new RaplEnergyMeter());
        services.AddSingleton<HardwareRegistry>();
        services.AddSingleton<ExecutionProviderStatus>();
        services.AddSingleton(sp => new InferenceBenchmark(
            sp.GetRequiredService<IExecutionProviderLoader>(), sp.GetRequiredService<INvml>(), sp.GetRequiredService<RaplEnergyMeter>()));
        services.AddOptions<CatalogOptions>().BindConfiguration(CatalogOptions.SectionName);
        services.AddSingleton<CatalogBuilder>();
        services.AddSingleton<ModelUploads>();
        services.AddSingleton<ModelInputs>();
        services.AddSingleton<VariantNotifier>();
        services.AddSingleton<VariantQueue>();
        services.AddTransient<VariantBuildJob>();
        services.AddOptions<Dictionary<string, SuiteDefinition>>().BindConfiguration("Suites");
        services.AddSingleton<SuiteQueue>();
        services.AddTransient<SuiteJob>();
        services.AddHostedService(sp => sp.GetRequiredService<CatalogBuilder>());
        services.AddSingleton<RunNotifier>();
        services.AddSingleton<RunCancellations>();
        services.AddSingleton<RunQueue>();
        services.AddSingleton<RunRecovery>();
        services.AddTransient<RunJob>();
        services.AddSingleton<ClaimsReport>();
        services.AddSingleton<ModelClassifier>();
        services.AddSingleton<AuditTrail>();
        builder.AddSignIn();
        builder.AddRunWorkers(data);

        services.AddHealthChecks()
            .AddDbContextCheck<EfficiencyContext>("database", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<RunnerHealthCheck>("runner", tags: [HealthEndpoints.ReadyTag]);
        // Binding failures (malformed JSON, wrong types) throw, so the problem response can say what was wrong.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Registered after AddSignIn's handler of refused actions: whatever is left is unexpected.
        services.AddExceptionHandler<UnexpectedErrorHandler>();
        services.AddOpenApi();
        services.AddMudServices();
        services.AddRazorComponents().AddInteractiveServerComponents();
    }

    /// <summary>Hangfire on SQLite in the data directory, with one single-worker server per device queue.</summary>
    private static void AddRunWorkers(this IHostApplicationBuilder builder, DataDirectory data)
    {
        var runner = builder.Configuration.GetSection(RunnerOptions.SectionName).Get<RunnerOptions>() ?? new RunnerOptions();
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
        foreach (var device in runner.ServedDevices)
        {
            builder.Services.AddHangfireServer(options =>
            {
                options.ServerName = RunRecovery.WorkerName(device);
                options.Queues = [device];
                options.WorkerCount = 1;
                options.SchedulePollingInterval = runner.QueuePollInterval;
                options.CancellationCheckInterval = TimeSpan.FromSeconds(1);
            });
        }
    }
}

using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Web.Audit;
using EfficiencyDashboard.Web.Errors;
using EfficiencyDashboard.Web.Health;
using EfficiencyDashboard.Web.Hosting;
using EfficiencyDashboard.Web.Models;
using EfficiencyDashboard.Web.Placement;
using EfficiencyDashboard.Web.Reports.Claims;
using EfficiencyDashboard.Web.Runs;
using EfficiencyDashboard.Web.Users;
using EfficiencyDashboard.Web.Workers;
using MudBlazor.Services;

namespace EfficiencyDashboard.Web;

public static class Extensions
{
    /// <summary>
    /// The web host: pages, the API and exports. It enqueues work and reads what workers write, and never loads a model
    /// into ONNX Runtime; with <c>Runner:Worker</c> = process (the default) it starts and supervises one worker.
    /// </summary>
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddSharedServices();
        var services = builder.Services;
        services.AddHostedService<WebPlacement>();
        services.AddSingleton<CatalogProgress>();
        services.AddSingleton<ExecutionProviderStatus>();
        services.AddSingleton<ModelUploads>();
        services.AddSingleton<ClaimsReport>();
        services.AddSingleton<SettlingRunStarter>();
        services.AddHostedService<WorkerUpdatePoller>();
        if (builder.Configuration.GetSection(RunnerOptions.SectionName).Get<RunnerOptions>()?.Worker != WorkerMode.None)
        {
            services.AddSingleton<WorkerSupervisor>();
            services.AddHostedService(sp => sp.GetRequiredService<WorkerSupervisor>());
        }
        services.AddSingleton<ModelClassifier>();
        services.AddSingleton<AuditTrail>();
        builder.AddSignIn();

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
}

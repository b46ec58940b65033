using EfficiencyDashboard.Web;
using EfficiencyDashboard.Web.Commands;
using EfficiencyDashboard.Web.Components;
using EfficiencyDashboard.Web.Exports;
using EfficiencyDashboard.Web.Health;
using EfficiencyDashboard.Web.Hosting;
using EfficiencyDashboard.Web.Models;
using EfficiencyDashboard.Web.Runs;
using EfficiencyDashboard.Web.Reports.Claims;
using EfficiencyDashboard.Web.Storage;
using EfficiencyDashboard.Web.Suites;
using EfficiencyDashboard.Web.Users;
using EfficiencyDashboard.Web.Variants;
using Scalar.AspNetCore;

if (await CommandLine.TryRunAsync(args) is { } exitCode)
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = RepositoryLayout.FindContentRoot(),
    WebRootPath = "wwwroot",
});
builder.WebHost.UseStaticWebAssets();
builder.AddApplicationServices();

var app = builder.Build();
await app.PrepareDataAsync();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseStaticFiles();
app.UseAuthentication();
app.UseRateLimiter();
app.UseMiddleware<CrossSiteRequestProtection>();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapHealthEndpoints();
app.MapOpenApi().RequireAuthorization(Policies.Read);
app.MapScalarApiReference().RequireAuthorization(Policies.Read);
app.MapAccountEndpoints();
app.MapUsersApi();
app.MapModelsApi();
app.MapVariantsApi();
app.MapSuitesApi();
app.MapRunsApi();
app.MapExportsApi();
app.MapClaimsApi();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();
return 0;

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;

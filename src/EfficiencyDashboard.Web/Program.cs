using EfficiencyDashboard.Web;
using EfficiencyDashboard.Web.Components;
using EfficiencyDashboard.Web.Health;
using EfficiencyDashboard.Web.Hosting;
using EfficiencyDashboard.Web.Models;
using EfficiencyDashboard.Web.Runs;
using EfficiencyDashboard.Web.Storage;

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
app.UseAntiforgery();

app.MapStaticAssets();
app.MapHealthEndpoints();
app.MapOpenApi();
app.MapModelsApi();
app.MapRunsApi();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;

using System.Text.Json.Nodes;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EfficiencyDashboard.Web.Tests.Reports;

/// <summary>An app with three short runs: two MobileNet ones (single-stream, offline) and a ResNet one, in that order.</summary>
public sealed class ExplorerFixture : IAsyncLifetime
{
    public DashboardFixture App { get; } = new();

    public JsonObject MobileNetSingleStream { get; private set; } = null!;

    public JsonObject MobileNetOffline { get; private set; } = null!;

    public JsonObject ResNet { get; private set; } = null!;

    public int MobileNetId { get; private set; }

    public IReadOnlyList<JsonObject> All => [MobileNetSingleStream, MobileNetOffline, ResNet];

    public async Task InitializeAsync()
    {
        var client = App.Client;
        MobileNetId = await client.ModelIdAsync("mobilenetv2-1.0-generated");
        var resNetId = await client.ModelIdAsync("resnet18-pretrained");
        MobileNetSingleStream = await RunAsync(new { modelId = MobileNetId, executionProvider = "cpu", batchSize = 1, durationSeconds = 0.25, minQueries = 5, warmupQueries = 1 });
        MobileNetOffline = await RunAsync(new { modelId = MobileNetId, scenario = "offline", batchSize = 4, durationSeconds = 0.25, minQueries = 4, warmupQueries = 1 });
        ResNet = await RunAsync(new { modelId = resNetId, executionProvider = "cpu", batchSize = 1, durationSeconds = 0.25, minQueries = 5, warmupQueries = 1 });
    }

    public async Task<EfficiencyContext> CreateDbContextAsync() =>
        await App.Factory.Services.GetRequiredService<IDbContextFactory<EfficiencyContext>>().CreateDbContextAsync();

    private async Task<JsonObject> RunAsync(object request) =>
        await App.Client.WaitForStatusAsync(await App.Client.StartRunAsync(request), "succeeded");

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}

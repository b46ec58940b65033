using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Web.Tests.Infrastructure;
using EfficiencyDashboard.Web.Tests.Variants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EfficiencyDashboard.Web.Tests.Reports;

/// <summary>
/// The app with an int8-static variant of MobileNetV2, and short CPU runs: MobileNetV2, its variant and ResNet-18 twice
/// each at batch 1; MobileNetV2 and its variant once each at batch 2 (one run a side: bootstrap over queries).
/// </summary>
public sealed class AlgorithmReportFixture : IAsyncLifetime
{
    private readonly DashboardFixture _app = new();

    public DashboardFactory Factory => _app.Factory;

    public int MobileNetId { get; private set; }

    public int ResNetId { get; private set; }

    public int VariantId { get; private set; }

    public int HardwareId { get; private set; }

    public async Task InitializeAsync()
    {
        var client = _app.Client;
        MobileNetId = await client.ModelIdAsync("mobilenetv2-1.0-generated");
        ResNetId = await client.ModelIdAsync("resnet18-pretrained");
        var job = await client.MakeVariantAsync(MobileNetId, new { technique = "int8-static" });
        Assert.Equal("succeeded", (string?)job["status"]);
        VariantId = (int)job["variantId"]!;

        (int Model, int Batch)[] runs =
        [
            (MobileNetId, 1), (VariantId, 1), (MobileNetId, 1), (VariantId, 1), (ResNetId, 1), (ResNetId, 1), (MobileNetId, 2), (VariantId, 2),
        ];
        foreach (var (model, batch) in runs)
        {
            var id = await client.StartRunAsync(new { modelId = model, batchSize = batch, durationSeconds = 0.3, minQueries = 5, warmupQueries = 2 });
            await client.WaitForStatusAsync(id, "succeeded", 180);
        }

        await using var db = await CreateDbContextAsync();
        HardwareId = (await db.Runs.Select(r => r.HardwareId).FirstAsync())!.Value;
    }

    public Task<EfficiencyContext> CreateDbContextAsync() =>
        Factory.Services.GetRequiredService<IDbContextFactory<EfficiencyContext>>().CreateDbContextAsync();

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }
}

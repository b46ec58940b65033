using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EfficiencyDashboard.Web.Tests.Exports;

/// <summary>An app with two measured runs (one CPU, one CUDA that fell back) and a model whose name is hostile to CSV.</summary>
public sealed class ExportsFixture : IAsyncLifetime
{
    public const string HostileName = "=HYPERLINK(\"http://x\"),\"quoted\", comma\nnew line";

    private readonly DashboardFixture _app = new();

    public HttpClient Client => _app.Client;

    public IDbContextFactory<EfficiencyContext> Db => _app.Factory.Services.GetRequiredService<IDbContextFactory<EfficiencyContext>>();

    public long CpuRunId { get; private set; }

    public long CudaRunId { get; private set; }

    public async Task InitializeAsync()
    {
        var modelId = await Client.ModelIdAsync("mobilenetv2-1.0-generated");
        CpuRunId = await Client.StartRunAsync(new { modelId, batchSize = 1, durationSeconds = 0.3, minQueries = 20, warmupQueries = 1 });
        CudaRunId = await Client.StartRunAsync(new { modelId, executionProvider = "cuda", allowCpuFallback = true, batchSize = 2, durationSeconds = 0.3, minQueries = 10, warmupQueries = 1 });
        await Client.WaitForStatusAsync(CpuRunId, "succeeded");
        await Client.WaitForStatusAsync(CudaRunId, "succeeded");

        await using var db = await Db.CreateDbContextAsync();
        db.Models.Add(new Model
        {
            Name = HostileName,
            Task = "image classification",
            Provenance = "@SUM(1+1)",
            FilePath = "models/none.onnx",
            Family = ModelFamily.Other,
            Source = ModelSource.Uploaded,
            AddedAtUtc = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }
}

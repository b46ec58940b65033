using EfficiencyDashboard.Web.Tests.Infrastructure;

namespace EfficiencyDashboard.Web.Tests.Workers;

/// <summary>A run that executes past the wall-clock limit is taken as hung: the supervisor kills its worker and says why.</summary>
[Collection(DashboardCollection.Name)]
public sealed class WallClockLimitTests : IDisposable
{
    private readonly TemporaryDataDirectory _data = new();

    [Fact]
    public async Task The_supervisor_kills_a_worker_whose_run_exceeds_the_wall_clock_limit_and_the_run_says_so()
    {
        using var factory = new DashboardFactory(_data.Path, new Dictionary<string, string?>
        {
            ["Runner:RunTimeLimit"] = "00:00:05",
            // MobileNetV2 alone: the test needs one model.
            ["Catalog:BuiltInModels:1"] = "",
        });
        using var client = factory.CreateClient();
        var modelId = await client.ModelIdAsync("mobilenetv2-1.0-generated");
        var killed = factory.Worker;

        var id = await client.StartRunAsync(new { modelId, batchSize = 1, durationSeconds = 600, minQueries = 3, warmupQueries = 1 });
        var run = await client.WaitForRunAsync(id, r => (string?)r["status"] is "interrupted" or "failed" or "succeeded");

        Assert.Equal("interrupted", (string?)run["status"]);
        Assert.StartsWith($"The supervisor killed the runner process because run {id} ran longer than its wall-clock limit of 5 s (Runner:RunTimeLimit)", (string?)run["error"]);
        Assert.Equal(killed.WorkerId, (string?)run["executedBy"]);
    }

    public void Dispose() => _data.Dispose();
}

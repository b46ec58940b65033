using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Web.Tests.Infrastructure;

namespace EfficiencyDashboard.Web.Tests.Access;

[Collection(DashboardCollection.Name)]
public sealed class RateLimitTests : IDisposable
{
    private readonly TemporaryDataDirectory _data = new();
    private readonly DashboardFactory _factory;

    public RateLimitTests()
    {
        // An hour's window: no request in this test can fall into the next one, however slow the machine.
        _factory = new DashboardFactory(_data.Path, new Dictionary<string, string?>
        {
            ["Runner:Devices:0"] = "gpu0",
            ["Runner:Devices:1"] = "",
            ["Limits:StateChangingRequestsPerWindow"] = "3",
            ["Limits:RateLimitWindow"] = "01:00:00",
        });
    }

    [Fact]
    public async Task State_changes_past_the_limit_get_429_with_retry_after_and_change_nothing_while_reads_go_on()
    {
        using var client = _factory.CreateClient();
        var request = new { modelId = await client.ModelIdAsync("mobilenetv2-1.0-generated"), batchSize = 1, durationSeconds = 0.2, minQueries = 3 };
        for (var i = 0; i < 3; i++)
        {
            await client.StartRunAsync(request);
        }

        var limited = await client.PostAsJsonAsync("/api/runs", request);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 3600);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Try again in", (string?)(await limited.Content.ReadFromJsonAsync<JsonObject>())!["detail"]);
        Assert.Equal(3, await StateFingerprint.RunsAsync(_factory.Services, RunStatus.Queued));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/runs")).StatusCode);
    }

    public void Dispose()
    {
        _factory.Dispose();
        _data.Dispose();
    }
}

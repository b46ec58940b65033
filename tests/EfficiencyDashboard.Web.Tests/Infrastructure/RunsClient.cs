using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EfficiencyDashboard.Web.Tests.Infrastructure;

/// <summary>Talks to the runs API the way a script would.</summary>
public static class RunsClient
{
    public static async Task<long> StartRunAsync(this HttpClient client, object request)
    {
        var response = await client.PostAsJsonAsync("/api/runs", request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("queued", (string?)body!["status"]);
        return (long)body["id"]!;
    }

    public static async Task<JsonObject> GetRunAsync(this HttpClient client, long id) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/runs/{id}"))!;

    /// <summary>Polls the run until <paramref name="done"/> holds; fails with the last state after the timeout.</summary>
    public static async Task<JsonObject> WaitForRunAsync(this HttpClient client, long id, Func<JsonObject, bool> done, int timeoutSeconds = 90)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        JsonObject run;
        do
        {
            run = await client.GetRunAsync(id);
            if (done(run))
            {
                return run;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"Run {id} did not reach the expected state in {timeoutSeconds} s: {run.ToJsonString(new JsonSerializerOptions { WriteIndented = true })}");
        return run;
    }

    public static Task<JsonObject> WaitForStatusAsync(this HttpClient client, long id, string status, int timeoutSeconds = 90) =>
        client.WaitForRunAsync(id, r => (string?)r["status"] == status, timeoutSeconds);

    public static async Task<int> ModelIdAsync(this HttpClient client, string key)
    {
        var models = await client.GetFromJsonAsync<JsonArray>("/api/models");
        return (int)models!.Single(m => (string?)m!["key"] == key)!["id"]!;
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace EfficiencyDashboard.Web.Tests.Variants;

/// <summary>Requests variants and waits for their jobs the way a script would.</summary>
public static class VariantClient
{
    public static async Task<JsonObject> MakeVariantAsync(this HttpClient client, int parentId, object request, int timeoutSeconds = 180)
    {
        var response = await client.PostAsJsonAsync($"/api/models/{parentId}/variants", request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (DateTime.UtcNow < deadline)
        {
            job = (await client.GetFromJsonAsync<JsonObject>($"/api/models/variants/jobs/{job["id"]}"))!;
            if ((string?)job["status"] is "succeeded" or "failed" or "interrupted")
            {
                return job;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"Variant job {job["id"]} did not finish in {timeoutSeconds} s: {job.ToJsonString()}");
        return job;
    }
}

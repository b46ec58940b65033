using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EfficiencyDashboard.Core.Data;
using EfficiencyDashboard.Web.Errors;
using EfficiencyDashboard.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EfficiencyDashboard.Web.Tests.Access;

/// <summary>No absolute server path or stack trace reaches a user, on screen or in a stored error.</summary>
[Collection(DashboardCollection.Name)]
public sealed class UserMessagesTests(DashboardFixture app) : IClassFixture<DashboardFixture>
{
    [Fact]
    public void Paths_are_cut_to_their_file_name_and_stack_frames_removed()
    {
        var message = "ONNX Runtime could not load the model: Load model from /srv/dashboard/data/models/uploaded/abc.onnx failed: bad proto\n" +
            "   at Microsoft.ML.OnnxRuntime.InferenceSession.Init(String modelPath) in /_/csharp/src/InferenceSession.cs:line 42\n" +
            "Also C:\\data\\models\\x.onnx; 3.5 queries/s at batch 8 over 10 s.";

        var scrubbed = UserMessages.Scrub(message);

        Assert.Equal("ONNX Runtime could not load the model: Load model from abc.onnx failed: bad proto\nAlso x.onnx; 3.5 queries/s at batch 8 over 10 s.", scrubbed);
    }

    [Fact]
    public async Task A_run_whose_model_file_is_gone_fails_with_a_message_that_names_no_server_path()
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Runner.ModelBuilding.GeneratedModels.TinyMlp()), "file", "vanishing.onnx" } };
        var model = (await (await app.Client.PostAsync("/api/models", form)).Content.ReadFromJsonAsync<JsonObject>())!;
        await using (var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<EfficiencyContext>>().CreateDbContextAsync())
        {
            var stored = await db.Models.AsNoTracking().SingleAsync(m => m.Id == (int)model["id"]!);
            File.Delete(Path.Combine(app.Factory.DataDirectory, stored.FilePath));
        }

        var id = await app.Client.StartRunAsync(new { modelId = (int)model["id"]!, batchSize = 1, durationSeconds = 0.2, minQueries = 3 });
        var run = await app.Client.WaitForStatusAsync(id, "failed");

        var error = (string?)run["error"];
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.DoesNotContain(app.Factory.DataDirectory, error);
        Assert.DoesNotContain("/tmp/", error);
        Assert.DoesNotContain("   at ", error);
    }
}

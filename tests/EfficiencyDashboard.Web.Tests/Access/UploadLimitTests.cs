using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EfficiencyDashboard.Web.Tests.Infrastructure;

namespace EfficiencyDashboard.Web.Tests.Access;

/// <summary>The upload is cut at its limit while it streams, its text fields are capped, and a refused upload leaves no file.</summary>
[Collection(DashboardCollection.Name)]
public sealed class UploadLimitTests(UploadLimitTests.SmallLimits app) : IClassFixture<UploadLimitTests.SmallLimits>
{
    public sealed class SmallLimits : IDisposable
    {
        private readonly TemporaryDataDirectory _data = new();

        public SmallLimits()
        {
            Factory = new DashboardFactory(_data.Path, new Dictionary<string, string?>
            {
                ["Catalog:MaxUploadBytes"] = (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Limits:MaxFormFieldBytes"] = "1024",
            });
            Client = Factory.CreateClient();
        }

        public DashboardFactory Factory { get; }

        public HttpClient Client { get; }

        public void Dispose()
        {
            Client.Dispose();
            Factory.Dispose();
            _data.Dispose();
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_oversized_upload_is_refused_with_413_and_leaves_no_file(bool announcesItsLength)
    {
        var filesBefore = StoredFiles();
        var catalogBefore = (await app.Client.GetFromJsonAsync<JsonArray>("/api/models"))!.Count;
        var tooLarge = new byte[3 * 1024 * 1024];
        Random.Shared.NextBytes(tooLarge);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(tooLarge), "file", "big.onnx" } };
        // Without a length the server cannot refuse up front: it must stop reading at the limit.
        HttpContent body = announcesItsLength ? form : new StreamContent(await form.ReadAsStreamAsync());
        if (!announcesItsLength)
        {
            body.Headers.ContentType = form.Headers.ContentType;
        }

        var response = await app.Client.PostAsync("/api/models", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("upload limit of 1 MiB", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]);
        Assert.Equal(filesBefore, StoredFiles());
        Assert.Equal(catalogBefore, (await app.Client.GetFromJsonAsync<JsonArray>("/api/models"))!.Count);
    }

    [Fact]
    public async Task A_text_field_longer_than_the_cap_is_refused_and_leaves_no_file()
    {
        var filesBefore = StoredFiles();
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Runner.ModelBuilding.GeneratedModels.TinyMlp()), "file", "tiny.onnx" },
            { new StringContent(new string('x', 5000)), "inputShapes" },
        };

        var response = await app.Client.PostAsync("/api/models", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Limits:MaxFormFieldBytes", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["inputShapes"]![0]);
        Assert.Equal(filesBefore, StoredFiles());
    }

    [Fact]
    public async Task Input_shapes_past_the_element_cap_are_refused_before_the_model_is_analysed()
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Runner.ModelBuilding.GeneratedModels.TinyMlp()), "file", "tiny.onnx" },
            { new StringContent("""{"input": [1, 2147483647, 2147483647]}"""), "inputShapes" },
        };

        var response = await app.Client.PostAsync("/api/models", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("elements", (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["inputShapes"]![0]);
    }

    /// <summary>Every file in the data directory but the databases: staged parts and stored models alike.</summary>
    private string[] StoredFiles() =>
        [.. Directory.GetFiles(app.Factory.DataDirectory, "*", SearchOption.AllDirectories).Where(f => !f.Contains(".db", StringComparison.Ordinal)).Order()];
}

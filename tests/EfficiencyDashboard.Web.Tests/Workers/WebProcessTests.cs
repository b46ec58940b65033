using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using EfficiencyDashboard.Runner.ModelBuilding;
using EfficiencyDashboard.Web.Hosting;
using EfficiencyDashboard.Web.Tests.Infrastructure;

namespace EfficiencyDashboard.Web.Tests.Workers;

/// <summary>
/// The app as <c>dotnet run</c> starts it, in a process of its own (this test host may have loaded ONNX Runtime for
/// other tests): it starts its worker with no extra step, and only the worker loads ONNX Runtime.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class WebProcessTests : IAsyncLifetime
{
    private readonly TemporaryDataDirectory _data = new();
    private readonly Queue<string> _output = new();
    private Process _web = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var port = FreePort();
        // Sign-in is on: an engineer and their token, made with the README's verbs before the app first starts.
        string[] storage = [$"--Storage:DataDirectory={_data.Path}"];
        using var verbs = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await SameBuild.RunToEndAsync(["users", "add", "process-engineer", "--role", "engineer", .. storage], verbs.Token);
        var token = (await SameBuild.RunToEndAsync(["tokens", "create", "--user", "process-engineer", "--scope", "engineer", .. storage], verbs.Token)).Trim();
        _web = new Process
        {
            StartInfo = SameBuild.StartInfo([
                $"--Urls=http://127.0.0.1:{port}", .. storage,
                "--Catalog:BuiltInModels:0=mobilenetv2-1.0-generated", "--Runner:Providers:0=cpu",
            ]),
        };
        _web.OutputDataReceived += (_, e) => Keep(e.Data);
        _web.ErrorDataReceived += (_, e) => Keep(e.Data);
        _web.Start();
        _web.BeginOutputReadLine();
        _web.BeginErrorReadLine();
        _client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        _client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        try
        {
            await WaitAsync(async () => (await _client.GetStringAsync("/healthz/ready")).Contains("\"status\":\"Healthy\"")
                && (await _client.GetFromJsonAsync<JsonArray>("/api/models"))!.Count == 1, "the app served with its worker and its catalog");
        }
        catch
        {
            // xUnit does not dispose a class whose start failed: the app and its worker would outlive the test run.
            _web.Kill(entireProcessTree: true);
            throw;
        }
    }

    [Fact]
    public async Task The_web_process_never_loads_onnx_runtime_while_its_worker_measures_and_analyses()
    {
        var modelId = await _client.ModelIdAsync("mobilenetv2-1.0-generated");
        var runId = await _client.StartRunAsync(new { modelId, batchSize = 1, durationSeconds = 0.3, minQueries = 3, warmupQueries = 1 });
        await _client.WaitForStatusAsync(runId, "succeeded");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(GeneratedModels.TinyMlp()), "file", "tiny.onnx" } };
        var upload = await _client.PostAsync("/api/models", form);
        var workerId = WorkerOf(_web.Id);

        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        Assert.NotNull(workerId);
        Assert.DoesNotContain("libonnxruntime", await File.ReadAllTextAsync($"/proc/{_web.Id}/maps"));
        // The same check sees the library where it is loaded.
        Assert.Contains("libonnxruntime.so", await File.ReadAllTextAsync($"/proc/{workerId}/maps"));
    }

    /// <summary>The child process started with the worker verb.</summary>
    private static int? WorkerOf(int parentId)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var parent = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
                if (parent == parentId && File.ReadAllText(Path.Combine(directory, "cmdline")).Split('\0').Contains("worker"))
                {
                    return pid;
                }
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
        }

        return null;
    }

    private async Task WaitAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline && !_web.HasExited)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        lock (_output)
        {
            Assert.Fail($"Not within 3 minutes: {what}. Its last output:\n{string.Join('\n', _output)}");
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            if (_output.Count > 40)
            {
                _output.Dequeue();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        if (!_web.HasExited)
        {
            Signals.Send(_web.Id, Signals.SigTerm);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(40));
            try
            {
                await _web.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _web.Kill(entireProcessTree: true);
            }
        }

        _web.Dispose();
        _data.Dispose();
    }
}

using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Reflection;
using System.Text.Json.Nodes;
using EfficiencyDashboard.Web.Hosting;

namespace EfficiencyDashboard.Web.Benchmarks;

/// <summary>
/// This build started as the web app in a child process (as <c>dotnet run --project src/EfficiencyDashboard.Web</c>
/// starts it), on its own data directory and port; killed and its data directory deleted when disposed.
/// </summary>
internal sealed class AppProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _dataDirectory;

    private AppProcess(Process process, string dataDirectory, Uri address, string token)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        Address = address;
        Token = token;
    }

    public Uri Address { get; }

    /// <summary>An API token of the engineer and analyst the benchmark acts as (sign-in is on, as in production; the visitors also download exports).</summary>
    public string Token { get; }

    public int ProcessId => _process.Id;

    /// <summary>Starts the app building only <paramref name="builtInModels"/>, and waits until it answers.</summary>
    public static async Task<AppProcess> StartAsync(IReadOnlyList<string> builtInModels, TextWriter log, CancellationToken cancellationToken)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("efficiency-contention-").FullName;
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = StartInfo();
        start.Environment["Storage__DataDirectory"] = dataDirectory;
        start.Environment["Urls"] = address.ToString().TrimEnd('/');
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        for (var i = 0; i < builtInModels.Count; i++)
        {
            start.Environment[$"Catalog__BuiltInModels__{i}"] = builtInModels[i];
        }

        // An engineer and a token, made with the app's own verbs on the same data directory before the app starts.
        var storage = $"--Storage:DataDirectory={dataDirectory}";
        await SameBuild.RunToEndAsync(["users", "add", "benchmark", "--role", "engineer,analyst", storage], cancellationToken);
        var token = (await SameBuild.RunToEndAsync(["tokens", "create", "--user", "benchmark", "--scope", "engineer,analyst", storage], cancellationToken)).Trim();

        var process = Process.Start(start) ?? throw new InvalidOperationException("The app could not be started.");
        // Drained so a chatty child never blocks on a full pipe; its output is not part of the figures.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) { log.WriteLine($"  app: {line}"); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess(process, dataDirectory, address, token);
        try
        {
            await app.WaitUntilAnsweringAsync(cancellationToken);
            return app;
        }
        catch
        {
            app.Dispose();
            throw;
        }
    }

    /// <summary>A client of the app that signs in with <see cref="Token"/>.</summary>
    public HttpClient CreateClient(int maxConnections = 2) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = maxConnections })
        {
            BaseAddress = Address,
            Timeout = TimeSpan.FromMinutes(2),
            DefaultRequestHeaders = { Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token) },
        };

    /// <summary>The catalog id of the built-in model <paramref name="key"/>, once the catalog has built it.</summary>
    public async Task<int> WaitForModelAsync(HttpClient client, string key, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (DateTime.UtcNow < deadline)
        {
            var models = await client.GetFromJsonAsync<JsonArray>(new Uri(Address, "/api/models"), cancellationToken);
            if (models?.FirstOrDefault(m => (string?)m!["key"] == key) is { } model)
            {
                return (int)model["id"]!;
            }

            await Task.Delay(1000, cancellationToken);
        }

        throw new TimeoutException($"The catalog did not build '{key}' within 10 minutes.");
    }

    /// <summary>
    /// Waits until the app has used under 2% of a core for two seconds in a row (its start-up and catalog work done),
    /// so the quiet run is quiet; returns its CPU use over the last two seconds, in cores.
    /// </summary>
    public async Task<double> WaitUntilIdleAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        double cores;
        do
        {
            var before = CpuSeconds();
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            cores = (CpuSeconds() - before) / 2;
        }
        while (cores >= 0.02 && DateTime.UtcNow < deadline);
        return cores;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private async Task WaitUntilAnsweringAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} before it answered.");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(Address, "/healthz/ready"), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Starting up too slowly to answer within the client timeout.
            }

            await Task.Delay(500, cancellationToken);
        }

        throw new TimeoutException("The app did not answer /healthz/ready within 3 minutes.");
    }

    /// <summary>The same build, with no command: the apphost when this process is one, else <c>dotnet</c> and the assembly.</summary>
    private static ProcessStartInfo StartInfo()
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var assembly = Assembly.GetEntryAssembly()?.Location ?? throw new InvalidOperationException("The entry assembly has no file.");
        var start = Path.GetFileNameWithoutExtension(host) == "dotnet" ? new ProcessStartInfo(host, [assembly]) : new ProcessStartInfo(host);
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        return start;
    }

    /// <summary>The app's user and system CPU time (fields 14 and 15 of /proc/pid/stat, in 10 ms ticks).</summary>
    private double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)) / 100.0;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

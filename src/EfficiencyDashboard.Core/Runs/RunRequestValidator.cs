using EfficiencyDashboard.Core.Catalog;

namespace EfficiencyDashboard.Core.Runs;

/// <summary>Checks a run request against the catalog and turns it into a queued run, or says what is wrong.</summary>
public static class RunRequestValidator
{
    public const int MaxBatchSize = 4096;
    public const double MaxDurationSeconds = 24 * 3600;
    public const int MaxQueries = 10_000_000;
    // The strict preset's floors, from mlperf.conf in github.com/mlcommons/inference (see ValiditySettings.Strict).
    public const double StrictDurationSeconds = 600;
    public const int StrictQueriesSingleStream = 1_024;
    public const int StrictQueriesServer = 270_336;
    public const int StrictSamplesOffline = 24_576;

    /// <summary>Validates <paramref name="request"/>; returns the run to queue, or errors keyed by field name.</summary>
    public static (Run? Run, Dictionary<string, string[]> Errors) Validate(RunRequest request, Model? model, RunDefaults defaults)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field, []), message];

        if (model is null)
        {
            Fail("modelId", $"There is no model with id {request.ModelId} in the catalog.");
        }

        var provider = ParseProvider(request.ExecutionProvider);
        if (provider is null)
        {
            Fail("executionProvider", $"Unknown execution provider '{request.ExecutionProvider}': use cpu, cuda or tensorrt.");
        }

        var scenario = ScenarioExtensions.Parse(request.Scenario);
        if (scenario is null)
        {
            Fail("scenario", $"Unknown scenario '{request.Scenario}': use single-stream, offline or server.");
        }

        if (scenario == Scenario.Offline && request.TargetQps is { } expected && !(expected > 0 && expected <= 100_000_000))
        {
            Fail("targetQps", "The offline scenario's expected rate, when given, must be between 0 and 100,000,000 samples per second.");
        }

        if (scenario == Scenario.Server)
        {
            if (request.TargetQps is not (> 0 and <= 1_000_000))
            {
                Fail("targetQps", "The server scenario needs a target rate between 0 and 1,000,000 queries per second.");
            }

            if (request.LatencyBoundMs is not (> 0 and <= 3_600_000))
            {
                Fail("latencyBoundMs", "The server scenario needs a p99 latency bound in milliseconds.");
            }
        }

        var strict = request.Preset?.Trim().ToLowerInvariant() switch
        {
            null or "" or "default" => false,
            "strict" => true,
            _ => (bool?)null,
        };
        if (strict is null)
        {
            Fail("preset", $"Unknown preset '{request.Preset}': use default or strict.");
        }

        if (request.BatchSize is < 1 or > MaxBatchSize)
        {
            Fail("batchSize", $"Batch size must be between 1 and {MaxBatchSize}.");
        }
        else if (model?.FixedBatchSize is { } fixedBatch && fixedBatch != request.BatchSize)
        {
            Fail("batchSize", $"This model's graph fixes the batch size at {fixedBatch}.");
        }

        // The strict preset's floors are MLPerf's: 600 s, and its scenario's query count (Offline: samples).
        var duration = request.DurationSeconds ?? (strict == true ? StrictDurationSeconds : defaults.DurationSeconds);
        if (!double.IsFinite(duration) || duration is < 0 or > MaxDurationSeconds)
        {
            Fail("durationSeconds", $"Duration must be between 0 and {MaxDurationSeconds} seconds.");
        }

        var minQueries = request.MinQueries ?? (strict == true ? StrictMinimumFor(scenario ?? Scenario.SingleStream) : defaults.MinQueries);
        if (minQueries is < 1 or > MaxQueries)
        {
            Fail("minQueries", $"Minimum query count must be between 1 and {MaxQueries}.");
        }

        var warmup = request.WarmupQueries ?? defaults.WarmupQueries;
        if (warmup is < 0 or > 100_000)
        {
            Fail("warmupQueries", "Warm-up must be between 0 and 100000 queries.");
        }

        // The model's defaults (e.g. 128 tokens) fill in the dynamic dimensions the request leaves out.
        var shapes = new Dictionary<string, int[]>(model?.DefaultInputShapes ?? []);
        foreach (var (name, shape) in request.InputShapes ?? [])
        {
            shapes[name] = shape;
        }

        if (model is not null)
        {
            foreach (var (field, message) in InputShapeErrors(model, shapes))
            {
                Fail(field, message);
            }

            foreach (var input in model.Inputs.Where(_ => !errors.ContainsKey("inputShapes") && request.BatchSize is >= 1 and <= MaxBatchSize))
            {
                var dimensions = shapes.TryGetValue(input.Name, out var shape) ? shape : [.. input.Dimensions];
                if (InputShapeLimits.Problem(input.Name, dimensions, request.BatchSize) is { } tooLarge)
                {
                    Fail("inputShapes", tooLarge);
                }
            }
        }

        if (errors.Count > 0 || model is null || provider is null || scenario is null)
        {
            return (null, errors);
        }

        var run = new Run
        {
            ModelId = model.Id,
            ExecutionProvider = provider.Value,
            Scenario = scenario.Value,
            TargetQps = scenario is Scenario.Server or Scenario.Offline ? request.TargetQps : null,
            LatencyBoundMs = scenario == Scenario.Server ? request.LatencyBoundMs : null,
            StrictValidity = strict == true,
            BatchSize = request.BatchSize,
            DurationSeconds = duration,
            MinQueries = minQueries,
            WarmupQueries = warmup,
            AllowCpuFallback = request.AllowCpuFallback ?? false,
            InputShapes = shapes,
            Device = DeviceFor(provider.Value),
            Status = RunStatus.Queued,
        };
        return (run, errors);
    }

    /// <summary>The strict preset's minimum for <paramref name="scenario"/>: queries, or samples for Offline (LoadGen's min_query_count).</summary>
    public static int StrictMinimumFor(Scenario scenario) => scenario switch
    {
        Scenario.Server => StrictQueriesServer,
        Scenario.Offline => StrictSamplesOffline,
        _ => StrictQueriesSingleStream,
    };

    /// <summary>The device queue of a provider: the CPU, or the first GPU.</summary>
    public static string DeviceFor(ExecutionProvider provider) => provider == ExecutionProvider.Cpu ? "cpu" : "gpu0";

    public static ExecutionProvider? ParseProvider(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "cpu" => ExecutionProvider.Cpu,
        "cuda" => ExecutionProvider.Cuda,
        "tensorrt" => ExecutionProvider.TensorRt,
        _ => null,
    };

    private static IEnumerable<(string Field, string Message)> InputShapeErrors(Model model, Dictionary<string, int[]> shapes)
    {
        foreach (var name in shapes.Keys.Where(n => model.Inputs.All(i => i.Name != n)))
        {
            yield return ("inputShapes", $"The model has no input named '{name}'.");
        }

        foreach (var input in model.Inputs)
        {
            var dynamicBeyondBatch = input.Dimensions.Skip(1).Any(d => d < 0);
            if (!shapes.TryGetValue(input.Name, out var shape))
            {
                if (dynamicBeyondBatch)
                {
                    yield return ("inputShapes", $"Input '{input.Name}' ({input}) has dynamic dimensions: give its full shape in inputShapes.");
                }

                continue;
            }

            if (shape.Length != input.Dimensions.Length)
            {
                yield return ("inputShapes", $"Input '{input.Name}' has {input.Dimensions.Length} dimensions, not {shape.Length}.");
                continue;
            }

            for (var i = 1; i < shape.Length; i++)
            {
                if (shape[i] < 1 || (input.Dimensions[i] >= 0 && input.Dimensions[i] != shape[i]))
                {
                    yield return ("inputShapes", $"Input '{input.Name}' dimension {i} must be {(input.Dimensions[i] >= 0 ? input.Dimensions[i] : "a positive number")}, not {shape[i]}.");
                }
            }
        }
    }
}

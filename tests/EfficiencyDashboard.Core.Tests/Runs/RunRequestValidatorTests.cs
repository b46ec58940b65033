using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Core.Tests.Runs;

public sealed class RunRequestValidatorTests
{
    private static readonly RunDefaults Defaults = new() { DurationSeconds = 10, MinQueries = 64, WarmupQueries = 10 };

    private static Model ImageModel(int batch = -1) => new()
    {
        Id = 7,
        Name = "m",
        Task = "image classification",
        Provenance = "test",
        FilePath = "m.onnx",
        Inputs = [new TensorSignature("input", "float32", [batch, 3, 224, 224], [batch < 0 ? "batch" : "", "", "", ""])],
    };

    private static Model TextModel() => new()
    {
        Id = 8,
        Name = "t",
        Task = "text embedding",
        Provenance = "test",
        FilePath = "t.onnx",
        Inputs = [new TensorSignature("input_ids", "int64", [-1, -1], ["batch", "sequence"])],
    };

    [Fact]
    public void A_valid_request_becomes_a_queued_run_with_defaults_filled_in()
    {
        var (run, errors) = RunRequestValidator.Validate(new RunRequest(7, "cuda", BatchSize: 8, AllowCpuFallback: true), ImageModel(), Defaults);

        Assert.Empty(errors);
        Assert.NotNull(run);
        Assert.Equal(RunStatus.Queued, run.Status);
        Assert.Equal(ExecutionProvider.Cuda, run.ExecutionProvider);
        Assert.Equal("gpu0", run.Device);
        Assert.Equal(8, run.BatchSize);
        Assert.Equal(10, run.DurationSeconds);
        Assert.Equal(64, run.MinQueries);
        Assert.Equal(10, run.WarmupQueries);
        Assert.True(run.AllowCpuFallback);
    }

    [Theory]
    [InlineData(0, "batchSize")]
    [InlineData(5000, "batchSize")]
    public void Out_of_range_batch_sizes_are_refused(int batch, string field)
    {
        var (run, errors) = RunRequestValidator.Validate(new RunRequest(7, BatchSize: batch), ImageModel(), Defaults);

        Assert.Null(run);
        Assert.Contains(field, errors.Keys);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var request = new RunRequest(7, "quantum", BatchSize: 0, Scenario: "batch-mode", DurationSeconds: -1, MinQueries: 0, WarmupQueries: -1);

        var (run, errors) = RunRequestValidator.Validate(request, ImageModel(), Defaults);

        Assert.Null(run);
        Assert.Equal(
            ["batchSize", "durationSeconds", "executionProvider", "minQueries", "scenario", "warmupQueries"],
            errors.Keys.Order().ToArray());
    }

    [Fact]
    public void The_server_scenario_needs_a_rate_and_a_bound()
    {
        var (missing, errors) = RunRequestValidator.Validate(new RunRequest(7, Scenario: "server"), ImageModel(), Defaults);
        var (server, _) = RunRequestValidator.Validate(new RunRequest(7, Scenario: "server", TargetQps: 50, LatencyBoundMs: 20), ImageModel(), Defaults);

        Assert.Null(missing);
        Assert.Equal(["latencyBoundMs", "targetQps"], errors.Keys.Order().ToArray());
        Assert.Equal(Scenario.Server, server!.Scenario);
        Assert.Equal(50, server.TargetQps);
        Assert.Equal(20, server.LatencyBoundMs);
    }

    [Theory]
    [InlineData("single-stream", 1_024)]
    [InlineData("offline", 24_576)]
    [InlineData("server", 270_336)]
    public void The_strict_preset_uses_mlperf_floors_for_the_reported_percentile(string scenario, int queries)
    {
        var request = new RunRequest(7, Scenario: scenario, Preset: "strict", TargetQps: 10, LatencyBoundMs: 100);

        var (run, _) = RunRequestValidator.Validate(request, ImageModel(), Defaults);

        Assert.True(run!.StrictValidity);
        Assert.Equal(600, run.DurationSeconds);
        Assert.Equal(queries, run.MinQueries);
    }

    [Fact]
    public void An_unknown_model_is_refused()
    {
        var (run, errors) = RunRequestValidator.Validate(new RunRequest(99), null, Defaults);

        Assert.Null(run);
        Assert.Contains("no model with id 99", errors["modelId"][0]);
    }

    [Fact]
    public void A_model_with_a_fixed_batch_refuses_another_batch_size()
    {
        var (run, errors) = RunRequestValidator.Validate(new RunRequest(7, BatchSize: 8), ImageModel(batch: 1), Defaults);

        Assert.Null(run);
        Assert.Contains("fixes the batch size at 1", errors["batchSize"][0]);
    }

    [Fact]
    public void Dynamic_dimensions_beyond_the_batch_need_a_shape()
    {
        var (missing, errors) = RunRequestValidator.Validate(new RunRequest(8), TextModel(), Defaults);
        var (given, none) = RunRequestValidator.Validate(
            new RunRequest(8, InputShapes: new() { ["input_ids"] = [1, 128] }), TextModel(), Defaults);

        Assert.Null(missing);
        Assert.Contains("dynamic dimensions", errors["inputShapes"][0]);
        Assert.NotNull(given);
        Assert.Empty(none);
    }

    [Fact]
    public void A_model_default_shape_fills_in_what_the_request_leaves_out()
    {
        var model = TextModel();
        model.DefaultInputShapes = new() { ["input_ids"] = [1, 128] };

        var (defaulted, _) = RunRequestValidator.Validate(new RunRequest(8), model, Defaults);
        var (overridden, _) = RunRequestValidator.Validate(new RunRequest(8, InputShapes: new() { ["input_ids"] = [1, 32] }), model, Defaults);

        Assert.Equal([1, 128], defaulted!.InputShapes["input_ids"]);
        Assert.Equal([1, 32], overridden!.InputShapes["input_ids"]);
    }

    [Fact]
    public void Shapes_must_match_the_fixed_dimensions()
    {
        var request = new RunRequest(7, InputShapes: new() { ["input"] = [1, 3, 299, 299], ["pixels"] = [1] });

        var (run, errors) = RunRequestValidator.Validate(request, ImageModel(), Defaults);

        Assert.Null(run);
        Assert.Contains(errors["inputShapes"], e => e.Contains("no input named 'pixels'"));
        Assert.Contains(errors["inputShapes"], e => e.Contains("dimension 2 must be 224"));
    }
}

using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Runner.Analysis;
using EfficiencyDashboard.Runner.Execution;
using EfficiencyDashboard.Runner.ModelBuilding;

namespace EfficiencyDashboard.Runner.Tests.Analysis;

/// <summary>The analyzer on small generated models, which build and run in milliseconds.</summary>
public sealed class ModelAnalyzerTests
{
    private static readonly TransformerConfig SmallEncoder =
        new(2, 64, 4, 128, VocabularySize: 1000, MaxPositions: 64, SequenceLength: 16);

    private static readonly Dictionary<string, int[]> SixteenTokens = new()
    {
        ["input_ids"] = [1, 16],
        ["attention_mask"] = [1, 16],
        ["token_type_ids"] = [1, 16],
    };

    [Fact]
    public void Reads_opset_ir_version_producer_and_operator_histogram_of_a_generated_model()
    {
        var analysis = ModelAnalyzer.Analyze(GeneratedModels.TinyMlp());

        Assert.Equal(17, analysis.Opset);
        Assert.Equal(8, analysis.IrVersion);
        Assert.Empty(analysis.OtherDomains);
        Assert.Equal("EfficiencyDashboard", analysis.Producer);
        Assert.Equal(
            new Dictionary<string, int> { ["Add"] = 2, ["MatMul"] = 2, ["Identity"] = 1, ["Relu"] = 1 },
            analysis.OperatorCounts);
        Assert.Equal(64 * 128 + 128 + 128 * 10 + 10, analysis.ParameterCount);
        Assert.Equal(64 * 128 + 128 * 10, analysis.MacsPerSample);
        Assert.Equal(ModelFamily.Other, analysis.Family);
        Assert.Equal("unknown", analysis.Task);
    }

    [Fact]
    public void Histogram_of_an_encoder_counts_every_operator_type()
    {
        var analysis = ModelAnalyzer.Analyze(GeneratedModels.BertEncoder(SmallEncoder), 1, SixteenTokens);

        Assert.Equal(2 * 8, analysis.OperatorCounts["MatMul"]);
        Assert.Equal(2, analysis.OperatorCounts["Softmax"]);
        Assert.Equal(2, analysis.OperatorCounts["Erf"]);
        // The embedding norm and two per layer.
        Assert.Equal(1 + 2 * 2, analysis.OperatorCounts["LayerNormalization"]);
        Assert.Equal(3 + 1, analysis.OperatorCounts["Gather"]);
        Assert.Equal(ModelFamily.Transformer, analysis.Family);
        Assert.Equal("text embedding", analysis.Task);
    }

    [Fact]
    public void Signatures_keep_dynamic_dimensions_and_their_names()
    {
        var analysis = ModelAnalyzer.Analyze(GeneratedModels.BertEncoder(SmallEncoder), 1, SixteenTokens);

        var ids = Assert.Single(analysis.Inputs, i => i.Name == "input_ids");
        Assert.Equal("int64", ids.ElementType);
        Assert.Equal([-1, -1], ids.Dimensions);
        Assert.Equal(["batch", "sequence"], ids.DimensionNames);
        var hidden = Assert.Single(analysis.Outputs, o => o.Name == "last_hidden_state");
        Assert.Equal([-1, -1, 64], hidden.Dimensions);
        Assert.Equal([1, 16], analysis.ProbeShapes["input_ids"]);
    }

    [Fact]
    public void Per_sample_figures_do_not_depend_on_the_batch_size()
    {
        var model = GeneratedModels.BertEncoder(SmallEncoder);

        var one = ModelAnalyzer.Analyze(model, 1, SixteenTokens);
        var three = ModelAnalyzer.Analyze(model, 3, SixteenTokens);

        Assert.Equal(3, three.BatchSize);
        Assert.Equal([3, 16], three.ProbeShapes["input_ids"]);
        Assert.Equal(one.MacsPerSample, three.MacsPerSample);
    }

    [Fact]
    public void Unresolvable_dynamic_dimension_names_the_input_and_dimension()
    {
        var model = GeneratedModels.BertEncoder(SmallEncoder);

        var error = Assert.Throws<DynamicDimensionException>(() => ModelAnalyzer.Analyze(model));

        Assert.Equal("input_ids", error.InputName);
        Assert.Equal(1, error.DimensionIndex);
        Assert.Equal("sequence", error.DimensionName);
        Assert.Contains("'input_ids'", error.Message);
        Assert.Contains("'sequence'", error.Message);
        Assert.Contains("inputShapes", error.Message);
    }

    [Fact]
    public void Bytes_that_are_not_a_model_give_a_runner_error() =>
        Assert.Throws<RunnerException>(() => ModelAnalyzer.Analyze([0xff, 0xff, 0xff, 0x07, 0x01]));
}

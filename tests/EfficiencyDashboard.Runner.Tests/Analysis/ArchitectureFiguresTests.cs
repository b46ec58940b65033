using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Runner.Tests.ModelBuilding;
using Xunit.Abstractions;

namespace EfficiencyDashboard.Runner.Tests.Analysis;

/// <summary>The analyzer's parameter and MAC figures for each generated architecture against the published ones.</summary>
[Collection(GeneratedModelsCollection.Name)]
public sealed class ArchitectureFiguresTests(GeneratedModelsFixture models, ITestOutputHelper output)
{
    // Published figures: torchvision's model cards (parameters, GFLOPS which are MACs), Hugging Face
    // model cards, and the papers. All count Conv/Gemm/MatMul MACs only, at 224x224 or 128 tokens.
    // BERT/DistilBERT/MiniLM: the usual 11.2/5.6/1.43 G figures include the attention MatMuls (QK^T,
    // probabilities x V) and, for BERT and MiniLM, the pooler; embedding lookups are gathers, no MACs.
    public static TheoryData<string, double, double> PublishedFigures() => new()
    {
        { "resnet50", 25.56e6, 4.09e9 },
        { "resnet18", 11.69e6, 1.81e9 },
        { "mobilenet_v2_1.0", 3.50e6, 0.30e9 },
        { "bert_base", 109.5e6, 11.2e9 },
        { "distilbert", 66.4e6, 5.6e9 },
        { "minilm_l6", 22.7e6, 1.43e9 },
        { "vit_b16", 86.6e6, 17.6e9 },
        // torchvision's model cards: alexnet 61,100,840 parameters, 0.71 GFLOPS; vgg16 138,357,544, 15.47 GFLOPS.
        { "alexnet", 61.1e6, 0.71e9 },
        { "vgg16", 138.4e6, 15.5e9 },
    };

    [Theory]
    [MemberData(nameof(PublishedFigures))]
    public void Parameters_and_macs_per_sample_are_within_two_percent_of_published(string name, double parameters, double macs)
    {
        var analysis = models.Analysis(name);
        output.WriteLine($"{name}: {analysis.ParameterCount / 1e6:F3} M parameters (published {parameters / 1e6:F2} M), "
            + $"{analysis.MacsPerSample / 1e9:F3} GMACs/sample (published {macs / 1e9:F2} G), built in {models.BuildTime(name).TotalSeconds:F1} s");

        Assert.InRange(analysis.ParameterCount, parameters * 0.98, parameters * 1.02);
        Assert.InRange(analysis.MacsPerSample, macs * 0.98, macs * 1.02);
        Assert.Equal(2 * analysis.MacsPerSample, analysis.FlopsPerSample);
    }

    [Theory]
    [InlineData("resnet18", ModelFamily.ResNet, "image classification")]
    [InlineData("resnet50", ModelFamily.ResNet, "image classification")]
    [InlineData("mobilenet_v2_1.0", ModelFamily.MobileNet, "image classification")]
    [InlineData("vit_b16", ModelFamily.Transformer, "image classification")]
    [InlineData("bert_base", ModelFamily.Transformer, "text embedding")]
    [InlineData("distilbert", ModelFamily.Transformer, "text embedding")]
    [InlineData("alexnet", ModelFamily.ConvNet, "image classification")]
    [InlineData("vgg16", ModelFamily.ConvNet, "image classification")]
    [InlineData("lstm_elmo", ModelFamily.Recurrent, "text embedding")]
    public void Guesses_family_and_task(string name, ModelFamily family, string task)
    {
        var analysis = models.Analysis(name);

        Assert.Equal(family, analysis.Family);
        Assert.Equal(task, analysis.Task);
    }

    [Fact]
    public void The_lstm_encoder_has_elmos_published_size_and_its_recurrent_macs_are_counted()
    {
        var analysis = models.Analysis("lstm_elmo");
        output.WriteLine($"lstm_elmo: {analysis.ParameterCount / 1e6:F3} M parameters (ELMo, DistilBERT paper Table 3: 180 M), "
            + $"{analysis.MacsPerSample / 1e9:F3} GMACs/sample at 128 tokens, built in {models.BuildTime("lstm_elmo").TotalSeconds:F1} s");

        Assert.InRange(analysis.ParameterCount, 180e6 * 0.98, 180e6 * 1.02);
        // Per token and direction: 4 gates x 2048 cells x (input + 2048); the first layer reads 960-wide embeddings,
        // the second both directions of the first (4096).
        const long tokens = 128, hidden = 2048;
        var lstm = Assert.Single(analysis.MacsByOperator, m => m.OperatorType == "LSTM");
        Assert.Equal(tokens * 2 * 4 * hidden * ((960 + hidden) + (2 * hidden + hidden)), lstm.MacsPerSample);
        Assert.Equal(2, lstm.Nodes);
    }

    [Fact]
    public void Bert_counts_attention_matmuls_in_the_matmul_breakdown()
    {
        var analysis = models.Analysis("bert_base");
        const long tokens = 128, hidden = 768;
        // Per layer: 4 projections and the 2 MLP MatMuls, plus QK^T and probabilities x V over all heads.
        const long perLayer = (4 * hidden * hidden + 2 * hidden * 3072) * tokens + 2 * tokens * tokens * hidden;

        var matMul = Assert.Single(analysis.MacsByOperator, m => m.OperatorType == "MatMul");
        Assert.Equal("float32", matMul.Precision);
        Assert.Equal(12 * 8, matMul.Nodes);
        Assert.Equal(12 * perLayer, matMul.MacsPerSample);
        var pooler = Assert.Single(analysis.MacsByOperator, m => m.OperatorType == "Gemm");
        Assert.Equal(hidden * hidden, pooler.MacsPerSample);
    }

    [Fact]
    public void Mobilenet_depthwise_convs_cost_one_kernel_window_per_output()
    {
        var resnet = models.Analysis("resnet18");
        var mobilenet = models.Analysis("mobilenet_v2_1.0");

        // MobileNetV2's convs, depthwise included, are about a sixth of ResNet-18's.
        Assert.InRange((double)mobilenet.MacsPerSample / resnet.MacsPerSample, 0.15, 0.18);
    }
}

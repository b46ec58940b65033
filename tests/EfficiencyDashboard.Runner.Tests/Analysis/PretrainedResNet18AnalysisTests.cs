using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Runner.Analysis;

namespace EfficiencyDashboard.Runner.Tests.Analysis;

/// <summary>
/// The analyzer on a model it did not build: CNTK's ResNet-18 featurizer from the ML.NET package,
/// which NuGet restore always places in the package cache.
/// </summary>
public sealed class PretrainedResNet18AnalysisTests
{
    private static readonly Lazy<ModelAnalysis> Analysis = new(() => ModelAnalyzer.Analyze(File.ReadAllBytes(ModelPath())));

    [Fact]
    public void Reads_opset_producer_and_operator_histogram()
    {
        var analysis = Analysis.Value;

        Assert.Equal(8, analysis.Opset);
        Assert.Equal(3, analysis.IrVersion);
        Assert.Equal("CNTK 2.6", analysis.Producer);
        Assert.Equal(22, analysis.OperatorCounts["Conv"]);
        Assert.Equal(22, analysis.OperatorCounts["BatchNormalization"]);
        // CNTK's wider ResNet-18 variant, as the catalog's provenance note says.
        Assert.Equal(15_897_152, analysis.ParameterCount);
        Assert.Equal([1, 512, 1, 1], Assert.Single(analysis.Outputs).Dimensions);
    }

    [Fact]
    public void A_model_that_fixes_its_batch_is_probed_at_that_batch_with_a_note()
    {
        var analysis = ModelAnalyzer.Analyze(File.ReadAllBytes(ModelPath()), batchSize: 4);

        Assert.Equal(1, analysis.BatchSize);
        Assert.Equal(Analysis.Value.MacsPerSample, analysis.MacsPerSample);
        Assert.Contains(analysis.Notes, note => note.Contains("fixes its batch at 1"));
    }

    [Fact]
    public void Guesses_a_resnet_producing_image_features()
    {
        Assert.Equal(ModelFamily.ResNet, Analysis.Value.Family);
        Assert.Equal("image features", Analysis.Value.Task);
    }

    private static string ModelPath()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return Path.Combine(packages, "microsoft.ml.dnnimagefeaturizer.resnet18", "0.23.1", "tools", "DnnImageModels", "ResNet18Onnx", "ResNet18.onnx");
    }
}

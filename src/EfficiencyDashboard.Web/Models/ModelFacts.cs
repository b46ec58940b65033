using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Runner.Analysis;

namespace EfficiencyDashboard.Web.Models;

/// <summary>What the analysis of a model file found that the catalog keeps; it crosses from a sandbox process as JSON.</summary>
public sealed record ModelFacts(
    IReadOnlyList<TensorSignature> Inputs,
    IReadOnlyList<TensorSignature> Outputs,
    long ParameterCount,
    long Opset,
    string Producer,
    long MacsPerSample,
    long FlopsPerSample,
    IReadOnlyDictionary<string, int> OperatorCounts,
    IReadOnlyList<OperatorMacs> OperatorMacs,
    ModelFamily Family,
    string Task)
{
    public static ModelFacts From(ModelAnalysis analysis) => new(
        [.. analysis.Inputs], [.. analysis.Outputs], analysis.ParameterCount, analysis.Opset, analysis.Producer, analysis.MacsPerSample,
        analysis.FlopsPerSample, new Dictionary<string, int>(analysis.OperatorCounts), [.. analysis.MacsByOperator], analysis.Family, analysis.Task);
}

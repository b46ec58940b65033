using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Runner.Analysis;

namespace EfficiencyDashboard.Web.Models;

/// <summary>Copies what the analysis found onto a catalog model.</summary>
public static class CatalogEntry
{
    /// <param name="classify">Take the guessed family and task too (uploads), unless an engineer already set them.</param>
    public static void ApplyAnalysis(Model model, ModelAnalysis analysis, long fileSizeBytes, bool classify)
    {
        model.Inputs = [.. analysis.Inputs];
        model.Outputs = [.. analysis.Outputs];
        model.ParameterCount = analysis.ParameterCount;
        model.FileSizeBytes = fileSizeBytes;
        model.Opset = analysis.Opset;
        model.Producer = string.IsNullOrWhiteSpace(analysis.Producer) ? null : analysis.Producer;
        model.MacsPerSample = analysis.MacsPerSample;
        model.FlopsPerSample = analysis.FlopsPerSample;
        model.OperatorCounts = new Dictionary<string, int>(analysis.OperatorCounts);
        model.OperatorMacs = [.. analysis.MacsByOperator];
        if (classify && !model.ClassifiedByEngineer)
        {
            model.Family = analysis.Family;
            model.Task = analysis.Task;
        }
    }
}

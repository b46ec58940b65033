namespace EfficiencyDashboard.Web.Models;

/// <summary>Copies what the analysis found onto a catalog model.</summary>
public static class CatalogEntry
{
    /// <param name="classify">Take the guessed family and task too (uploads), unless an engineer already set them.</param>
    public static void ApplyAnalysis(Core.Catalog.Model model, ModelFacts facts, long fileSizeBytes, bool classify)
    {
        model.Inputs = [.. facts.Inputs];
        model.Outputs = [.. facts.Outputs];
        model.ParameterCount = facts.ParameterCount;
        model.FileSizeBytes = fileSizeBytes;
        model.Opset = facts.Opset;
        model.Producer = string.IsNullOrWhiteSpace(facts.Producer) ? null : facts.Producer;
        model.MacsPerSample = facts.MacsPerSample;
        model.FlopsPerSample = facts.FlopsPerSample;
        model.OperatorCounts = new Dictionary<string, int>(facts.OperatorCounts);
        model.OperatorMacs = [.. facts.OperatorMacs];
        if (classify && !model.ClassifiedByEngineer)
        {
            model.Family = facts.Family;
            model.Task = facts.Task;
        }
    }
}

namespace EfficiencyDashboard.Web.Sandbox;

/// <summary>Analyse a model file (signature, parameters, MACs, family) in a sandbox process.</summary>
/// <param name="InputShapes">Values for dynamic dimensions other than the batch.</param>
public sealed record ModelAnalysisRequest(string ModelPath, Dictionary<string, int[]> InputShapes)
{
    public const string Kind = "analyze";

    /// <summary>The model has a dynamic dimension the request did not give.</summary>
    public const string DynamicDimension = "dynamic-dimension";

    /// <summary>ONNX Runtime cannot load or run the model.</summary>
    public const string NotRunnable = "not-runnable";
}

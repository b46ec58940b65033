namespace EfficiencyDashboard.Web.Components.Models;

/// <summary>The models page's address with a model selected, so a link shows that model's details.</summary>
public static class ModelAddress
{
    /// <summary>The query parameter that names the selected model, as on the downloads page.</summary>
    public const string Parameter = "modelId";

    public static string Of(int modelId) => $"/models?{Parameter}={modelId}";
}

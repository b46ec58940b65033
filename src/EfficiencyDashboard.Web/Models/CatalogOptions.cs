namespace EfficiencyDashboard.Web.Models;

/// <summary>Which built-in models this install builds (configuration section <c>Catalog</c>).</summary>
public sealed class CatalogOptions
{
    public const string SectionName = "Catalog";

    /// <summary>Keys of the built-in models to build; empty means all of them.</summary>
    public string[] BuiltInModels { get; set; } = [];

    /// <summary>The largest .onnx file an engineer may upload, in bytes.</summary>
    public long MaxUploadBytes { get; set; } = 2L * 1024 * 1024 * 1024;
}

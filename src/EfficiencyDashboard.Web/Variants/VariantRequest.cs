namespace EfficiencyDashboard.Web.Variants;

/// <summary>What an engineer asks for when deriving a variant (<c>POST /api/models/{id}/variants</c>).</summary>
/// <param name="Technique">fp16, int8-dynamic, int8-static, pruned-structured or pruned-unstructured.</param>
/// <param name="Ratio">Pruning: the fraction of channels, heads and neurons (structured) or weights (unstructured) to remove, 0 to 0.9.</param>
/// <param name="Calibration">int8-static: minmax (default) or percentile.</param>
/// <param name="Percentile">int8-static with percentile calibration: the percentile kept (default 99.99).</param>
public sealed record VariantRequest(string? Technique, double? Ratio = null, string? Calibration = null, double? Percentile = null);

using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Web.Models;

namespace EfficiencyDashboard.Web.Sandbox;

/// <summary>A variant built in a sandbox process: what the technique did, the variant's analysis and its fidelity to the parent.</summary>
public sealed record VariantBuildResult(string Description, ModelFacts Facts, FidelityReport Fidelity, long FileSizeBytes);

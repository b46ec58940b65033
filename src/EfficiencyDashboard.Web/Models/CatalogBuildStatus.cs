namespace EfficiencyDashboard.Web.Models;

/// <summary>How far building the built-in catalog has come.</summary>
/// <param name="Current">The model being built or analysed now, if any.</param>
/// <param name="Problems">Models that could not be built, with the reason.</param>
public sealed record CatalogBuildStatus(int Done, int Total, string? Current, IReadOnlyList<string> Problems)
{
    public bool IsComplete => Done == Total && Current is null;
}

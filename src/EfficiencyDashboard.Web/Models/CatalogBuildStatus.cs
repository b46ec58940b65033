namespace EfficiencyDashboard.Web.Models;

/// <summary>How far building the built-in catalog has come.</summary>
/// <param name="Current">The model being built or analysed now, if any.</param>
/// <param name="Problems">Models that could not be built, with the reason.</param>
/// <param name="Finished">True once every wanted model is in the catalog or failed with a reason.</param>
public sealed record CatalogBuildStatus(int Done, int Total, string? Current, IReadOnlyList<string> Problems, bool Finished)
{
    /// <summary>Before a worker reported anything.</summary>
    public static CatalogBuildStatus NotStarted { get; } = new(0, 0, null, [], false);

    public bool IsComplete => Finished;

    public static CatalogBuildStatus Of(Core.Catalog.CatalogBuild build) =>
        new(build.Done, build.Total, build.Current, [.. build.Problems], build.FinishedAtUtc is not null);

    public bool Equals(CatalogBuildStatus? other) =>
        other is not null && Done == other.Done && Total == other.Total && Current == other.Current && Finished == other.Finished
        && Problems.SequenceEqual(other.Problems);

    public override int GetHashCode() => HashCode.Combine(Done, Total, Current, Finished, Problems.Count);
}

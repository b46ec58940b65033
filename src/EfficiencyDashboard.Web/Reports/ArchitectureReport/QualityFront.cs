namespace EfficiencyDashboard.Web.Reports.ArchitectureReport;

/// <summary>
/// The Pareto front of efficiency against published quality: the models no other model beats on both (at least as good on
/// each, better on one). Only models with a published quality on the same metric are compared.
/// </summary>
public static class QualityFront
{
    /// <summary>The front, by increasing quality (so by decreasing efficiency).</summary>
    public static IReadOnlyList<ArchitecturePoint> Of(IEnumerable<ArchitecturePoint> points, Func<ArchitecturePoint, double?> efficiency)
    {
        var candidates = points.Where(p => p.Quality is not null && efficiency(p) is > 0).ToList();
        return [.. candidates
            .Where(p => !candidates.Any(o => o != p && Dominates(o, p, efficiency)))
            .OrderBy(p => p.Quality)];
    }

    private static bool Dominates(ArchitecturePoint a, ArchitecturePoint b, Func<ArchitecturePoint, double?> efficiency)
    {
        var (qa, qb, ea, eb) = (a.Quality!.Value, b.Quality!.Value, efficiency(a)!.Value, efficiency(b)!.Value);
        return qa >= qb && ea >= eb && (qa > qb || ea > eb);
    }
}

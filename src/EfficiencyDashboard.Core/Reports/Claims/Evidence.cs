namespace EfficiencyDashboard.Core.Reports.Claims;

/// <summary>One figure that bears on a claim: a measured gain or a reference one.</summary>
/// <param name="Factor">The gain as a factor.</param>
/// <param name="CiLow">Low end of its 95% confidence interval; null when the figure has none.</param>
/// <param name="CiHigh">High end of its 95% confidence interval; null when the figure has none.</param>
/// <param name="Provenance">Measured or Reference (Missing is not evidence).</param>
/// <param name="ProvenanceIds">Run ids, or the reference sources.</param>
/// <param name="Description">What the figure compares, in one sentence.</param>
public sealed record Evidence(double Factor, double? CiLow, double? CiHigh, ProvenanceKind Provenance, IReadOnlyList<string> ProvenanceIds, string Description)
{
    /// <summary>Low end of the interval the evidence spans: its confidence interval, or the factor alone when it has none.</summary>
    public double IntervalLow => CiLow ?? Factor;

    /// <summary>High end of the interval the evidence spans.</summary>
    public double IntervalHigh => CiHigh ?? Factor;

    /// <summary>A measured gain with its confidence interval.</summary>
    public static Evidence Measured(GainEstimate gain, IReadOnlyList<string> runIds, string description) =>
        new(gain.Factor, gain.CiLow95, gain.CiHigh95, ProvenanceKind.Measured, runIds, description);

    /// <summary>A reference figure without an interval.</summary>
    public static Evidence Reference(double factor, string source, string description) =>
        new(factor, null, null, ProvenanceKind.Reference, [source], description);
}

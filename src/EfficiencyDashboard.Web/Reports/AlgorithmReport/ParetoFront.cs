namespace EfficiencyDashboard.Web.Reports.AlgorithmReport;

/// <summary>The comparisons no other one beats on both speed-up and fidelity (cosine similarity).</summary>
public static class ParetoFront
{
    /// <summary>The front, by increasing speed-up (so by decreasing fidelity); comparisons without cosine are left out.</summary>
    public static IReadOnlyList<AlgorithmComparison> Of(IEnumerable<AlgorithmComparison> comparisons)
    {
        var front = new List<AlgorithmComparison>();
        var bestCosine = double.NegativeInfinity;
        foreach (var c in comparisons.Where(c => Cosine(c) is not null)
                     .OrderByDescending(c => c.SpeedUp.Factor).ThenByDescending(c => Cosine(c)))
        {
            if (Cosine(c)!.Value > bestCosine)
            {
                front.Add(c);
                bestCosine = Cosine(c)!.Value;
            }
        }

        front.Reverse();
        return front;
    }

    public static double? Cosine(AlgorithmComparison comparison) => comparison.Variant.Fidelity?.CosineSimilarity;
}

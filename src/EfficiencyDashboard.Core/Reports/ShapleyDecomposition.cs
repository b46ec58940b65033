namespace EfficiencyDashboard.Core.Reports;

/// <summary>
/// Splits the change from a baseline configuration to a target one into hardware, algorithm and architecture by
/// Shapley values over the 2^3 combinations, on a log scale.
/// </summary>
/// <remarks>
/// The value of a set S of factors moved to their target setting is v(S) = ln e(S) - ln e(000). A factor's Shapley
/// value is its change to v averaged over the orders in which the three factors can be moved:
/// phi_i = sum over S without i of |S|! (3 - |S| - 1)! / 3! x (v(S + i) - v(S)), that is weights 1/3, 1/6, 1/6 and 1/3
/// for |S| = 0, 1, 1, 2. The three add up to v(111) = ln(total gain), so exp(phi_i) multiply to the total gain, and
/// interactions are shared equally between the factors involved. Without interactions phi_i is each factor's own log
/// gain.
/// </remarks>
public static class ShapleyDecomposition
{
    private static readonly DecompositionFactor[] Factors = Enum.GetValues<DecompositionFactor>();

    /// <summary>Decomposes the gain; with missing cells, computes nothing unless <paramref name="fallback"/> asks.</summary>
    /// <param name="cells">At most one cell per combination; a combination not given counts as missing.</param>
    /// <param name="fallback">What to do about missing cells; <see cref="MissingCellFallback.None"/> unless asked.</param>
    public static GainDecomposition Compute(IReadOnlyList<DecompositionCell> cells, MissingCellFallback fallback = MissingCellFallback.None)
    {
        var byCombination = Validate(cells);
        var allCells = FactorCombination.All
            .Select(c => byCombination.TryGetValue(c, out var cell) ? cell : new DecompositionCell(c, null, ProvenanceKind.Missing, []))
            .ToList();
        var missing = allCells.Where(c => c.Efficiency is null).Select(c => c.Combination).ToList();
        double? total = byCombination.GetValueOrDefault(FactorCombination.Target)?.Efficiency /
            byCombination.GetValueOrDefault(FactorCombination.Baseline)?.Efficiency;

        if (missing.Count == 0)
        {
            return new GainDecomposition(true, total, Shapley(allCells), [], [], allCells, null);
        }

        var refusal = $"No figure for {string.Join(", ", missing)}; a decomposition needs all eight cells.";
        if (fallback == MissingCellFallback.None)
        {
            return new GainDecomposition(false, total, [], missing, [], allCells, refusal);
        }

        if (missing.Any(c => c.TargetCount != 2))
        {
            return new GainDecomposition(false, total, [], missing, [], allCells,
                refusal + " Only two-factor cells (110, 101, 011) can be estimated, and only when the baseline, the target and the single-factor cells are present.");
        }

        var baseline = allCells[0].Efficiency!.Value;
        var estimated = allCells.Select(cell => cell.Efficiency is not null ? cell : cell with
        {
            Efficiency = Factors.Where(cell.Combination.Has)
                .Aggregate(baseline, (e, f) => e * Efficiency(allCells, FactorCombination.Baseline.With(f)) / baseline),
        }).ToList();
        return new GainDecomposition(false, total, Shapley(estimated), missing, missing, estimated,
            $"Estimated {string.Join(", ", missing)} assuming their factors do not interact (product of the single-factor gains).");
    }

    private static List<FactorContribution> Shapley(IReadOnlyList<DecompositionCell> cells)
    {
        var logBaseline = Math.Log(Efficiency(cells, FactorCombination.Baseline));
        double Value(FactorCombination c) => Math.Log(Efficiency(cells, c)) - logBaseline;

        return Factors.Select(factor =>
        {
            var phi = FactorCombination.All
                .Where(s => !s.Has(factor))
                .Sum(s => Weight(s.TargetCount) * (Value(s.With(factor)) - Value(s)));
            return new FactorContribution(factor, phi);
        }).ToList();
    }

    // |S|! (n - |S| - 1)! / n! for n = 3 players.
    private static double Weight(int size) => size switch { 0 => 1.0 / 3, 1 => 1.0 / 6, _ => 1.0 / 3 };

    private static double Efficiency(IReadOnlyList<DecompositionCell> cells, FactorCombination combination) =>
        cells.First(c => c.Combination == combination).Efficiency!.Value;

    private static Dictionary<FactorCombination, DecompositionCell> Validate(IReadOnlyList<DecompositionCell> cells)
    {
        var byCombination = new Dictionary<FactorCombination, DecompositionCell>();
        foreach (var cell in cells)
        {
            if (!byCombination.TryAdd(cell.Combination, cell))
            {
                throw new ArgumentException($"Combination {cell.Combination} is given twice.", nameof(cells));
            }

            var isMissing = cell.Provenance == ProvenanceKind.Missing;
            if (isMissing != cell.Efficiency is null)
            {
                throw new ArgumentException($"Cell {cell.Combination}: a missing cell has no efficiency, and any other cell has one.", nameof(cells));
            }

            if (cell.Efficiency is { } e && !(e > 0 && double.IsFinite(e)))
            {
                throw new ArgumentException($"Cell {cell.Combination}: efficiency must be a positive, finite number.", nameof(cells));
            }
        }

        return byCombination;
    }
}

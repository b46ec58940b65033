using EfficiencyDashboard.Core.Reports;

namespace EfficiencyDashboard.Core.Tests.Reports;

public sealed class ShapleyDecompositionTests
{
    // Hardware 2x, algorithm 3x, architecture 1.5x, no interaction.
    private static double Multiplicative(FactorCombination c) =>
        10 * (c.Hardware ? 2 : 1) * (c.Algorithm ? 3 : 1) * (c.Architecture ? 1.5 : 1);

    private static List<DecompositionCell> Cells(Func<FactorCombination, double> efficiency, params string[] missing) =>
        FactorCombination.All
            .Select(c => missing.Contains(c.Code)
                ? DecompositionCell.Missing(c.Code)
                : DecompositionCell.Measured(c.Code, efficiency(c), $"run-{c.Code}"))
            .ToList();

    [Fact]
    public void Without_interaction_each_factor_gets_its_own_gain()
    {
        var result = ShapleyDecomposition.Compute(Cells(Multiplicative));

        Assert.True(result.IsComplete);
        Assert.Equal(9, result.TotalGain!.Value, 12);
        Assert.Equal(2, result.For(DecompositionFactor.Hardware)!.Gain, 12);
        Assert.Equal(3, result.For(DecompositionFactor.Algorithm)!.Gain, 12);
        Assert.Equal(1.5, result.For(DecompositionFactor.Architecture)!.Gain, 12);
        Assert.Equal(9, result.Factors.Aggregate(1.0, (p, f) => p * f.Gain), 12);
        Assert.Empty(result.MissingCells);
        Assert.Null(result.Note);
    }

    [Fact]
    public void An_interaction_is_shared_and_the_factors_still_multiply_to_the_total()
    {
        // Hardware and algorithm together give a further 2x (e.g. INT8 only pays on tensor cores).
        double WithInteraction(FactorCombination c) => Multiplicative(c) * (c.Hardware && c.Algorithm ? 2 : 1);

        var result = ShapleyDecomposition.Compute(Cells(WithInteraction));

        Assert.Equal(18, result.TotalGain!.Value, 12);
        Assert.Equal(Math.Log(18), result.Factors.Sum(f => f.LogShapley), 12);
        Assert.Equal(Math.Log(2) + Math.Log(2) / 2, result.For(DecompositionFactor.Hardware)!.LogShapley, 12);
        Assert.Equal(Math.Log(3) + Math.Log(2) / 2, result.For(DecompositionFactor.Algorithm)!.LogShapley, 12);
        Assert.Equal(Math.Log(1.5), result.For(DecompositionFactor.Architecture)!.LogShapley, 12);
    }

    [Fact]
    public void A_three_way_interaction_is_split_in_three()
    {
        var cells = Cells(c => c == FactorCombination.Target ? 27 : 1);

        var result = ShapleyDecomposition.Compute(cells);

        Assert.All(result.Factors, f => Assert.Equal(3, f.Gain, 12));
    }

    [Fact]
    public void Missing_cells_are_listed_and_nothing_is_computed()
    {
        var cells = Cells(Multiplicative, "011").Where(c => c.Combination.Code != "101").ToList();

        var result = ShapleyDecomposition.Compute(cells);

        Assert.False(result.IsComplete);
        Assert.Empty(result.Factors);
        Assert.Equal(["011", "101"], result.MissingCells.Select(c => c.Code).Order());
        Assert.Equal(9, result.TotalGain!.Value, 12);
        Assert.Contains("011", result.Note);
        Assert.Equal(8, result.Cells.Count);
    }

    [Fact]
    public void The_no_interaction_fallback_runs_only_when_asked_and_says_so()
    {
        var cells = Cells(Multiplicative, "110");

        var result = ShapleyDecomposition.Compute(cells, MissingCellFallback.AssumeNoInteraction);

        Assert.False(result.IsComplete);
        Assert.Equal(["110"], result.EstimatedCells.Select(c => c.Code));
        Assert.Equal(2, result.For(DecompositionFactor.Hardware)!.Gain, 12);
        Assert.Contains("do not interact", result.Note);
    }

    [Fact]
    public void The_fallback_never_estimates_a_single_factor_cell()
    {
        var result = ShapleyDecomposition.Compute(Cells(Multiplicative, "100"), MissingCellFallback.AssumeNoInteraction);

        Assert.Empty(result.Factors);
        Assert.Empty(result.EstimatedCells);
        Assert.Equal(["100"], result.MissingCells.Select(c => c.Code));
    }

    [Fact]
    public void Contradictory_cells_are_refused()
    {
        var twice = Cells(Multiplicative).Append(DecompositionCell.Reference("000", 10, "MLPerf v3.0")).ToList();
        var missingWithValue = new[] { new DecompositionCell(FactorCombination.Baseline, 3, ProvenanceKind.Missing, []) };

        Assert.Throws<ArgumentException>(() => ShapleyDecomposition.Compute(twice));
        Assert.Throws<ArgumentException>(() => ShapleyDecomposition.Compute(missingWithValue));
    }
}

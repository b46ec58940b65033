namespace EfficiencyDashboard.Runner.Analysis;

/// <summary>The concrete shape and element type a tensor had when the model was run.</summary>
internal sealed record ValueShape(long[] Dims, string ElementType)
{
    public long ElementCount => Dims.Aggregate(1L, (count, dim) => count * dim);

    public int Rank => Dims.Length;
}

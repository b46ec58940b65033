namespace EfficiencyDashboard.Core.Catalog;

/// <summary>One input or output of a model graph.</summary>
/// <param name="Name">The tensor's name in the graph.</param>
/// <param name="ElementType">The element type, for example <c>float32</c> or <c>int64</c>.</param>
/// <param name="Dimensions">The shape; -1 marks a dynamic dimension.</param>
/// <param name="DimensionNames">The symbolic name of each dynamic dimension, empty for fixed ones.</param>
public sealed record TensorSignature(string Name, string ElementType, int[] Dimensions, string[] DimensionNames)
{
    /// <summary>True when the first dimension is dynamic, so any batch size can be fed.</summary>
    public bool HasDynamicBatch => Dimensions.Length > 0 && Dimensions[0] < 0;

    public override string ToString() =>
        $"{Name}: {ElementType}[{string.Join(", ", Dimensions.Select((d, i) => d >= 0 ? d.ToString() : NameOf(i)))}]";

    private string NameOf(int index) =>
        index < DimensionNames.Length && DimensionNames[index].Length > 0 ? DimensionNames[index] : "?";
}

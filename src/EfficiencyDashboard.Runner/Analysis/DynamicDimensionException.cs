namespace EfficiencyDashboard.Runner.Analysis;

/// <summary>
/// A model input has a dynamic dimension (other than the batch) whose value was not given, so the
/// model cannot be run to measure its shapes. The user fixes it by giving the value in inputShapes.
/// </summary>
public sealed class DynamicDimensionException : Exception
{
    /// <summary>Creates the exception with a message that names the input and the dimension and asks for its value.</summary>
    /// <param name="inputName">The graph input with the dynamic dimension.</param>
    /// <param name="dimensionIndex">The dimension's position, 0 for the batch; -1 when the input declares no shape at all.</param>
    /// <param name="dimensionName">The symbolic name the model gives the dimension (such as "sequence"), or null when it has none.</param>
    public DynamicDimensionException(string inputName, int dimensionIndex, string? dimensionName)
        : base(MessageFor(inputName, dimensionIndex, dimensionName))
    {
        InputName = inputName;
        DimensionIndex = dimensionIndex;
        DimensionName = dimensionName;
    }

    /// <summary>The graph input with the dynamic dimension.</summary>
    public string InputName { get; }

    /// <summary>The dimension's position, 0 for the batch; -1 when the input declares no shape at all.</summary>
    public int DimensionIndex { get; }

    /// <summary>The symbolic name the model gives the dimension (such as "sequence"), or null when it has none.</summary>
    public string? DimensionName { get; }

    private static string MessageFor(string inputName, int dimensionIndex, string? dimensionName) => dimensionIndex < 0
        ? $"Input '{inputName}' declares no shape: give its full shape in inputShapes, for example \"{inputName}\": [1, 128]."
        : $"Input '{inputName}' dimension {dimensionIndex} ('{dimensionName ?? "unnamed"}') is dynamic: give its value in inputShapes, "
          + $"for example \"{inputName}\": [batch, ..., value at index {dimensionIndex}, ...].";
}

using System.Globalization;

namespace EfficiencyDashboard.Core.Runs;

/// <summary>
/// The largest input a run or an upload's analysis may ask for, so a request cannot make the runner allocate without
/// bound: batch x every other dimension, counted without overflow.
/// </summary>
public static class InputShapeLimits
{
    /// <summary>Elements of one input tensor, batch included: 2^28, 1 GiB of float32.</summary>
    public const long MaxElementsPerInput = 1L << 28;

    /// <summary>Why the input is too large, or null. Dimension 0 is the batch; <paramref name="batchSize"/> replaces it.</summary>
    public static string? Problem(string input, IReadOnlyList<int> shape, int batchSize)
    {
        long elements = Math.Max(1, batchSize);
        for (var i = 1; i < shape.Count; i++)
        {
            var dimension = shape[i];
            if (dimension < 1)
            {
                continue;
            }

            // Checked by division: the product itself may not fit in 64 bits.
            if (elements > MaxElementsPerInput / dimension)
            {
                return $"Input '{input}' at batch {batchSize} would hold more than {MaxElementsPerInput.ToString("N0", CultureInfo.InvariantCulture)} " +
                    "elements (batch x every dimension); use a smaller batch or shape.";
            }

            elements *= dimension;
        }

        return null;
    }
}

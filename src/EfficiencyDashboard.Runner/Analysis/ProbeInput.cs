using Onnx;

namespace EfficiencyDashboard.Runner.Analysis;

/// <summary>One graph input as the analysis feeds it: a concrete shape for every dimension.</summary>
/// <param name="Name">The graph input's name.</param>
/// <param name="ElementType">Its ONNX TensorProto.DataType value.</param>
/// <param name="Shape">The concrete shape fed: the batch size first, dynamic dimensions from inputShapes.</param>
internal sealed record ProbeInput(string Name, int ElementType, long[] Shape)
{
    /// <summary>
    /// Resolves the shape of every real graph input (initializers listed as inputs, as IR &lt; 4
    /// models do, are skipped). A dynamic first dimension is the batch; any other dynamic dimension
    /// must be given in <paramref name="inputShapes"/>.
    /// </summary>
    /// <exception cref="DynamicDimensionException">A dynamic dimension has no value.</exception>
    public static List<ProbeInput> Resolve(
        GraphProto graph, int batchSize, IReadOnlyDictionary<string, int[]>? inputShapes)
    {
        var initializers = graph.Initializer.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var resolved = new List<ProbeInput>();
        foreach (var input in graph.Input.Where(i => !initializers.Contains(i.Name)))
        {
            var given = inputShapes is not null && inputShapes.TryGetValue(input.Name, out var s) ? s : null;
            var tensorType = input.Type?.TensorType
                ?? throw new Execution.RunnerException($"Input '{input.Name}' is not a tensor; only tensor inputs can be analysed.");
            resolved.Add(new ProbeInput(input.Name, tensorType.ElemType, ShapeOf(input.Name, tensorType.Shape, batchSize, given)));
        }

        return resolved;
    }

    private static long[] ShapeOf(string name, TensorShapeProto? declared, int batchSize, int[]? given)
    {
        if (declared is null)
        {
            // No declared shape: only a complete shape from the user will do.
            return given is { Length: > 0 } && given.Skip(1).All(d => d > 0)
                ? [batchSize, .. given.Skip(1).Select(d => (long)d)]
                : throw new DynamicDimensionException(name, -1, null);
        }

        var shape = new long[declared.Dim.Count];
        for (var i = 0; i < shape.Length; i++)
        {
            var dim = declared.Dim[i];
            if (dim.HasDimValue && dim.DimValue > 0)
            {
                shape[i] = dim.DimValue;
            }
            else if (i == 0)
            {
                shape[i] = batchSize;
            }
            else if (given is not null && i < given.Length && given[i] > 0)
            {
                shape[i] = given[i];
            }
            else
            {
                throw new DynamicDimensionException(name, i, dim.HasDimParam && dim.DimParam.Length > 0 ? dim.DimParam : null);
            }
        }

        return shape;
    }
}

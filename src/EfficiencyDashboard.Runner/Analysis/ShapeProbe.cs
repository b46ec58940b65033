using EfficiencyDashboard.Runner.Execution;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Onnx;

namespace EfficiencyDashboard.Runner.Analysis;

/// <summary>
/// Learns the concrete shape of every tensor in a graph by running it once on the CPU with every
/// node output exposed as a graph output. Running is the only approach that works for any model:
/// static shape inference misses shapes computed at run time (Shape, Reshape, Expand chains).
/// </summary>
internal static class ShapeProbe
{
    /// <summary>
    /// Runs <paramref name="model"/> (which this call modifies: node outputs are appended to its graph
    /// outputs) on zero inputs (ones for inputs named like masks) and returns the shape of every
    /// initializer, graph input and top-level node output.
    /// </summary>
    /// <exception cref="RunnerException">ONNX Runtime cannot load or run the model.</exception>
    public static Dictionary<string, ValueShape> Run(ModelProto model, IReadOnlyList<ProbeInput> inputs)
    {
        var graph = model.Graph;
        var shapes = new Dictionary<string, ValueShape>(StringComparer.Ordinal);
        foreach (var initializer in graph.Initializer)
        {
            shapes[initializer.Name] = new ValueShape([.. initializer.Dims], OnnxElementTypes.Name(initializer.DataType));
        }

        foreach (var input in inputs)
        {
            shapes[input.Name] = new ValueShape(input.Shape, OnnxElementTypes.Name(input.ElementType));
        }

        var outputNames = ExposeNodeOutputs(graph, shapes.Keys);
        try
        {
            using var options = new SessionOptions
            {
                // Optimisations would fuse nodes away; the probe wants the graph exactly as written.
                GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL,
                LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
            };
            using var session = new InferenceSession(model.ToByteArray(), options);
            var values = inputs.Select(CreateValue).ToList();
            try
            {
                using var runOptions = new RunOptions();
                using var results = session.Run(runOptions, [.. inputs.Select(i => i.Name)], values, outputNames);
                for (var i = 0; i < outputNames.Count; i++)
                {
                    if (results[i].OnnxType == OnnxValueType.ONNX_TYPE_TENSOR)
                    {
                        var info = results[i].GetTensorTypeAndShape();
                        shapes[outputNames[i]] = new ValueShape(info.Shape, OnnxElementTypes.Name((int)info.ElementDataType));
                    }
                }
            }
            finally
            {
                values.ForEach(v => v.Dispose());
            }
        }
        catch (OnnxRuntimeException ex)
        {
            throw new RunnerException($"ONNX Runtime could not run the model to measure its shapes: {ex.Message}", ex);
        }

        return shapes;
    }

    /// <summary>Adds every named, not-yet-visible node output to the graph outputs; returns all output names.</summary>
    private static List<string> ExposeNodeOutputs(GraphProto graph, IEnumerable<string> known)
    {
        var visible = new HashSet<string>(known, StringComparer.Ordinal);
        visible.UnionWith(graph.Output.Select(o => o.Name));
        var names = graph.Output.Select(o => o.Name).ToList();
        // Empty names are omitted optional outputs (such as Dropout's mask); they cannot be fetched.
        foreach (var output in graph.Node.SelectMany(n => n.Output).Where(o => o.Length > 0))
        {
            if (visible.Add(output))
            {
                // An untyped ValueInfo lets ONNX Runtime infer the type, whatever the producer declared.
                graph.Output.Add(new ValueInfoProto { Name = output });
                names.Add(output);
            }
        }

        return names;
    }

    /// <summary>Zeros, except ones for inputs named like attention masks so that no token is masked out.</summary>
    private static OrtValue CreateValue(ProbeInput input)
    {
        var type = (TensorElementType)input.ElementType;
        if (type == TensorElementType.String)
        {
            throw new RunnerException($"Input '{input.Name}' holds strings, which the analysis cannot generate.");
        }

        var value = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, type, input.Shape);
        value.GetTensorMutableRawData().Clear();
        if (input.Name.Contains("mask", StringComparison.OrdinalIgnoreCase))
        {
            FillOnes(value, type);
        }

        return value;
    }

    private static void FillOnes(OrtValue value, TensorElementType type)
    {
        switch (type)
        {
            case TensorElementType.Float: value.GetTensorMutableDataAsSpan<float>().Fill(1f); break;
            case TensorElementType.Double: value.GetTensorMutableDataAsSpan<double>().Fill(1.0); break;
            case TensorElementType.Float16: value.GetTensorMutableDataAsSpan<Float16>().Fill((Float16)1f); break;
            case TensorElementType.Int64: value.GetTensorMutableDataAsSpan<long>().Fill(1); break;
            case TensorElementType.Int32: value.GetTensorMutableDataAsSpan<int>().Fill(1); break;
            case TensorElementType.Int8 or TensorElementType.UInt8 or TensorElementType.Bool:
                value.GetTensorMutableRawData().Fill(1);
                break;
        }
    }
}

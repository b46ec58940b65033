using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Runner.Execution;
using EfficiencyDashboard.Runner.ModelBuilding;
using Google.Protobuf;
using Onnx;

namespace EfficiencyDashboard.Runner.Analysis;

/// <summary>
/// Analyses any ONNX model: signature, opsets, parameters, operator histogram, MACs and FLOPs per
/// sample, and a guess at family and task. Shapes come from running the model once on the CPU, so
/// the figures hold for whatever the graph computes at the given batch size and input shapes.
/// </summary>
public static class ModelAnalyzer
{
    /// <summary>Analyses a serialised ONNX model.</summary>
    /// <param name="model">A serialised ModelProto (external data is not supported).</param>
    /// <param name="batchSize">The batch size to probe at; it fills every input's dynamic first dimension.</param>
    /// <param name="inputShapes">
    /// Full shapes for inputs with dynamic dimensions other than the batch (such as the sequence length),
    /// keyed by input name; the value at index 0 is ignored in favour of <paramref name="batchSize"/>.
    /// </param>
    /// <returns>The analysis; per-sample figures are the probing run's totals divided by the batch size.</returns>
    /// <exception cref="DynamicDimensionException">An input has a dynamic dimension that <paramref name="inputShapes"/> does not give.</exception>
    /// <exception cref="RunnerException">The bytes are not an ONNX model, or ONNX Runtime cannot run it.</exception>
    public static ModelAnalysis Analyze(byte[] model, int batchSize = 1, IReadOnlyDictionary<string, int[]>? inputShapes = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var proto = Parse(model);
        var graph = proto.Graph ?? throw new RunnerException("The model has no graph.");

        var notes = new List<string>();
        var inputs = ProbeInput.Resolve(graph, batchSize, inputShapes);
        var probedBatch = inputs.FirstOrDefault(i => i.Shape.Length > 0)?.Shape[0] is { } first ? (int)first : 1;
        if (probedBatch != batchSize)
        {
            notes.Add($"The model fixes its batch at {probedBatch}; it was analysed at that batch size.");
        }

        // Signatures and the histogram are read before the probe appends node outputs to the graph.
        var initializers = graph.Initializer.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var signatureInputs = graph.Input.Where(i => !initializers.Contains(i.Name)).Select(Signature).ToList();
        var signatureOutputs = graph.Output.Select(Signature).ToList();
        var operatorCounts = graph.Node
            .GroupBy(n => OperatorCost.IsDefaultDomain(n.Domain) ? n.OpType : $"{n.Domain}.{n.OpType}", StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var parameters = ModelParameters.CountParameters(graph);

        var shapes = ShapeProbe.Run(proto, inputs);
        var macs = MacsPerOperator(graph, shapes, probedBatch, notes);
        if (graph.Node.Any(n => n.Attribute.Any(a => a.G is not null || a.Graphs.Count > 0)))
        {
            notes.Add("Operators inside control-flow subgraphs (If, Loop, Scan) are not counted.");
        }

        return new ModelAnalysis(
            proto.IrVersion,
            proto.OpsetImport.Where(o => OperatorCost.IsDefaultDomain(o.Domain)).Select(o => o.Version).DefaultIfEmpty(0).Max(),
            proto.OpsetImport.Where(o => !OperatorCost.IsDefaultDomain(o.Domain)).ToDictionary(o => o.Domain, o => o.Version, StringComparer.Ordinal),
            $"{proto.ProducerName} {proto.ProducerVersion}".Trim(),
            signatureInputs,
            signatureOutputs,
            parameters,
            operatorCounts,
            macs,
            probedBatch,
            inputs.ToDictionary(i => i.Name, i => i.Shape, StringComparer.Ordinal),
            ModelFamilyGuess.From(graph, [.. signatureOutputs.Select(o => o.Name)], shapes),
            notes);
    }

    private static List<OperatorMacs> MacsPerOperator(
        GraphProto graph, IReadOnlyDictionary<string, ValueShape> shapes, int batch, List<string> notes)
    {
        var totals = new Dictionary<(string Op, string Precision), (int Nodes, long Macs)>();
        var uncounted = 0;
        foreach (var node in graph.Node.Where(OperatorCost.IsCounted))
        {
            if (!OperatorCost.TryCount(node, shapes, out var macs, out var precision))
            {
                uncounted++;
                continue;
            }

            var key = (node.OpType, precision);
            var (nodes, sum) = totals.GetValueOrDefault(key);
            totals[key] = (nodes + 1, sum + macs);
        }

        if (uncounted > 0)
        {
            notes.Add($"{uncounted} Conv/Gemm/MatMul nodes had no measurable shape and are not counted.");
        }

        return [.. totals
            .Select(t => new OperatorMacs(t.Key.Op, t.Key.Precision, t.Value.Nodes, (long)Math.Round((double)t.Value.Macs / batch)))
            .OrderByDescending(m => m.MacsPerSample)];
    }

    private static ModelProto Parse(byte[] model)
    {
        try
        {
            return ModelProto.Parser.ParseFrom(model);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new RunnerException($"The file is not an ONNX model: {ex.Message}", ex);
        }
    }

    private static TensorSignature Signature(ValueInfoProto value)
    {
        var tensor = value.Type?.TensorType;
        var dims = tensor?.Shape?.Dim ?? [];
        return new TensorSignature(
            value.Name,
            tensor is null ? "non-tensor" : OnnxElementTypes.Name(tensor.ElemType),
            [.. dims.Select(d => d.HasDimValue && d.DimValue > 0 ? (int)d.DimValue : -1)],
            [.. dims.Select(d => d.HasDimParam ? d.DimParam : "")]);
    }
}

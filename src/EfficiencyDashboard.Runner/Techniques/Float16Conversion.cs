using EfficiencyDashboard.Core.Catalog;
using Onnx;

namespace EfficiencyDashboard.Runner.Techniques;

/// <summary>
/// The fp16 technique: float32 weights and computation become float16, with Cast nodes at the graph's float
/// inputs and outputs so callers still feed and read float32. Integer tensors (token ids, Gather indices, shapes)
/// are untouched. Operators listed as kept run in float32 between Casts.
/// </summary>
/// <remarks>
/// Meant for CUDA and TensorRT. ONNX Runtime 1.31's CPU provider opens float16 models but, on x86, has float16
/// kernels only for data movement (Gather, Reshape, Transpose): it runs Conv, MatMul, Gemm and the rest in float32
/// through Casts it inserts. CPU runs of an fp16 variant therefore measure the effect of float16 weights on the
/// outputs, not float16 speed; the result says what the CPU provider did with this model.
/// </remarks>
public static class Float16Conversion
{
    private static readonly HashSet<string> QuantizedOps = new(StringComparer.Ordinal)
    {
        "QuantizeLinear", "DequantizeLinear", "DynamicQuantizeLinear", "MatMulInteger", "ConvInteger", "QLinearConv", "QLinearMatMul",
    };

    // Inputs that the ONNX spec types as float32 whatever the data type (Resize's roi and scales).
    private static readonly HashSet<(string Op, int Slot)> Float32Slots = [("Resize", 1), ("Resize", 2), ("Upsample", 1)];

    /// <summary>Converts the parent to float16.</summary>
    /// <param name="parent">A serialised float32 ModelProto.</param>
    /// <param name="keepInFloat32">Operator types to leave in float32 (for accuracy, for example "Softmax"); none by default.</param>
    /// <exception cref="TechniqueNotApplicableException">The model has no float32 weights, or is already quantized.</exception>
    public static TechniqueResult Apply(byte[] parent, IReadOnlySet<string>? keepInFloat32 = null)
    {
        keepInFloat32 ??= new HashSet<string>();
        var graph = new ModelGraph(parent);
        if (graph.Nodes.FirstOrDefault(n => QuantizedOps.Contains(n.OpType)) is { } quantized)
        {
            throw new TechniqueNotApplicableException($"The model is already quantized ({quantized.OpType} '{quantized.Name}'); fp16 applies to float32 models.");
        }

        if (!graph.Graph.Initializer.Any(t => t.DataType == TensorData.Float))
        {
            throw new TechniqueNotApplicableException("The model has no float32 weights to convert to float16.");
        }

        var types = ElementTypes.Infer(graph);
        bool IsFloat(string tensor) => types.GetValueOrDefault(tensor) == TensorData.Float;
        bool KeepsFloat32(NodeProto node, int slot) => keepInFloat32.Contains(node.OpType) || Float32Slots.Contains((node.OpType, slot));

        var originalNodes = graph.Nodes.ToList();
        var convertedInitializers = ConvertInitializers(graph, originalNodes, KeepsFloat32);
        var convertedConstants = 0;
        foreach (var node in originalNodes)
        {
            convertedConstants += ConvertNodeTypes(node);
        }

        var casts = 0;
        var kept = 0;
        foreach (var node in originalNodes)
        {
            var keepsNode = keepInFloat32.Contains(node.OpType);
            kept += keepsNode ? 1 : 0;
            for (var slot = 0; slot < node.Input.Count; slot++)
            {
                var tensor = node.Input[slot];
                if (KeepsFloat32(node, slot) && IsFloat(tensor) && graph.Initializer(tensor) is not { DataType: TensorData.Float })
                {
                    var single = graph.FreshName(tensor + "_fp32");
                    Cast(graph, tensor, single, TensorData.Float);
                    node.Input[slot] = single;
                    casts++;
                }
            }

            for (var slot = 0; keepsNode && slot < node.Output.Count; slot++)
            {
                var tensor = node.Output[slot];
                if (IsFloat(tensor))
                {
                    var single = graph.FreshName(tensor + "_fp32");
                    node.Output[slot] = single;
                    Cast(graph, single, tensor, TensorData.Float16);
                    casts++;
                }
            }
        }

        foreach (var input in graph.FedInputs.Where(i => IsFloat(i.Name)).ToList())
        {
            var half = graph.FreshName(input.Name + "_fp16");
            var cast = Cast(graph, input.Name, half, TensorData.Float16);
            graph.RedirectConsumers(input.Name, half, cast);
            casts++;
        }

        foreach (var output in graph.Graph.Output.Where(o => IsFloat(o.Name)).ToList())
        {
            var half = graph.FreshName(output.Name + "_fp16");
            foreach (var node in graph.Nodes.ToList())
            {
                for (var i = 0; i < node.Output.Count; i++)
                {
                    node.Output[i] = node.Output[i] == output.Name ? half : node.Output[i];
                }
            }

            graph.RedirectConsumers(output.Name, half);
            Cast(graph, half, output.Name, TensorData.Float);
            casts++;
        }

        // Recorded float32 shapes of intermediate tensors would now be wrong; ONNX Runtime infers them again.
        var stale = graph.Graph.ValueInfo.Where(v => v.Type?.TensorType?.ElemType == TensorData.Float).ToList();
        stale.ForEach(v => graph.Graph.ValueInfo.Remove(v));
        graph.SortTopologically();
        var bytes = graph.ToBytes();

        var cpu = Float16CpuSupport.Of(bytes);
        var description =
            $"Converted {convertedInitializers} float32 initializers and {convertedConstants} constants to float16 and inserted {casts} Cast nodes " +
            $"so inputs and outputs stay float32{(kept > 0 ? $"; {kept} nodes ({string.Join(", ", keepInFloat32)}) kept in float32" : "")}. " +
            CpuSentence(cpu);
        return new TechniqueResult(Technique.Fp16, bytes, description, new Dictionary<string, long>
        {
            ["convertedInitializers"] = convertedInitializers,
            ["convertedConstants"] = convertedConstants,
            ["castNodes"] = casts,
            ["nodesKeptFloat32"] = kept,
            ["runsOnCpu"] = cpu.Failure is null ? 1 : 0,
            ["cpuFloat16OpTypes"] = cpu.NativeOps.Count,
        });
    }

    private static string CpuSentence(Float16CpuSupport cpu) =>
        cpu.Failure is not null
            ? $"ONNX Runtime's CPU provider cannot run it ({cpu.Failure}); it is meant for CUDA or TensorRT."
            : $"ONNX Runtime's CPU provider runs it, but computes {string.Join(", ", cpu.Float32Ops)} in float32 through Casts it inserts " +
              $"(CPU float16 kernels used: {(cpu.NativeOps.Count == 0 ? "none" : string.Join(", ", cpu.NativeOps))}), " +
              "so CPU runs measure float16 weights, not float16 speed; the speed-up is for CUDA or TensorRT.";

    private static int ConvertInitializers(ModelGraph graph, List<NodeProto> nodes, Func<NodeProto, int, bool> keepsFloat32)
    {
        var converted = 0;
        foreach (var initializer in graph.Graph.Initializer.Where(t => t.DataType == TensorData.Float).ToList())
        {
            var uses = nodes.SelectMany(n => n.Input.Select((input, slot) => (Node: n, Slot: slot, Input: input)))
                .Where(u => u.Input == initializer.Name).ToList();
            var halfUses = uses.Where(u => !keepsFloat32(u.Node, u.Slot)).ToList();
            if (halfUses.Count == 0)
            {
                continue;
            }

            var values = TensorData.ReadFloats(initializer);
            var half = TensorData.Float16s(initializer.Name, values, [.. initializer.Dims]);
            if (halfUses.Count < uses.Count)
            {
                // Also read in float32 (a Resize scale, a kept operator): the float16 copy gets its own name.
                half.Name = graph.FreshName(initializer.Name + "_fp16");
                halfUses.ForEach(u => u.Node.Input[u.Slot] = half.Name);
            }

            graph.SetInitializer(half);
            converted++;
        }

        return converted;
    }

    private static int ConvertNodeTypes(NodeProto node)
    {
        switch (node.OpType)
        {
            case "Constant" or "ConstantOfShape":
                var attribute = node.Attribute.FirstOrDefault(a => a.Name is "value" or "value_float" or "value_floats");
                var half = attribute switch
                {
                    { Name: "value", T.DataType: TensorData.Float } => TensorData.Float16s(attribute.T.Name, TensorData.ReadFloats(attribute.T), [.. attribute.T.Dims]),
                    { Name: "value_float" } => TensorData.Float16s("", [attribute.F]),
                    { Name: "value_floats" } => TensorData.Float16s("", [.. attribute.Floats], attribute.Floats.Count),
                    // ConstantOfShape without a value fills float32 zeros, which would meet float16 tensors downstream.
                    null when node.OpType == "ConstantOfShape" => TensorData.Float16s("", [0f], 1),
                    _ => null,
                };
                if (half is null)
                {
                    return 0;
                }

                if (attribute is not null)
                {
                    node.Attribute.Remove(attribute);
                }

                node.Attribute.Add(new AttributeProto { Name = "value", Type = AttributeProto.Types.AttributeType.Tensor, T = half });
                return 1;
            case "Cast" when ModelGraph.IntAttribute(node, "to", 0) == TensorData.Float:
                ModelGraph.SetIntAttribute(node, "to", TensorData.Float16);
                return 0;
            default:
                return 0;
        }
    }

    private static NodeProto Cast(ModelGraph graph, string input, string output, int to)
    {
        var cast = graph.AddNode("Cast", [input], [output], "Cast_" + output);
        ModelGraph.SetIntAttribute(cast, "to", to);
        return cast;
    }
}

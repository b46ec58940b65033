using Google.Protobuf;
using Onnx;

namespace EfficiencyDashboard.Runner.Techniques;

/// <summary>
/// A mutable view of a model's main graph for techniques: initializers and constants by name, producers
/// and consumers of tensors, fresh names, and a topological re-sort after nodes are added anywhere.
/// </summary>
internal sealed class ModelGraph
{
    private readonly Dictionary<string, TensorProto> _initializers;
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private int _nameCounter;

    public ModelGraph(byte[] model)
    {
        try
        {
            Model = ModelProto.Parser.ParseFrom(model);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new TechniqueNotApplicableException($"The parent is not a valid ONNX model: {ex.Message}", ex);
        }

        if (Model.Graph is null)
        {
            throw new TechniqueNotApplicableException("The parent model has no graph.");
        }

        _initializers = Graph.Initializer.GroupBy(t => t.Name).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var name in Graph.Node.SelectMany(n => n.Output.Concat(n.Input).Append(n.Name))
                     .Concat(Graph.Input.Select(i => i.Name)).Concat(_initializers.Keys))
        {
            _names.Add(name);
        }
    }

    public ModelProto Model { get; }

    public GraphProto Graph => Model.Graph;

    public IEnumerable<NodeProto> Nodes => Graph.Node;

    public byte[] ToBytes() => Model.ToByteArray();

    /// <summary>The initializer with this name, or null when the tensor is computed or fed.</summary>
    public TensorProto? Initializer(string name) => _initializers.GetValueOrDefault(name);

    /// <summary>The value of a tensor fixed at build time: an initializer or the output of a Constant node.</summary>
    public TensorProto? ConstantValue(string name)
    {
        if (_initializers.TryGetValue(name, out var tensor))
        {
            return tensor;
        }

        var producer = Producer(name);
        return producer is { OpType: "Constant" }
            ? producer.Attribute.FirstOrDefault(a => a.Name == "value")?.T
            : null;
    }

    /// <summary>Float values of a constant tensor, or null when it is not a float constant.</summary>
    public float[]? ConstantFloats(string name) =>
        ConstantValue(name) is { DataType: TensorData.Float } tensor ? TensorData.ReadFloats(tensor) : null;

    public void SetInitializer(TensorProto tensor)
    {
        if (_initializers.TryGetValue(tensor.Name, out var existing))
        {
            Graph.Initializer.Remove(existing);
        }

        _initializers[tensor.Name] = tensor;
        _names.Add(tensor.Name);
        Graph.Initializer.Add(tensor);
    }

    public void RemoveInitializer(string name)
    {
        if (_initializers.Remove(name, out var tensor))
        {
            Graph.Initializer.Remove(tensor);
            var input = Graph.Input.FirstOrDefault(i => i.Name == name);
            if (input is not null)
            {
                // IR < 4 lists initializers as graph inputs as well.
                Graph.Input.Remove(input);
            }
        }
    }

    /// <summary>Initializers no node reads any more, removed so the variant carries no dead weights.</summary>
    public void RemoveUnusedInitializers()
    {
        var used = new HashSet<string>(Graph.Node.SelectMany(n => n.Input), StringComparer.Ordinal);
        used.UnionWith(Graph.Output.Select(o => o.Name));
        foreach (var name in _initializers.Keys.Where(n => !used.Contains(n)).ToList())
        {
            RemoveInitializer(name);
        }
    }

    public NodeProto? Producer(string tensor) => Graph.Node.FirstOrDefault(n => n.Output.Contains(tensor));

    public List<NodeProto> Consumers(string tensor) => [.. Graph.Node.Where(n => n.Input.Contains(tensor))];

    public bool IsGraphOutput(string tensor) => Graph.Output.Any(o => o.Name == tensor);

    public bool IsGraphInput(string tensor) => Graph.Input.Any(i => i.Name == tensor) && !_initializers.ContainsKey(tensor);

    /// <summary>Graph inputs that are fed at run time (IR &lt; 4 models also list initializers as inputs).</summary>
    public IEnumerable<ValueInfoProto> FedInputs => Graph.Input.Where(i => !_initializers.ContainsKey(i.Name));

    /// <summary>How many times a tensor is read by nodes or exposed as a graph output.</summary>
    public int UseCount(string tensor) =>
        Graph.Node.Sum(n => n.Input.Count(i => i == tensor)) + Graph.Output.Count(o => o.Name == tensor);

    /// <summary>A name not yet used in the graph, built from <paramref name="stem"/>.</summary>
    public string FreshName(string stem)
    {
        var name = stem;
        while (!_names.Add(name))
        {
            name = $"{stem}_{++_nameCounter}";
        }

        return name;
    }

    /// <summary>Adds a node (anywhere; call <see cref="SortTopologically"/> before saving).</summary>
    public NodeProto AddNode(string opType, IEnumerable<string> inputs, IEnumerable<string> outputs, string? name = null, string domain = "")
    {
        var node = new NodeProto { OpType = opType, Name = FreshName(name ?? opType), Domain = domain };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        foreach (var output in node.Output)
        {
            _names.Add(output);
        }

        Graph.Node.Add(node);
        return node;
    }

    /// <summary>Makes every reader of <paramref name="tensor"/> except <paramref name="except"/> read <paramref name="replacement"/>.</summary>
    public void RedirectConsumers(string tensor, string replacement, params NodeProto[] except)
    {
        foreach (var node in Graph.Node.Where(n => !except.Contains(n)))
        {
            for (var i = 0; i < node.Input.Count; i++)
            {
                if (node.Input[i] == tensor)
                {
                    node.Input[i] = replacement;
                }
            }
        }
    }

    /// <summary>
    /// An initializer that only <paramref name="reader"/> reads, copied under a new name when it is shared,
    /// so editing it for one node cannot change another.
    /// </summary>
    public TensorProto OwnInitializer(NodeProto reader, int slot)
    {
        var name = reader.Input[slot];
        var tensor = Initializer(name)
            ?? throw new InvalidOperationException($"Input {slot} of '{reader.Name}' is not an initializer.");
        if (UseCount(name) == 1)
        {
            return tensor;
        }

        var copy = tensor.Clone();
        copy.Name = FreshName(name + "_own");
        SetInitializer(copy);
        reader.Input[slot] = copy.Name;
        return copy;
    }

    public void SortTopologically()
    {
        var available = new HashSet<string>(Graph.Input.Select(i => i.Name).Concat(_initializers.Keys), StringComparer.Ordinal) { "" };
        var pending = Graph.Node.ToList();
        var sorted = new List<NodeProto>(pending.Count);
        while (pending.Count > 0)
        {
            var ready = pending.Where(n => n.Input.All(available.Contains)).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException(
                    $"The graph has a cycle or an undefined input near '{pending[0].Name}' ({string.Join(", ", pending[0].Input.Where(i => !available.Contains(i)))}).");
            }

            foreach (var node in ready)
            {
                sorted.Add(node);
                available.UnionWith(node.Output);
            }

            pending.RemoveAll(ready.Contains);
        }

        Graph.Node.Clear();
        Graph.Node.AddRange(sorted);
    }

    public static long IntAttribute(NodeProto node, string name, long fallback) =>
        node.Attribute.FirstOrDefault(a => a.Name == name) is { } attribute ? attribute.I : fallback;

    public static void SetIntAttribute(NodeProto node, string name, long value)
    {
        var attribute = node.Attribute.FirstOrDefault(a => a.Name == name);
        if (attribute is null)
        {
            node.Attribute.Add(new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value });
        }
        else
        {
            attribute.I = value;
        }
    }
}

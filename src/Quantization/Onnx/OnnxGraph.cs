namespace EdgeCloud.Quantization.Onnx;

/// <summary>
/// An editing view of a model's main graph: constant lookup (initializers and Constant nodes),
/// unique names, and nodes added in any order (<see cref="GraphCleanup"/> sorts them afterwards).
/// </summary>
internal sealed class OnnxGraph
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TensorProto> _initializers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TensorProto> _constantNodes = new(StringComparer.Ordinal);

    public OnnxGraph(ModelProto model)
    {
        Model = model;
        Graph = model.Graph;
        foreach (var tensor in Graph.Initializer)
        {
            _initializers[tensor.Name] = tensor;
            _names.Add(tensor.Name);
        }

        foreach (var value in Graph.Input.Concat(Graph.Output).Concat(Graph.ValueInfo))
        {
            _names.Add(value.Name);
        }

        foreach (var node in Graph.Node)
        {
            _names.Add(node.Name);
            _names.UnionWith(node.Output);
            if (node.OpType == "Constant" && OnnxNodes.IsDefaultDomain(node) && node.Output.Count == 1 && Attributes.Find(node, "value")?.T is { } value)
            {
                _constantNodes[node.Output[0]] = value;
            }
        }
    }

    public ModelProto Model { get; }

    public GraphProto Graph { get; }

    public long Opset => Opsets.Default(Model);

    /// <summary>The value of a tensor known at conversion time: an initializer or a Constant node's <c>value</c>.</summary>
    public bool TryGetConstant(string name, out TensorProto tensor) =>
        _initializers.TryGetValue(name, out tensor!) || _constantNodes.TryGetValue(name, out tensor!);

    public bool IsInitializer(string name) => _initializers.ContainsKey(name);

    public bool IsGraphOutput(string name) => Graph.Output.Any(o => o.Name == name);

    public string UniqueName(string hint)
    {
        var name = hint;
        for (var i = 1; !_names.Add(name); i++)
        {
            name = $"{hint}_{i}";
        }

        return name;
    }

    /// <summary>Adds a constant under a fresh name built from <paramref name="hint"/> and returns that name.</summary>
    public string AddInitializer(TensorProto tensor, string hint)
    {
        tensor.Name = UniqueName(hint);
        _initializers[tensor.Name] = tensor;
        Graph.Initializer.Add(tensor);
        return tensor.Name;
    }

    public NodeProto AddNode(string opType, IEnumerable<string> inputs, IEnumerable<string> outputs, params AttributeProto[] attributes)
    {
        var node = OnnxNodes.Create(opType, UniqueName(opType + "_q"), inputs, outputs, attributes);
        Graph.Node.Add(node);
        return node;
    }

    /// <summary>Nodes that read each tensor, including reads from inside subgraphs (attributed to the outer node).</summary>
    public ILookup<string, NodeProto> Consumers() =>
        Graph.Node.SelectMany(n => GraphCleanup.Reads(n).Select(input => (input, n))).ToLookup(p => p.input, p => p.n, StringComparer.Ordinal);

    public Dictionary<string, NodeProto> Producers()
    {
        var producers = new Dictionary<string, NodeProto>(StringComparer.Ordinal);
        foreach (var node in Graph.Node)
        {
            foreach (var output in node.Output.Where(o => o.Length > 0))
            {
                producers[output] = node;
            }
        }

        return producers;
    }
}

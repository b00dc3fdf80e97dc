namespace EdgeCloud.Quantization.Onnx;

/// <summary>After an edit: drops constants nothing reads any more and puts the nodes back in topological order.</summary>
internal static class GraphCleanup
{
    /// <summary>Every tensor a node reads: its inputs and the outer names its subgraphs use.</summary>
    public static IEnumerable<string> Reads(NodeProto node) =>
        node.Input.Where(i => i.Length > 0).Concat(Attributes.Subgraphs(node).SelectMany(OuterReads));

    /// <summary>IR 4 and later: initializers need not be graph inputs, and as inputs they could be overridden, which blocks folding.</summary>
    public static void DropInitializerInputs(ModelProto model)
    {
        model.IrVersion = Math.Max(model.IrVersion, 4);
        var initializers = model.Graph.Initializer.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var keep = model.Graph.Input.Where(i => !initializers.Contains(i.Name)).ToList();
        model.Graph.Input.Clear();
        model.Graph.Input.Add(keep);
    }

    public static void Run(GraphProto graph)
    {
        PruneUnread(graph);
        Sort(graph);
    }

    private static void PruneUnread(GraphProto graph)
    {
        while (true)
        {
            var read = graph.Node.SelectMany(Reads).Concat(graph.Output.Select(o => o.Name)).ToHashSet(StringComparer.Ordinal);
            var deadConstants = graph.Node.Where(n => n.OpType == "Constant" && n.Output.All(o => !read.Contains(o))).ToList();
            var deadInitializers = graph.Initializer.Where(t => !read.Contains(t.Name)).ToList();
            if (deadConstants.Count == 0 && deadInitializers.Count == 0)
            {
                return;
            }

            deadConstants.ForEach(n => graph.Node.Remove(n));
            deadInitializers.ForEach(t => graph.Initializer.Remove(t));
            var removed = deadInitializers.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
            var inputs = graph.Input.Where(i => !removed.Contains(i.Name)).ToList();
            graph.Input.Clear();
            graph.Input.Add(inputs);
        }
    }

    /// <summary>Kahn's algorithm, taking ready nodes in their current order so untouched graphs keep their order.</summary>
    private static void Sort(GraphProto graph)
    {
        var nodes = graph.Node.ToList();
        var producer = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            foreach (var output in nodes[i].Output.Where(o => o.Length > 0))
            {
                producer[output] = i;
            }
        }

        var waiting = new int[nodes.Count];
        var dependents = new List<int>[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
        {
            dependents[i] = [];
        }

        for (var i = 0; i < nodes.Count; i++)
        {
            foreach (var p in Reads(nodes[i]).Where(producer.ContainsKey).Select(r => producer[r]).Distinct())
            {
                waiting[i]++;
                dependents[p].Add(i);
            }
        }

        var ready = new PriorityQueue<int, int>();
        for (var i = 0; i < nodes.Count; i++)
        {
            if (waiting[i] == 0)
            {
                ready.Enqueue(i, i);
            }
        }

        var sorted = new List<NodeProto>(nodes.Count);
        while (ready.TryDequeue(out var i, out _))
        {
            sorted.Add(nodes[i]);
            foreach (var d in dependents[i].Where(d => --waiting[d] == 0))
            {
                ready.Enqueue(d, d);
            }
        }

        if (sorted.Count != nodes.Count)
        {
            var stuck = nodes.Where((_, i) => waiting[i] > 0).Take(3).Select(OnnxNodes.Describe);
            throw new QuantizationException($"the graph has a cycle or reads a tensor nothing produces, at {string.Join(", ", stuck)}");
        }

        graph.Node.Clear();
        graph.Node.Add(sorted);
    }

    private static IEnumerable<string> OuterReads(GraphProto subgraph)
    {
        var local = subgraph.Node.SelectMany(n => n.Output)
            .Concat(subgraph.Input.Select(i => i.Name))
            .Concat(subgraph.Initializer.Select(t => t.Name))
            .ToHashSet(StringComparer.Ordinal);
        return subgraph.Node.SelectMany(Reads).Concat(subgraph.Output.Select(o => o.Name)).Where(n => !local.Contains(n)).Distinct();
    }
}

namespace EdgeCloud.Quantization.Onnx;

/// <summary>Drops value_info entries for tensors that no node produces any more (e.g. a folded Relu's output).</summary>
internal static class ValueInfoCleanup
{
    public static void DropStale(GraphProto graph)
    {
        var produced = graph.Node.SelectMany(n => n.Output).ToHashSet(StringComparer.Ordinal);
        var keep = graph.ValueInfo.Where(v => produced.Contains(v.Name)).ToList();
        graph.ValueInfo.Clear();
        graph.ValueInfo.Add(keep);
    }
}

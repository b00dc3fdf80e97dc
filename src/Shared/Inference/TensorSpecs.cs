using EdgeCloud.Shared.Tensors;
using Microsoft.ML.OnnxRuntime;

namespace EdgeCloud.Shared.Inference;

/// <summary>Reads a session's declared inputs or outputs into <see cref="TensorSpec"/>s, in model order.</summary>
internal static class TensorSpecs
{
    public static IReadOnlyList<TensorSpec> From(IReadOnlyList<string> names, IReadOnlyDictionary<string, NodeMetadata> metadata, string model)
    {
        var specs = new List<TensorSpec>(names.Count);
        foreach (var name in names)
        {
            var node = metadata[name];
            if (!node.IsTensor)
            {
                throw new NotSupportedException($"model '{model}': '{name}' is a {node.OnnxValueType}, but only tensors can be served over the v2 protocol");
            }

            var type = DataTypes.FromOrt(node.ElementDataType)
                ?? throw new NotSupportedException($"model '{model}': '{name}' has element type {node.ElementDataType}, which the v2 protocol cannot carry");
            specs.Add(new TensorSpec(name, type, [.. node.Dimensions.Select(d => d < 0 ? -1L : d)])
            {
                DimensionNames = [.. node.SymbolicDimensions.Select(n => n ?? "")],
            });
        }

        return specs;
    }
}

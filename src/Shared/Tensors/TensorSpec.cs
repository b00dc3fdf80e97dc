using System.Globalization;

namespace EdgeCloud.Shared.Tensors;

/// <summary>
/// A model input or output as the model declares it; -1 marks a variable dimension. Variable
/// dimensions may carry a symbolic name (e.g. <c>batch</c>, <c>sequence</c>): inputs that share a
/// name must agree on its size.
/// </summary>
public sealed record TensorSpec(string Name, DataType DataType, IReadOnlyList<long> Shape)
{
    /// <summary>Symbolic names per dimension, "" where the model gives none.</summary>
    public IReadOnlyList<string> DimensionNames { get; init; } = [];

    public string ShapeText => FormatShape(Shape);

    /// <summary>The index of the spec named <paramref name="name"/> in <paramref name="specs"/>, or -1 (a loop: it runs per input per request).</summary>
    public static int IndexOf(IReadOnlyList<TensorSpec> specs, string name)
    {
        for (var i = 0; i < specs.Count; i++)
        {
            if (string.Equals(specs[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    public static string FormatShape(IEnumerable<long> shape) =>
        "[" + string.Join(",", shape.Select(d => d.ToString(CultureInfo.InvariantCulture))) + "]";
}

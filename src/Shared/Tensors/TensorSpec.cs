using System.Globalization;

namespace EdgeCloud.Shared.Tensors;

/// <summary>A model input or output as the model declares it; -1 marks a variable dimension.</summary>
public sealed record TensorSpec(string Name, DataType DataType, IReadOnlyList<long> Shape)
{
    public string ShapeText => FormatShape(Shape);

    public static string FormatShape(IEnumerable<long> shape) =>
        "[" + string.Join(",", shape.Select(d => d.ToString(CultureInfo.InvariantCulture))) + "]";
}

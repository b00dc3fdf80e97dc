using Google.Protobuf;
using AttributeType = EdgeCloud.Quantization.Onnx.AttributeProto.Types.AttributeType;

namespace EdgeCloud.Quantization.Onnx;

/// <summary>Builds and reads node attributes.</summary>
internal static class Attributes
{
    public static AttributeProto Int(string name, long value) => new() { Name = name, Type = AttributeType.Int, I = value };

    public static AttributeProto Float(string name, float value) => new() { Name = name, Type = AttributeType.Float, F = value };

    public static AttributeProto String(string name, string value) =>
        new() { Name = name, Type = AttributeType.String, S = ByteString.CopyFromUtf8(value) };

    public static AttributeProto Tensor(string name, TensorProto value) => new() { Name = name, Type = AttributeType.Tensor, T = value };

    public static AttributeProto? Find(NodeProto node, string name) => node.Attribute.FirstOrDefault(a => a.Name == name);

    public static long GetInt(NodeProto node, string name, long fallback) => Find(node, name) is { } a ? a.I : fallback;

    public static float GetFloat(NodeProto node, string name, float fallback) => Find(node, name) is { } a ? a.F : fallback;

    public static string GetString(NodeProto node, string name, string fallback) => Find(node, name) is { } a ? a.S.ToStringUtf8() : fallback;

    /// <summary>The subgraphs a node carries (If, Loop, Scan bodies).</summary>
    public static IEnumerable<GraphProto> Subgraphs(NodeProto node) =>
        node.Attribute.SelectMany(a => a.G is null ? a.Graphs : a.Graphs.Prepend(a.G));
}

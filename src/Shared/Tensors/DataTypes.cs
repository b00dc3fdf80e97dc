using System.Collections.Frozen;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace EdgeCloud.Shared.Tensors;

/// <summary>Conversions between v2 datatype names, element sizes and ONNX Runtime element types.</summary>
public static class DataTypes
{
    private static readonly FrozenDictionary<string, DataType> ByName = new Dictionary<string, DataType>
    {
        ["BOOL"] = DataType.Bool,
        ["UINT8"] = DataType.Uint8,
        ["UINT16"] = DataType.Uint16,
        ["UINT32"] = DataType.Uint32,
        ["UINT64"] = DataType.Uint64,
        ["INT8"] = DataType.Int8,
        ["INT16"] = DataType.Int16,
        ["INT32"] = DataType.Int32,
        ["INT64"] = DataType.Int64,
        ["FP16"] = DataType.Fp16,
        ["BF16"] = DataType.Bf16,
        ["FP32"] = DataType.Fp32,
        ["FP64"] = DataType.Fp64,
        ["BYTES"] = DataType.Bytes,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every v2 datatype name, for error messages.</summary>
    public static string KnownNames { get; } = string.Join(", ", ByName.Keys.Order(StringComparer.Ordinal));

    public static bool TryParse(string name, out DataType type) => ByName.TryGetValue(name, out type);

    public static string ToV2Name(this DataType type) => type switch
    {
        DataType.Bool => "BOOL",
        DataType.Uint8 => "UINT8",
        DataType.Uint16 => "UINT16",
        DataType.Uint32 => "UINT32",
        DataType.Uint64 => "UINT64",
        DataType.Int8 => "INT8",
        DataType.Int16 => "INT16",
        DataType.Int32 => "INT32",
        DataType.Int64 => "INT64",
        DataType.Fp16 => "FP16",
        DataType.Bf16 => "BF16",
        DataType.Fp32 => "FP32",
        DataType.Fp64 => "FP64",
        DataType.Bytes => "BYTES",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>Bytes per element in raw contents; 0 for BYTES, whose elements are length-prefixed.</summary>
    public static int ElementSize(this DataType type) => type switch
    {
        DataType.Bool or DataType.Uint8 or DataType.Int8 => 1,
        DataType.Uint16 or DataType.Int16 or DataType.Fp16 or DataType.Bf16 => 2,
        DataType.Uint32 or DataType.Int32 or DataType.Fp32 => 4,
        DataType.Uint64 or DataType.Int64 or DataType.Fp64 => 8,
        DataType.Bytes => 0,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static TensorElementType ToOrt(this DataType type) => type switch
    {
        DataType.Bool => TensorElementType.Bool,
        DataType.Uint8 => TensorElementType.UInt8,
        DataType.Uint16 => TensorElementType.UInt16,
        DataType.Uint32 => TensorElementType.UInt32,
        DataType.Uint64 => TensorElementType.UInt64,
        DataType.Int8 => TensorElementType.Int8,
        DataType.Int16 => TensorElementType.Int16,
        DataType.Int32 => TensorElementType.Int32,
        DataType.Int64 => TensorElementType.Int64,
        DataType.Fp16 => TensorElementType.Float16,
        DataType.Bf16 => TensorElementType.BFloat16,
        DataType.Fp32 => TensorElementType.Float,
        DataType.Fp64 => TensorElementType.Double,
        DataType.Bytes => TensorElementType.String,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>The v2 datatype of an ONNX Runtime element type, or null when v2 has none (e.g. complex).</summary>
    public static DataType? FromOrt(TensorElementType type) => type switch
    {
        TensorElementType.Bool => DataType.Bool,
        TensorElementType.UInt8 => DataType.Uint8,
        TensorElementType.UInt16 => DataType.Uint16,
        TensorElementType.UInt32 => DataType.Uint32,
        TensorElementType.UInt64 => DataType.Uint64,
        TensorElementType.Int8 => DataType.Int8,
        TensorElementType.Int16 => DataType.Int16,
        TensorElementType.Int32 => DataType.Int32,
        TensorElementType.Int64 => DataType.Int64,
        TensorElementType.Float16 => DataType.Fp16,
        TensorElementType.BFloat16 => DataType.Bf16,
        TensorElementType.Float => DataType.Fp32,
        TensorElementType.Double => DataType.Fp64,
        TensorElementType.String => DataType.Bytes,
        _ => null,
    };

    /// <summary>FP16 and BF16 have no typed-contents field: they travel only as raw bytes.</summary>
    public static bool HasTypedContents(this DataType type) => type is not (DataType.Fp16 or DataType.Bf16);
}

namespace EdgeCloud.Shared.Tensors;

/// <summary>The Open Inference Protocol (KServe v2) tensor datatypes.</summary>
public enum DataType
{
    Bool,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    Int8,
    Int16,
    Int32,
    Int64,
    Fp16,
    Bf16,
    Fp32,
    Fp64,
    Bytes,
}

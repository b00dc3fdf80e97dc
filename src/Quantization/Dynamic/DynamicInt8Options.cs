namespace EdgeCloud.Quantization.Dynamic;

/// <summary>How <see cref="DynamicInt8Quantizer"/> quantizes weights.</summary>
public sealed record DynamicInt8Options
{
    /// <summary>One scale per output column of a MatMul weight (true, the default) or one per tensor.</summary>
    public bool PerChannel { get; init; } = true;

    /// <summary>Also store embedding tables (Gather on a constant 2-D table) as int8 with one scale per row. Default true.</summary>
    public bool QuantizeEmbeddings { get; init; } = true;

    /// <summary>Weights with fewer elements stay fp32: the run-time quantization would cost more than it saves. Default 4096.</summary>
    public int MinWeightElements { get; init; } = 4096;
}

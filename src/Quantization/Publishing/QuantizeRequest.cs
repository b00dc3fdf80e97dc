using EdgeCloud.Quantization.Gate;
using EdgeCloud.Quantization.Runtime;
using EdgeCloud.Quantization.Static;

namespace EdgeCloud.Quantization.Publishing;

/// <summary>What to convert, where to publish it, and the accuracy it must keep.</summary>
public sealed record QuantizeRequest
{
    public required string ModelPath { get; init; }

    public required QuantizationMode Mode { get; init; }

    public required string OutputPath { get; init; }

    /// <summary>int8-static: the calibration samples.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, SampleTensor>> Calibration { get; init; } = [];

    /// <summary>The samples the gate compares on; for <c>minilm-cosine</c>, the tokenized evaluation sentences.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, SampleTensor>> Evaluation { get; init; } = [];

    /// <summary>Null: no accuracy gate, only the load-and-run check.</summary>
    public GateSpec? Gate { get; init; }

    public StaticInt8Options Static { get; init; } = new();
}

using EdgeCloud.Quantization.Gate;

namespace EdgeCloud.Quantization.Publishing;

/// <summary>The outcome: what was converted, the gate's verdict, and whether the file was published.</summary>
public sealed record PublishResult(ConversionReport Report, GateResult? Gate, bool Published, long Bytes, long SourceBytes);

using EdgeCloud.Quantization.Onnx;

namespace EdgeCloud.Quantization;

/// <summary>A converted model and what the conversion did.</summary>
public sealed record ConversionResult(ModelProto Model, ConversionReport Report);

namespace EdgeCloud.Quantization;

/// <summary>The conversions this library makes from an fp32 ONNX model.</summary>
public enum QuantizationMode
{
    /// <summary>int8 weights, activations quantized at run time: transformers and other MatMul-heavy models, CPU.</summary>
    Int8Dynamic,

    /// <summary>int8 weights and activations with calibrated ranges, QDQ format: convolutional models, CPU.</summary>
    Int8Static,

    /// <summary>float16 weights and activations with fp32 inputs and outputs: GPUs.</summary>
    Fp16,
}

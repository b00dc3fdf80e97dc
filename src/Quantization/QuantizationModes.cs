namespace EdgeCloud.Quantization;

/// <summary>Command-line names of the modes and the variant each one produces in a model's config.json.</summary>
public static class QuantizationModes
{
    public static IReadOnlyList<string> Names { get; } = ["int8-dynamic", "int8-static", "fp16"];

    public static QuantizationMode Parse(string name) => name switch
    {
        "int8-dynamic" => QuantizationMode.Int8Dynamic,
        "int8-static" => QuantizationMode.Int8Static,
        "fp16" => QuantizationMode.Fp16,
        _ => throw new QuantizationException($"unknown mode '{name}'; expected one of {string.Join(", ", Names)}"),
    };

    /// <summary>The variant id and precision (int8 or fp16).</summary>
    public static string Precision(QuantizationMode mode) => mode == QuantizationMode.Fp16 ? "fp16" : "int8";

    /// <summary>Where the variant is the first choice: int8 on CPUs (ORT's CUDA provider has no QLinear kernels), fp16 on GPUs.</summary>
    public static IReadOnlyList<string> PreferOn(QuantizationMode mode) => mode == QuantizationMode.Fp16 ? ["cuda", "dml"] : ["cpu"];
}

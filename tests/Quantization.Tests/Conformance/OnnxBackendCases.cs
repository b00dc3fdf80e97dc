namespace EdgeCloud.Quantization.Tests.Conformance;

/// <summary>
/// Debian's <c>libonnx-testdata</c>: ONNX's one-operator conformance models with reference inputs and outputs
/// (<c>/usr/share/libonnx-testdata/data/node/{case}/model.onnx</c>, <c>test_data_set_0/{input,output}_K.pb</c>).
/// </summary>
internal static class OnnxBackendCases
{
    public const string Package = "libonnx-testdata";

    public static string Root { get; } = Environment.GetEnvironmentVariable("ONNX_TESTDATA") ?? "/usr/share/libonnx-testdata/data/node";

    /// <summary>The operators the quantizer and fp16 converter emit (and those ORT fuses them into).</summary>
    public static TheoryData<string> EmittedOperators { get; } =
    [
        "test_quantizelinear",
        "test_quantizelinear_axis",
        "test_dequantizelinear",
        "test_dequantizelinear_axis",
        "test_dynamicquantizelinear",
        "test_dynamicquantizelinear_max_adjusted",
        "test_dynamicquantizelinear_min_adjusted",
        "test_dynamicquantizelinear_expanded",
        "test_matmulinteger",
        "test_qlinearmatmul_2D",
        "test_qlinearmatmul_3D",
        "test_qlinearconv",
        "test_convinteger_with_padding",
        "test_convinteger_without_padding",
        "test_basic_convinteger",
        "test_cast_FLOAT_to_FLOAT16",
        "test_cast_FLOAT16_to_FLOAT",
        "test_gather_0",
        "test_mul",
        "test_matmul_2d",
    ];

    public static string Case(string name)
    {
        var directory = Path.Combine(Root, name);
        Assert.True(
            Directory.Exists(directory),
            $"{directory} is missing: install Debian's {Package} package (apt-get install -y {Package}); .ci/run must install it");
        return directory;
    }
}

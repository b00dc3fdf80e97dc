namespace EdgeCloud.Shared.Inference;

/// <summary>The names EdgeCloud uses for ONNX Runtime execution providers.</summary>
public static class ExecutionProviders
{
    public const string Cuda = "cuda";
    public const string DirectML = "dml";
    public const string Cpu = "cpu";

    public static IReadOnlyList<string> Known { get; } = [Cuda, DirectML, Cpu];

    /// <summary>The ONNX Runtime provider name behind one of ours.</summary>
    public static string OrtName(string provider) => provider switch
    {
        Cuda => "CUDAExecutionProvider",
        DirectML => "DmlExecutionProvider",
        Cpu => "CPUExecutionProvider",
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, $"expected one of {string.Join(", ", Known)}"),
    };
}

using System.ComponentModel.DataAnnotations;

namespace EdgeCloud.Shared.Inference;

/// <summary>How ONNX Runtime sessions are made. Bound from <c>Hub:Inference</c> or <c>Agent:Inference</c>.</summary>
public sealed class InferenceOptions
{
    /// <summary>
    /// Execution providers in order of preference: <c>cuda</c>, <c>dml</c>, <c>cpu</c>. Empty (the default) means <c>["cpu"]</c>.
    /// A provider that is not listed is never used: <c>["cuda"]</c> fails at start without a GPU, while
    /// <c>["cuda","cpu"]</c> falls back to the CPU and says so in logs and in each response.
    /// </summary>
    public string[] ExecutionProviders { get; set; } = [];

    /// <summary>The providers to try, in order: <see cref="ExecutionProviders"/>, or cpu when none are configured.</summary>
    public IReadOnlyList<string> Providers => ExecutionProviders.Length > 0 ? ExecutionProviders : [Inference.ExecutionProviders.Cpu];

    /// <summary>Threads inside one operator. Default 1: on small devices several requests in parallel beat one wide one.</summary>
    [Range(0, 256)]
    public int IntraOpThreads { get; set; } = 1;

    /// <summary>Threads across independent operators. Default 1 (sequential execution).</summary>
    [Range(0, 256)]
    public int InterOpThreads { get; set; } = 1;

    /// <summary>The GPU to use with cuda or dml. Default 0.</summary>
    [Range(0, 64)]
    public int DeviceId { get; set; }

    /// <summary>CUDA only: let convolutions run in NHWC (faster for fp16 CNNs). Default false.</summary>
    public bool CudaPreferNhwc { get; set; }

    /// <summary>Run each model once with zeros after loading, so the first request is not slow. Default true.</summary>
    public bool WarmUp { get; set; } = true;

    /// <summary>The most elements one input tensor may hold. Default 64 Mi.</summary>
    [Range(1, long.MaxValue)]
    public long MaxElementsPerTensor { get; set; } = 64L * 1024 * 1024;
}

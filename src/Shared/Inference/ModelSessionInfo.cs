using EdgeCloud.Shared.Tensors;

namespace EdgeCloud.Shared.Inference;

/// <summary>What a loaded model version is: name, version, variant, the provider it runs on and its tensors.</summary>
public sealed record ModelSessionInfo(
    string Name,
    string Version,
    string Variant,
    string ExecutionProvider,
    IReadOnlyList<TensorSpec> Inputs,
    IReadOnlyList<TensorSpec> Outputs);

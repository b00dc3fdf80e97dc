using EdgeCloud.Protocol;
using EdgeCloud.Shared.Inference;

namespace EdgeCloud.CloudHub.Batching;

/// <summary>Runs a (joined) request on one of a model's instances. The seam tests script.</summary>
internal interface IInstanceRunner
{
    ModelSessionInfo Info { get; }

    /// <summary>How many runs may go at once: one per instance.</summary>
    int InstanceCount { get; }

    /// <summary>Runs <paramref name="request"/> on instance <paramref name="instance"/>; throws <see cref="InferenceException"/> on failure.</summary>
    ModelInferResponse Run(int instance, ModelInferRequest request);
}

using EdgeCloud.Protocol;
using EdgeCloud.Shared.Inference;
using EdgeCloud.Shared.Models;

namespace EdgeCloud.CloudHub.Batching;

/// <summary>Runs on a loaded model's ONNX Runtime sessions, one per configured instance.</summary>
internal sealed class SessionInstanceRunner(LoadedModel model) : IInstanceRunner
{
    public ModelSessionInfo Info => model.Info;

    public int InstanceCount => model.Instances.Count;

    public ModelInferResponse Run(int instance, ModelInferRequest request) => model.Instances[instance].Run(request);
}

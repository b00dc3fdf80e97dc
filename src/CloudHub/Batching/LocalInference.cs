using EdgeCloud.Protocol;
using EdgeCloud.Shared.Models;

namespace EdgeCloud.CloudHub.Batching;

/// <summary>Serves a request on a leased local model: through its batcher when it has one, else directly.</summary>
internal sealed class LocalInference(ModelBatchers batchers, DirectRunner direct)
{
    public ValueTask<ModelInferResponse> InferAsync(LoadedModel model, ModelInferRequest request, CancellationToken cancellationToken)
    {
        var deadline = RequestDeadline.From(request);
        return batchers.For(model) is { } batcher
            ? new ValueTask<ModelInferResponse>(batcher.InferAsync(request, deadline, cancellationToken))
            : ValueTask.FromResult(direct.Run(model, request, cancellationToken));
    }
}

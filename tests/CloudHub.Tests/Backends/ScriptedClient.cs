using System.Collections.Concurrent;
using EdgeCloud.Protocol;
using Grpc.Core;

namespace EdgeCloud.CloudHub.Tests.Backends;

/// <summary>A KServe v2 client whose answers a test scripts: a response, or an RpcException with a status code.</summary>
internal sealed class ScriptedClient(string name) : GRPCInferenceService.GRPCInferenceServiceClient
{
    public string Name { get; } = name;

    /// <summary>Answers each call; by default, a response naming this backend in its id.</summary>
    public Func<ModelInferRequest, CallOptions, Task<ModelInferResponse>> Answer { get; set; } = (request, _) =>
        Task.FromResult(new ModelInferResponse { ModelName = request.ModelName, Id = name });

    public ConcurrentQueue<ModelInferRequest> Calls { get; } = new();

    public static Func<ModelInferRequest, CallOptions, Task<ModelInferResponse>> Fails(StatusCode code, string detail = "scripted") =>
        (_, _) => Task.FromException<ModelInferResponse>(new RpcException(new Status(code, detail)));

    public override AsyncUnaryCall<ModelInferResponse> ModelInferAsync(ModelInferRequest request, CallOptions options)
    {
        Calls.Enqueue(request);
        return new AsyncUnaryCall<ModelInferResponse>(
            Answer(request, options), Task.FromResult(new Metadata()), static () => Status.DefaultSuccess, static () => [], static () => { });
    }
}

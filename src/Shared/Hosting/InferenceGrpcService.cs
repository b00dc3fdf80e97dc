using EdgeCloud.Protocol;
using EdgeCloud.Shared.Inference;
using Grpc.Core;

namespace EdgeCloud.Shared.Hosting;

/// <summary>The KServe v2 gRPC service (with Triton's repository and streaming extensions) over an <see cref="IInferenceServer"/>.</summary>
public sealed class InferenceGrpcService(IInferenceServer server) : GRPCInferenceService.GRPCInferenceServiceBase
{
    public override Task<ServerLiveResponse> ServerLive(ServerLiveRequest request, ServerCallContext context) =>
        Task.FromResult(new ServerLiveResponse { Live = true });

    public override Task<ServerReadyResponse> ServerReady(ServerReadyRequest request, ServerCallContext context) =>
        Task.FromResult(new ServerReadyResponse { Ready = server.IsReady });

    public override Task<ModelReadyResponse> ModelReady(ModelReadyRequest request, ServerCallContext context) =>
        Task.FromResult(new ModelReadyResponse { Ready = server.IsModelReady(request.Name, request.Version) });

    public override Task<ServerMetadataResponse> ServerMetadata(ServerMetadataRequest request, ServerCallContext context)
    {
        var response = new ServerMetadataResponse { Name = server.Name, Version = server.Version };
        response.Extensions.AddRange(server.Extensions);
        return Task.FromResult(response);
    }

    public override async Task<ModelMetadataResponse> ModelMetadata(ModelMetadataRequest request, ServerCallContext context)
    {
        try
        {
            return await server.GetModelMetadataAsync(request.Name, request.Version, context.CancellationToken);
        }
        catch (InferenceException ex)
        {
            RpcErrors.Throw(ex);
            return null;
        }
    }

    public override async Task<ModelInferResponse> ModelInfer(ModelInferRequest request, ServerCallContext context)
    {
        try
        {
            return await server.InferAsync(request, context.CancellationToken);
        }
        catch (InferenceException ex)
        {
            RpcErrors.Throw(ex);
            return null;
        }
    }

    public override async Task ModelStreamInfer(
        IAsyncStreamReader<ModelInferRequest> requestStream,
        IServerStreamWriter<ModelStreamInferResponse> responseStream,
        ServerCallContext context)
    {
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            ModelStreamInferResponse reply;
            try
            {
                reply = new ModelStreamInferResponse { InferResponse = await server.InferAsync(request, context.CancellationToken) };
            }
            catch (InferenceException ex)
            {
                // A bad request on a stream answers with an error message and leaves the stream open.
                reply = new ModelStreamInferResponse
                {
                    ErrorMessage = $"{RpcErrors.ToStatusCode(ex.Code)}: {ex.Message}",
                    InferResponse = new ModelInferResponse { ModelName = request.ModelName, Id = request.Id },
                };
            }

            await responseStream.WriteAsync(reply, context.CancellationToken);
        }
    }

    public override Task<RepositoryIndexResponse> RepositoryIndex(RepositoryIndexRequest request, ServerCallContext context)
    {
        var response = new RepositoryIndexResponse();
        foreach (var entry in server.RepositoryIndex(request.Ready))
        {
            response.Models.Add(new RepositoryIndexResponse.Types.ModelIndex
            {
                Name = entry.Name, Version = entry.Version, State = entry.State, Reason = entry.Reason,
            });
        }

        return Task.FromResult(response);
    }

    public override async Task<RepositoryModelLoadResponse> RepositoryModelLoad(RepositoryModelLoadRequest request, ServerCallContext context)
    {
        try
        {
            await server.LoadModelAsync(request.ModelName, context.CancellationToken);
            return new RepositoryModelLoadResponse();
        }
        catch (InferenceException ex)
        {
            RpcErrors.Throw(ex);
            return null;
        }
    }

    public override async Task<RepositoryModelUnloadResponse> RepositoryModelUnload(RepositoryModelUnloadRequest request, ServerCallContext context)
    {
        try
        {
            await server.UnloadModelAsync(request.ModelName, context.CancellationToken);
            return new RepositoryModelUnloadResponse();
        }
        catch (InferenceException ex)
        {
            RpcErrors.Throw(ex);
            return null;
        }
    }
}

using System.Text.Json;
using EdgeCloud.Protocol;
using EdgeCloud.Shared.Inference;
using EdgeCloud.Shared.Protocol.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EdgeCloud.Shared.Hosting;

/// <summary>The KServe v2 REST API (HTTP/1.1, JSON) over an <see cref="IInferenceServer"/>.</summary>
public static class V2RestEndpoints
{
    public static IEndpointRouteBuilder MapV2Rest(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/v2/health/live", () => Results.Ok());
        endpoints.MapGet("/v2/health/ready", (IInferenceServer s) => s.IsReady ? Results.Ok() : Results.StatusCode(503));
        endpoints.MapGet("/v2", (IInferenceServer s) =>
            Results.Json(new V2ServerMetadata(s.Name, s.Version, s.Extensions), V2JsonContext.Relaxed.V2ServerMetadata));
        endpoints.MapPost("/v2/repository/index", (IInferenceServer s) =>
            Results.Json(
                s.RepositoryIndex(readyOnly: false).Select(e => new V2RepositoryEntry(e.Name, e.Version, e.State, e.Reason)).ToArray(),
                V2JsonContext.Relaxed.V2RepositoryEntryArray));

        foreach (var prefix in new[] { "/v2/models/{model}", "/v2/models/{model}/versions/{version}" })
        {
            endpoints.MapGet(prefix, (HttpContext http, IInferenceServer s, string model, string? version) => MetadataAsync(http, s, model, version));
            endpoints.MapGet(prefix + "/ready", (IInferenceServer s, string model, string? version) =>
                s.IsModelReady(model, version) ? Results.Ok() : Results.StatusCode(503));
            endpoints.MapPost(prefix + "/infer", InferAsync);
        }

        return endpoints;
    }

    private static async Task<IResult> MetadataAsync(HttpContext http, IInferenceServer server, string model, string? version)
    {
        try
        {
            var m = await server.GetModelMetadataAsync(model, version, http.RequestAborted);
            return Results.Json(
                new V2ModelMetadata(m.Name, [.. m.Versions], m.Platform, Tensors(m.Inputs), Tensors(m.Outputs)),
                V2JsonContext.Relaxed.V2ModelMetadata);
        }
        catch (InferenceException ex)
        {
            return HttpErrors.ToResult(ex);
        }
    }

    private const int MaxPresizeBytes = 1024 * 1024;

    private static async Task<IResult> InferAsync(HttpContext http, IInferenceServer server, string model, string? version)
    {
        try
        {
            using var body = new MemoryStream(InitialCapacity(http));
            await http.Request.Body.CopyToAsync(body, http.RequestAborted);
            var bytes = body.GetBuffer().AsMemory(0, (int)body.Length);
            ModelInferRequest request;
            V2BinaryOutputs binaryOutputs;
            try
            {
                var jsonLength = V2BinaryBody.JsonLength(http.Request.Headers, bytes.Length);
                request = V2JsonRequestReader.Read(bytes.Span[..jsonLength], bytes[jsonLength..], model, version, out binaryOutputs);
            }
            catch (InferenceException) when (!server.IsModelReady(model, version))
            {
                // A bad body for a model that is not here: the unknown model is the error to report (404).
                // Checked only after a failed read, so a valid request (e.g. one to defer) never waits on it.
                await server.GetModelMetadataAsync(model, version, http.RequestAborted);
                throw;
            }
            var response = await server.InferAsync(request, http.RequestAborted);
            return new InferResult(response, binaryOutputs);
        }
        catch (InferenceException ex)
        {
            return HttpErrors.ToResult(ex);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Results.Json(
                new V2Error($"the request body is larger than the limit: {ex.Message}"), V2JsonContext.Relaxed.V2Error, statusCode: 413);
        }
    }

    /// <summary>
    /// The declared body length, so a body the size of most requests is read without regrowing the buffer; at most
    /// 1 MiB, because a declared length costs the client nothing until it sends the bytes.
    /// </summary>
    private static int InitialCapacity(HttpContext http) =>
        http.Request.ContentLength is { } declared ? (int)Math.Min(declared, MaxPresizeBytes) : 0;

    private static List<V2TensorMetadata> Tensors(IEnumerable<ModelMetadataResponse.Types.TensorMetadata> tensors) =>
        [.. tensors.Select(t => new V2TensorMetadata(t.Name, t.Datatype, [.. t.Shape]))];

    private sealed class InferResult(ModelInferResponse response, V2BinaryOutputs binaryOutputs) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            if (binaryOutputs.Any)
            {
                await V2BinaryBody.WriteAsync(httpContext, response, binaryOutputs);
                return;
            }

            httpContext.Response.ContentType = "application/json";
            await using var writer = new Utf8JsonWriter(httpContext.Response.BodyWriter);
            V2JsonResponseWriter.Write(writer, response);
            await writer.FlushAsync(httpContext.RequestAborted);
        }
    }
}

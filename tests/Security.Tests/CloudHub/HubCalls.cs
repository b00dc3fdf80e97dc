using System.Net.Http.Json;
using EdgeCloud.Events;
using EdgeCloud.Fleet.Protocol;
using EdgeCloud.Protocol;
using EdgeCloud.Security.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Health.V1;

namespace EdgeCloud.Security.Tests.CloudHub;

/// <summary>
/// Every gRPC method and REST endpoint of the hub, each with the role the design gives it (null: anonymous).
/// This table is the specification the matrix test holds the hub to.
/// </summary>
public static class HubCalls
{
    public static readonly IReadOnlyDictionary<string, (string? Role, Func<SecureHub, string?, Task<Outcome>> Call)> All =
        new Dictionary<string, (string?, Func<SecureHub, string?, Task<Outcome>>)>(StringComparer.Ordinal)
        {
            ["grpc ServerLive"] = (null, (h, k) => Grpc(h, k, (c, m) => c.ServerLiveAsync(new ServerLiveRequest(), m).ResponseAsync)),
            ["grpc health Check"] = (null, (h, k) => Raw(h, k, (ch, m) => new Health.HealthClient(ch).CheckAsync(new HealthCheckRequest(), m).ResponseAsync)),
            ["grpc ServerReady"] = ("infer", (h, k) => Grpc(h, k, (c, m) => c.ServerReadyAsync(new ServerReadyRequest(), m).ResponseAsync)),
            ["grpc ModelReady"] = ("infer", (h, k) => Grpc(h, k, (c, m) => c.ModelReadyAsync(new ModelReadyRequest { Name = SecureHub.Model }, m).ResponseAsync)),
            ["grpc ServerMetadata"] = ("infer", (h, k) => Grpc(h, k, (c, m) => c.ServerMetadataAsync(new ServerMetadataRequest(), m).ResponseAsync)),
            ["grpc ModelMetadata"] = ("infer", (h, k) => Grpc(h, k, (c, m) => c.ModelMetadataAsync(new ModelMetadataRequest { Name = SecureHub.Model }, m).ResponseAsync)),
            ["grpc ModelInfer"] = ("infer", (h, k) => Grpc(h, k, (c, m) => c.ModelInferAsync(new ModelInferRequest { ModelName = SecureHub.Model }, m).ResponseAsync)),
            ["grpc ModelStreamInfer"] = ("infer", (h, k) => Grpc(h, k, (c, m) => StreamAsync(c, m))),
            ["grpc RepositoryIndex"] = ("admin", (h, k) => Grpc(h, k, (c, m) => c.RepositoryIndexAsync(new RepositoryIndexRequest(), m).ResponseAsync)),
            ["grpc RepositoryModelLoad"] = ("admin", (h, k) => Grpc(h, k, (c, m) => c.RepositoryModelLoadAsync(new RepositoryModelLoadRequest { ModelName = "no-such-model" }, m).ResponseAsync)),
            ["grpc RepositoryModelUnload"] = ("admin", (h, k) => Grpc(h, k, (c, m) => c.RepositoryModelUnloadAsync(new RepositoryModelUnloadRequest { ModelName = "no-such-model" }, m).ResponseAsync)),
            ["grpc EventIngest.Publish"] = ("device", (h, k) => Raw(h, k, (ch, m) => new EventIngest.EventIngestClient(ch).PublishAsync(new PublishRequest(), m).ResponseAsync)),
            ["grpc ModelDistribution.DownloadFile"] = ("device", (h, k) => Raw(h, k, (ch, m) => DownloadAsync(ch, m))),
            ["GET /v2/health/live"] = (null, (h, k) => Rest(h, k, HttpMethod.Get, "/v2/health/live")),
            ["GET /v2/health/ready"] = ("infer", (h, k) => Rest(h, k, HttpMethod.Get, "/v2/health/ready")),
            ["GET /v2"] = ("infer", (h, k) => Rest(h, k, HttpMethod.Get, "/v2")),
            ["GET /v2/models/{m}"] = ("infer", (h, k) => Rest(h, k, HttpMethod.Get, $"/v2/models/{SecureHub.Model}")),
            ["GET /v2/models/{m}/versions/1"] = ("infer", (h, k) => Rest(h, k, HttpMethod.Get, $"/v2/models/{SecureHub.Model}/versions/1")),
            ["GET /v2/models/{m}/ready"] = ("infer", (h, k) => Rest(h, k, HttpMethod.Get, $"/v2/models/{SecureHub.Model}/ready")),
            ["POST /v2/models/{m}/infer"] = ("infer", (h, k) => Rest(h, k, HttpMethod.Post, $"/v2/models/{SecureHub.Model}/infer", "{\"inputs\":[]}")),
            ["POST /v2/repository/index"] = ("admin", (h, k) => Rest(h, k, HttpMethod.Post, "/v2/repository/index", "{}")),
            ["GET /metrics"] = ("admin", (h, k) => Rest(h, k, HttpMethod.Get, "/metrics")),
            ["GET /admin/v1/keys"] = ("admin", (h, k) => Rest(h, k, HttpMethod.Get, "/admin/v1/keys")),
            ["GET /admin/v1/audit"] = ("admin", (h, k) => Rest(h, k, HttpMethod.Get, "/admin/v1/audit")),
            ["GET /admin/v1/devices"] = ("admin", (h, k) => Rest(h, k, HttpMethod.Get, "/admin/v1/devices")),
            ["GET /admin/v1/models"] = ("admin", (h, k) => Rest(h, k, HttpMethod.Get, "/admin/v1/models")),
            ["POST /admin/v1/devices (enroll)"] = ("admin", (h, k) => Rest(h, k, HttpMethod.Post, "/admin/v1/devices", "{\"id\":\"matrix-" + Guid.NewGuid().ToString("N")[..8] + "\"}")),
            ["POST /admin/v1/rollouts"] = ("admin", (h, k) => Rest(h, k, HttpMethod.Post, "/admin/v1/rollouts", "{}")),
            ["GET /admin/v1/unknown (deny by default)"] = ("admin", (h, k) => Rest(h, k, HttpMethod.Get, "/admin/v1/unknown")),
            ["GET /not-mapped (deny by default)"] = ("admin", (h, k) => Rest(h, k, HttpMethod.Get, "/not-mapped")),
        };

    private static Task<Outcome> Grpc(SecureHub hub, string? key, Func<GRPCInferenceService.GRPCInferenceServiceClient, Metadata, Task> call) =>
        Raw(hub, key, (channel, metadata) => call(new GRPCInferenceService.GRPCInferenceServiceClient(channel), metadata));

    private static async Task<Outcome> Raw(SecureHub hub, string? key, Func<Grpc.Net.Client.GrpcChannel, Metadata, Task> call)
    {
        using var channel = hub.Channel();
        return await Outcomes.OfGrpcAsync(() => call(channel, SecureHub.ApiKey(key)));
    }

    private static async Task<Outcome> Rest(SecureHub hub, string? key, HttpMethod method, string path, string? json = null)
    {
        using var http = hub.Http(key);
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return Outcomes.Of(response.StatusCode);
    }

    private static async Task StreamAsync(GRPCInferenceService.GRPCInferenceServiceClient client, Metadata metadata)
    {
        using var call = client.ModelStreamInfer(metadata);
        try
        {
            await call.RequestStream.WriteAsync(new ModelInferRequest { ModelName = SecureHub.Model });
            await call.RequestStream.CompleteAsync();
        }
        catch (Exception ex) when (ex is InvalidOperationException or RpcException or IOException)
        {
            // The server refused the call without reading its body, racing this write (the call already complete, or the
            // stream reset under the write): the verdict is the status the server sent, read below, not the write's error.
        }

        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
        }

        if (call.GetStatus().StatusCode != StatusCode.OK)
        {
            throw new RpcException(call.GetStatus());
        }
    }

    private static async Task DownloadAsync(Grpc.Net.Client.GrpcChannel channel, Metadata metadata)
    {
        using var call = new ModelDistribution.ModelDistributionClient(channel).DownloadFile(
            new DownloadFileRequest { Name = "no-such-model", Version = "1", File = "model.onnx" }, metadata);
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
        }
    }
}

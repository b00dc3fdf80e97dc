using System.Net;
using EdgeCloud.Protocol;
using Grpc.Net.Client;

namespace EdgeCloud.Bench.Hosting;

/// <summary>
/// The bench's connections to the hub, made once and reused by every call: one gRPC channel
/// (HTTP/2 over cleartext) and one keep-alive HTTP/1.1 client.
/// </summary>
internal sealed class HubClients : IDisposable
{
    private readonly GrpcChannel _channel;

    public HubClients(Uri grpcAddress, Uri httpAddress)
    {
        HttpAddress = httpAddress;
        _channel = GrpcChannel.ForAddress(grpcAddress, new GrpcChannelOptions
        {
            MaxReceiveMessageSize = null,
            HttpHandler = new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = Timeout.InfiniteTimeSpan },
        });
        Grpc = new GRPCInferenceService.GRPCInferenceServiceClient(_channel);
        Http = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            AutomaticDecompression = DecompressionMethods.None,
        })
        {
            DefaultRequestVersion = HttpVersion.Version11,
        };
    }

    public GRPCInferenceService.GRPCInferenceServiceClient Grpc { get; }

    public HttpClient Http { get; }

    public Uri HttpAddress { get; }

    public Uri InferUri(string model) => new(HttpAddress, $"/v2/models/{Uri.EscapeDataString(model)}/infer");

    public Uri LiveUri => new(HttpAddress, "/v2/health/live");

    public Uri MetricsUri => new(HttpAddress, "/metrics");

    public void Dispose()
    {
        Http.Dispose();
        _channel.Dispose();
    }
}

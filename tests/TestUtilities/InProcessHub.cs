using EdgeCloud.CloudHub;
using EdgeCloud.Protocol;
using EdgeCloud.Shared.Hosting;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EdgeCloud.TestUtilities;

/// <summary>A real CloudHub on free loopback ports in this process, with its models loaded.</summary>
public sealed class InProcessHub : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessHub(WebApplication app, int grpcPort, int httpPort)
    {
        _app = app;
        GrpcPort = grpcPort;
        HttpPort = httpPort;
        Channel = GrpcChannel.ForAddress(GrpcAddress);
        Client = new GRPCInferenceService.GRPCInferenceServiceClient(Channel);
        Http = new HttpClient { BaseAddress = new Uri(HttpAddress) };
    }

    public int GrpcPort { get; }

    public int HttpPort { get; }

    public string GrpcAddress => $"http://127.0.0.1:{GrpcPort}";

    public string HttpAddress => $"http://127.0.0.1:{HttpPort}";

    public GrpcChannel Channel { get; }

    public GRPCInferenceService.GRPCInferenceServiceClient Client { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a hub over <paramref name="repository"/> loading <paramref name="models"/>, plus any extra settings.</summary>
    public static async Task<InProcessHub> StartAsync(string repository, string[] models, IDictionary<string, string?>? settings = null)
    {
        var grpcPort = FreePort.Next();
        var httpPort = FreePort.Next();
        var args = new List<string>
        {
            $"--Hub:GrpcPort={grpcPort}",
            $"--Hub:HttpPort={httpPort}",
            $"--Hub:ModelRepository={repository}",
            $"--Hub:Mqtt:Port={FreePort.Next()}",
            $"--Hub:DataDir={Path.Combine(Path.GetTempPath(), "edgecloud-hub-" + Guid.NewGuid().ToString("N"))}",
        };
        args.AddRange(models.Select((m, i) => $"--Hub:LoadModels:{i}={m}"));
        args.AddRange((settings ?? new Dictionary<string, string?>()).Select(kv => $"--{kv.Key}={kv.Value}"));

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [.. args], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddCloudHub();
        var app = builder.Build();
        app.MapCloudHub();
        await app.StartAsync();
        await app.Services.GetRequiredService<ModelStoreStartup>().Loaded;
        return new InProcessHub(app, grpcPort, httpPort);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

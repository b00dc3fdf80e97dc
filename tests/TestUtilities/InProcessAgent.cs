using EdgeCloud.EdgeAgent;
using EdgeCloud.Protocol;
using EdgeCloud.Shared.Hosting;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EdgeCloud.TestUtilities;

/// <summary>A real EdgeAgent on free loopback ports in this process, with its models loaded.</summary>
public sealed class InProcessAgent : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessAgent(WebApplication app, int grpcPort, int httpPort)
    {
        _app = app;
        GrpcPort = grpcPort;
        HttpPort = httpPort;
        Channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");
        Client = new GRPCInferenceService.GRPCInferenceServiceClient(Channel);
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
    }

    public int GrpcPort { get; }

    public int HttpPort { get; }

    public GrpcChannel Channel { get; }

    public GRPCInferenceService.GRPCInferenceServiceClient Client { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Starts an agent keeping its data in <paramref name="dataDir"/>, seeded from <paramref name="seedRepository"/>,
    /// linked to <paramref name="cloudEndpoint"/> (empty for none), with extra settings and an optional clock.
    /// </summary>
    public static async Task<InProcessAgent> StartAsync(
        string dataDir, string seedRepository, string cloudEndpoint, IDictionary<string, string?>? settings = null, TimeProvider? timeProvider = null)
    {
        var grpcPort = FreePort.Next();
        var httpPort = FreePort.Next();
        var args = new List<string>
        {
            $"--Agent:GrpcPort={grpcPort}",
            $"--Agent:HttpPort={httpPort}",
            $"--Agent:DataDir={dataDir}",
            $"--Agent:ModelRepository={seedRepository}",
            $"--Agent:Cloud:Endpoint={cloudEndpoint}",
        };
        args.AddRange((settings ?? new Dictionary<string, string?>()).Select(kv => $"--{kv.Key}={kv.Value}"));

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [.. args], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (timeProvider is not null)
        {
            builder.Services.AddSingleton(timeProvider);
        }

        builder.AddEdgeAgent();
        var app = builder.Build();
        app.MapEdgeAgent();
        await app.StartAsync();
        await app.Services.GetRequiredService<ModelStoreStartup>().Loaded;
        return new InProcessAgent(app, grpcPort, httpPort);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

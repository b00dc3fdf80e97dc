using System.Globalization;
using EdgeCloud.CloudHub;
using EdgeCloud.Protocol;
using EdgeCloud.Shared.Hosting;
using EdgeCloud.TestUtilities;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EdgeCloud.Security.Tests.Infrastructure;

/// <summary>
/// A real hub on free loopback ports with <c>Hub:Security:Enabled=true</c>, a bootstrap admin key, ocr-cls
/// loaded, every log line captured, and an optional clock.
/// </summary>
public sealed class SecureHub : IAsyncDisposable
{
    public const string Model = "ocr-cls";
    private readonly WebApplication _app;

    private SecureHub(WebApplication app, int grpcPort, int httpPort, string dataDir, CapturingLoggerProvider logs, string scheme)
    {
        _app = app;
        GrpcPort = grpcPort;
        HttpPort = httpPort;
        DataDir = dataDir;
        Logs = logs;
        GrpcAddress = $"{scheme}://127.0.0.1:{grpcPort}";
        HttpAddress = $"{scheme}://127.0.0.1:{httpPort}";
    }

    /// <summary>The bootstrap admin key every secure hub in these tests starts with.</summary>
    public static string BootstrapKey { get; } = "bootstrap-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));

    public int GrpcPort { get; }

    public int HttpPort { get; }

    public string GrpcAddress { get; }

    public string HttpAddress { get; }

    public string DataDir { get; }

    public CapturingLoggerProvider Logs { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<SecureHub> StartAsync(IDictionary<string, string?>? settings = null, TimeProvider? time = null, string scheme = "http")
    {
        var root = Directory.CreateTempSubdirectory("edgecloud-sec-").FullName;
        var repository = Path.Combine(root, "repo");
        TestModels.CopyModel(Model, repository);
        var grpcPort = FreePort.Next();
        var httpPort = FreePort.Next();
        var dataDir = Path.Combine(root, "data");
        var all = new Dictionary<string, string?>
        {
            ["Hub:GrpcPort"] = grpcPort.ToString(CultureInfo.InvariantCulture),
            ["Hub:HttpPort"] = httpPort.ToString(CultureInfo.InvariantCulture),
            ["Hub:ModelRepository"] = repository,
            ["Hub:LoadModels:0"] = Model,
            ["Hub:Mqtt:Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Hub:DataDir"] = dataDir,
            ["Hub:Security:Enabled"] = "true",
            ["Hub:Security:BootstrapAdminKey"] = BootstrapKey,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var logs = new CapturingLoggerProvider();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [.. all.Select(kv => $"--{kv.Key}={kv.Value}")],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(logs);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.AddCloudHub();
        var app = builder.Build();
        app.MapCloudHub();
        await app.StartAsync();
        await app.Services.GetRequiredService<ModelStoreStartup>().Loaded;
        return new SecureHub(app, grpcPort, httpPort, dataDir, logs, scheme);
    }

    public GrpcChannel Channel(HttpMessageHandler? handler = null) =>
        GrpcChannel.ForAddress(GrpcAddress, new GrpcChannelOptions { HttpHandler = handler ?? new SocketsHttpHandler() });

    public HttpClient Http(string? apiKey = null, HttpMessageHandler? handler = null)
    {
        var client = new HttpClient(handler ?? new SocketsHttpHandler()) { BaseAddress = new Uri(HttpAddress) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("x-api-key", apiKey);
        }

        return client;
    }

    public static Metadata ApiKey(string? key) => key is null ? [] : new Metadata { { "x-api-key", key } };

    public GRPCInferenceService.GRPCInferenceServiceClient Client(GrpcChannel channel) => new(channel);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

using System.Net;
using System.Net.Sockets;
using EdgeCloud.CloudHub;
using EdgeCloud.EdgeAgent;
using Microsoft.AspNetCore.Builder;

namespace EdgeCloud.Bench.Outbox;

/// <summary>An in-process hub (events only: an empty model repository) and agent (no models, no hub) on free loopback ports.</summary>
internal static class OutboxRigs
{
    public static async Task<(WebApplication App, string GrpcAddress)> StartHubAsync(string workDir)
    {
        var repository = Directory.CreateDirectory(Path.Combine(workDir, "hub-repo")).FullName;
        var grpcPort = FreePort();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args =
            [
                $"--Hub:GrpcPort={grpcPort}",
                $"--Hub:HttpPort={FreePort()}",
                $"--Hub:Mqtt:Port={FreePort()}",
                $"--Hub:DataDir={Path.Combine(workDir, "hub-data")}",
                $"--Hub:ModelRepository={repository}",
                "--Logging:LogLevel:Default=Warning",
            ],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.AddCloudHub();
        var app = builder.Build();
        app.MapCloudHub();
        await app.StartAsync();
        return (app, $"http://127.0.0.1:{grpcPort}");
    }

    public static async Task<(WebApplication App, Uri HttpAddress)> StartAgentAsync(string workDir)
    {
        var httpPort = FreePort();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args =
            [
                $"--Agent:HttpPort={httpPort}",
                $"--Agent:GrpcPort={FreePort()}",
                $"--Agent:DataDir={Path.Combine(workDir, "agent-data")}",
                "--Agent:Outbox:MaxBytes=8589934592",
                "--Logging:LogLevel:Default=Warning",
            ],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.AddEdgeAgent();
        var app = builder.Build();
        app.MapEdgeAgent();
        await app.StartAsync();
        return (app, new Uri($"http://127.0.0.1:{httpPort}"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Diagnostics;
using EdgeCloud.Protocol;
using Grpc.Net.Client;

namespace EdgeCloud.Bench.Hosting;

/// <summary>
/// The bare gRPC reference server (bench/EdgeCloud.BareGrpc) as a child process around one model file,
/// with a reused channel to it; killed on dispose.
/// </summary>
internal sealed class BareGrpcProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly GrpcChannel _channel;

    private BareGrpcProcess(Process process, int port)
    {
        _process = process;
        _channel = GrpcChannel.ForAddress(new Uri($"http://127.0.0.1:{port}"), new GrpcChannelOptions
        {
            MaxReceiveMessageSize = null,
            HttpHandler = new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = Timeout.InfiniteTimeSpan },
        });
        Client = new GRPCInferenceService.GRPCInferenceServiceClient(_channel);
    }

    public GRPCInferenceService.GRPCInferenceServiceClient Client { get; }

    public int ProcessId => _process.Id;

    public static string? DllBesideBench()
    {
        var bin = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", ".."));
        var dll = Path.Combine(bin, "EdgeCloud.BareGrpc", "release", "EdgeCloud.BareGrpc.dll");
        return File.Exists(dll) ? dll : null;
    }

    public static async Task<BareGrpcProcess> StartAsync(
        string dotnetHost, string dll, string modelFile, int intraOpThreads, int interOpThreads, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var port = TestUtilities.FreePort.Next();
        var start = new ProcessStartInfo(dotnetHost)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        foreach (var arg in new[] { dll, "--port", $"{port}", "--model", modelFile, "--intra-op", $"{intraOpThreads}", "--inter-op", $"{interOpThreads}" })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {dll}");
        var bare = new BareGrpcProcess(process, port);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            if (line is null || !line.StartsWith("listening", StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"the bare gRPC server did not start (first line: {line ?? "none"}): {await process.StandardError.ReadToEndAsync(cancellationToken)}");
            }

            return bare;
        }
        catch
        {
            await bare.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}

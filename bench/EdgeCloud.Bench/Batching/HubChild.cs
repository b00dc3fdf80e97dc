using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EdgeCloud.Protocol;
using EdgeCloud.TestUtilities;
using Grpc.Net.Client;

namespace EdgeCloud.Bench.Batching;

/// <summary>A CloudHub child process on free loopback ports, ready when <c>/v2/health/ready</c> answers 200; killed on dispose.</summary>
internal sealed partial class HubChild : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataDir;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly GrpcChannel _channel;
    private readonly List<string> _output = [];

    private HubChild(Process process, int grpcPort, int httpPort, string dataDir, string commandLine)
    {
        _process = process;
        _dataDir = dataDir;
        CommandLine = commandLine;
        HttpAddress = new Uri($"http://127.0.0.1:{httpPort}");
        _channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}", new GrpcChannelOptions
        {
            MaxReceiveMessageSize = null,
            HttpHandler = new SocketsHttpHandler { UseProxy = false, EnableMultipleHttp2Connections = true, PooledConnectionLifetime = Timeout.InfiniteTimeSpan },
        });
        Client = new GRPCInferenceService.GRPCInferenceServiceClient(_channel);
    }

    public GRPCInferenceService.GRPCInferenceServiceClient Client { get; }

    public Uri HttpAddress { get; }

    public string CommandLine { get; }

    public static async Task<HubChild> StartAsync(
        string hub, string repository, string model, bool batching, int intraOp, IEnumerable<string>? extraArguments = null)
    {
        if (!File.Exists(hub))
        {
            throw new FileNotFoundException($"CloudHub not found at {hub}; build it in Release with the same --artifacts-path, or pass its path (--hub-dll / --hub)", hub);
        }

        var (grpc, http, mqtt) = (FreePort.Next(), FreePort.Next(), FreePort.Next());
        var dataDir = Directory.CreateTempSubdirectory("edgecloud-bench-hub-").FullName;

        // A framework-dependent build runs as `dotnet EdgeCloud.CloudHub.dll`; a self-contained publish (the GPU machine has no dotnet) runs its own executable.
        var runsOnDotnet = hub.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var start = new ProcessStartInfo(runsOnDotnet ? "dotnet" : hub) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        if (runsOnDotnet)
        {
            start.ArgumentList.Add(hub);
        }

        foreach (var arg in new[]
        {
            $"--Hub:GrpcPort={grpc}", $"--Hub:HttpPort={http}", $"--Hub:Mqtt:Port={mqtt}", $"--Hub:DataDir={dataDir}",
            $"--Hub:ModelRepository={repository}", $"--Hub:LoadModels:0={model}", $"--Hub:Inference:IntraOpThreads={intraOp}",
            "--Hub:Inference:InterOpThreads=1", $"--Hub:Batching:Enabled={batching}", "--Logging:LogLevel:Default=Warning",
        }.Concat(extraArguments ?? []))
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        var child = new HubChild(process, grpc, http, dataDir, $"{start.FileName} {string.Join(' ', start.ArgumentList)}");
        process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await child.WaitReadyAsync();
        return child;
    }

    /// <summary>Sum and count of the batch-size histogram for <paramref name="model"/> (zero when unbatched).</summary>
    public async Task<(double Sum, double Count)> BatchSizeAsync(string model)
    {
        var text = await _http.GetStringAsync(new Uri(HttpAddress, "/metrics"));
        double Read(string name) => Sample().Matches(text)
            .Where(m => m.Groups["name"].Value == name && m.Groups["labels"].Value.Contains($"model=\"{model}\"", StringComparison.Ordinal))
            .Select(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture))
            .FirstOrDefault();
        return (Read("edgecloud_hub_batch_size_sum"), Read("edgecloud_hub_batch_size_count"));
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_dataDir, recursive: true);
    }

    private async Task WaitReadyAsync()
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < TimeSpan.FromMinutes(3))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the hub exited with code {_process.ExitCode}:{Environment.NewLine}{RecentOutput()}");
            }

            try
            {
                using var response = await _http.GetAsync(new Uri(HttpAddress, "/v2/health/ready"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                // Live but not ready: a model whose load failed is UNAVAILABLE with its reason (one not tried yet says
                // "not loaded"), and with strict readiness the hub stays unready, so stop now rather than at the timeout.
                if (await UnavailableModelsAsync() is { Length: > 0 } failed)
                {
                    throw new InvalidOperationException($"the hub could not load its model: {failed}");
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or busy loading.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        throw new TimeoutException($"the hub was not ready within 3 minutes:{Environment.NewLine}{RecentOutput()}");
    }

    private async Task<string> UnavailableModelsAsync()
    {
        using var response = await _http.PostAsync(new Uri(HttpAddress, "/v2/repository/index"), content: null);
        if (!response.IsSuccessStatusCode || JsonNode.Parse(await response.Content.ReadAsStringAsync()) is not JsonArray index)
        {
            return "";
        }

        return string.Join("; ", index
            .Where(e => e?["state"]?.GetValue<string>() == "UNAVAILABLE" && e["reason"]?.GetValue<string>() is { } reason && reason != "not loaded")
            .Select(e => $"{e!["name"]}: {e["reason"]}"));
    }

    private string RecentOutput()
    {
        lock (_output)
        {
            return string.Join(Environment.NewLine, _output);
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
            if (_output.Count > 40)
            {
                _output.RemoveAt(0);
            }
        }
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)\{(?<labels>[^}]*)\} (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex Sample();
}

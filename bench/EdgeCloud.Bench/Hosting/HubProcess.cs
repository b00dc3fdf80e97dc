using System.Collections.Concurrent;
using System.Diagnostics;

namespace EdgeCloud.Bench.Hosting;

/// <summary>
/// The CloudHub as a child process on free loopback ports: started, awaited until
/// <c>/v2/health/ready</c> answers 200, and killed (with its tree) on dispose.
/// Its console output is drained continuously and the last lines kept for error messages.
/// </summary>
internal sealed class HubProcess : IAsyncDisposable
{
    private const int KeptLines = 40;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lastLines = new();
    private readonly string _dataDir;
    private bool _disposed;

    private HubProcess(Process process, int grpcPort, int httpPort, string dataDir)
    {
        _process = process;
        _dataDir = dataDir;
        GrpcAddress = new Uri($"http://127.0.0.1:{grpcPort}");
        HttpAddress = new Uri($"http://127.0.0.1:{httpPort}");
    }

    public Uri GrpcAddress { get; }

    public Uri HttpAddress { get; }

    public int ProcessId => _process.Id;

    public string CommandLine { get; private set; } = "";

    public static async Task<HubProcess> StartAsync(HubLaunch launch, CancellationToken cancellationToken)
    {
        if (!File.Exists(launch.HubDll))
        {
            throw new FileNotFoundException(
                $"CloudHub not found at {launch.HubDll}; build it with 'dotnet build src/CloudHub -c Release' or pass --hub-dll", launch.HubDll);
        }

        var dataDir = Directory.CreateTempSubdirectory("edgecloud-bench-hub-").FullName;
        var start = new ProcessStartInfo(launch.DotnetHost)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(launch.HubDll)!,
        };
        foreach (var (key, value) in launch.Environment)
        {
            start.Environment[key] = value;
        }

        var (grpcPort, httpPort, mqttPort) = (TestUtilities.FreePort.Next(), TestUtilities.FreePort.Next(), TestUtilities.FreePort.Next());
        foreach (var arg in launch.Arguments(grpcPort, httpPort, mqttPort, dataDir))
        {
            start.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = start };
        var hub = new HubProcess(process, grpcPort, httpPort, dataDir)
        {
            CommandLine = string.Join(' ', launch.Environment.Select(e => $"{e.Key}={e.Value}").Append(launch.DotnetHost).Concat(start.ArgumentList)),
        };
        process.OutputDataReceived += (_, e) => hub.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => hub.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await hub.WaitReadyAsync(launch.ReadyTimeout, cancellationToken);
            return hub;
        }
        catch
        {
            await hub.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // Killed but not yet reaped: nothing more to do.
            }
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private async Task WaitReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var ready = new Uri(HttpAddress, "/v2/health/ready");
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"the hub exited with code {_process.ExitCode} before it was ready; its last output:{Environment.NewLine}{LastOutput()}");
            }

            try
            {
                using var response = await http.GetAsync(ready, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The probe timed out; the hub is busy loading.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }

        throw new TimeoutException($"the hub was not ready at {ready} within {timeout.TotalSeconds:0} s; its last output:{Environment.NewLine}{LastOutput()}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _lastLines.Enqueue(line);
        while (_lastLines.Count > KeptLines && _lastLines.TryDequeue(out _))
        {
        }
    }

    private string LastOutput() => string.Join(Environment.NewLine, _lastLines);
}

using System.Diagnostics;
using System.Globalization;

namespace EdgeCloud.Bench.FleetFanout;

/// <summary>
/// The simulated agents in a child process (this bench run as <c>fleet-swarm</c>), talked to over its stdin and
/// stdout (<see cref="SwarmProtocol"/>); its stderr is passed on. Each process stays under the fd limit at 10,000 agents.
/// </summary>
internal sealed class SwarmProcess : IAsyncDisposable
{
    private readonly Process _process;

    private SwarmProcess(Process process, int connected, TimeSpan connectTime) => (_process, Connected, ConnectTime) = (process, connected, connectTime);

    public int Connected { get; }

    public TimeSpan ConnectTime { get; }

    /// <summary>The CPU time the swarm process has used so far (user + system).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<SwarmProcess> StartAsync(FanoutFleet fleet, int port, int connectBatch, CancellationToken cancellationToken)
    {
        var start = SelfStart();
        foreach (var arg in (string[])["fleet-swarm", port.ToString(CultureInfo.InvariantCulture), fleet.Name, fleet.Group, connectBatch.ToString(CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("fleet-swarm did not start");
        process.ErrorDataReceived += static (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                Console.Error.WriteLine($"  swarm: {line}");
            }
        };
        process.BeginErrorReadLine();
        try
        {
            foreach (var (id, secret) in fleet.Devices)
            {
                await process.StandardInput.WriteLineAsync($"{id} {secret}".AsMemory(), cancellationToken);
            }

            await process.StandardInput.WriteLineAsync(ReadOnlyMemory<char>.Empty, cancellationToken);
            await process.StandardInput.FlushAsync(cancellationToken);
            var (connected, took) = SwarmProtocol.ParseConnected(await ReadLineAsync(process, cancellationToken));
            return new SwarmProcess(process, connected, took);
        }
        catch
        {
            process.Kill();
            process.Dispose();
            throw;
        }
    }

    /// <summary>Desired versions the agents have taken, when the latest was, and reports the broker did not acknowledge, so far.</summary>
    public async Task<SwarmCounters> CountersAsync(CancellationToken cancellationToken)
    {
        await _process.StandardInput.WriteLineAsync(SwarmProtocol.CountersRequest.AsMemory(), cancellationToken);
        await _process.StandardInput.FlushAsync(cancellationToken);
        return SwarmProtocol.ParseCounters(await ReadLineAsync(_process, cancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _process.StandardInput.WriteLineAsync(SwarmProtocol.Quit);
            _process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static async Task<string> ReadLineAsync(Process process, CancellationToken cancellationToken) =>
        await process.StandardOutput.ReadLineAsync(cancellationToken)
            ?? throw new InvalidOperationException($"fleet-swarm ended early (exit code {(process.HasExited ? process.ExitCode : -1)})");

    /// <summary>This bench again: its apphost, or <c>dotnet EdgeCloud.Bench.dll</c> when it was started through the dotnet host.</summary>
    private static ProcessStartInfo SelfStart()
    {
        var path = Environment.ProcessPath ?? throw new InvalidOperationException("cannot tell this process's executable");
        var start = new ProcessStartInfo(path) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["DOTNET_gcServer"] = "0"; // the simulated devices keep the bench's workstation GC, whatever the hub's process was given
        if (Path.GetFileNameWithoutExtension(path) == "dotnet")
        {
            start.ArgumentList.Add(typeof(SwarmProcess).Assembly.Location);
        }

        return start;
    }
}

using System.Diagnostics;
using System.Net.Sockets;

namespace EdgeCloud.TestUtilities.Mosquitto;

/// <summary>
/// A real mosquitto (Debian's) on a free loopback port with a config written by <see cref="MosquittoConfig"/>,
/// for the fleet tests and the fan-out bench. Its error and warning log lines go to <c>log</c>, when given.
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private MosquittoBroker(Process process, string folder, int port) => (_process, _folder, Port) = (process, folder, port);

    public int Port { get; }

    /// <summary>The CPU time mosquitto has used so far (user + system).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<MosquittoBroker> StartAsync(MosquittoConfig config, Action<string>? log = null)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("mosquitto runs here on Linux (Debian's mosquitto)");
        }

        var mosquitto = Find("mosquitto");
        var folder = Directory.CreateTempSubdirectory("edgecloud-mosquitto-").FullName;

        // mosquitto started as root drops to the 'mosquitto' user, which must read its files.
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var port = FreePort.Next();
        var file = await config.WriteAsync(folder, port, Find("mosquitto_passwd"));
        var process = Process.Start(new ProcessStartInfo(mosquitto, ["-c", file]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                log?.Invoke(line);
            }
        };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        await WaitForPortAsync(port, process);
        return new MosquittoBroker(process, folder, port);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static string Find(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Concat(["/usr/sbin", "/usr/bin", "/usr/local/sbin"]))
        {
            var path = Path.Combine(dir, name);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new InvalidOperationException(
            $"'{name}' was not found on PATH or in /usr/sbin: the mosquitto fleet tests need Debian's mosquitto (apt-get install mosquitto; .ci/run installs it).");
    }

    private static async Task WaitForPortAsync(int port, Process process)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(30))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"mosquitto exited with code {process.ExitCode} at start");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(20);
            }
        }

        throw new TimeoutException($"mosquitto did not listen on port {port} within 30 s");
    }
}

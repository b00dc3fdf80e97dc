using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace EdgeCloud.Bench.FleetFanout;

/// <summary>
/// Debian's mosquitto on a free loopback port with a generated config as in the fleet tests (password file
/// hashed by mosquitto_passwd, per-device ACL), with queue and in-flight limits raised for a fan-out.
/// </summary>
internal sealed class MosquittoProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private MosquittoProcess(Process process, string folder, int port) => (_process, _folder, Port) = (process, folder, port);

    public int Port { get; }

    public static async Task<MosquittoProcess> StartAsync(string hubPassword, FanoutFleet fleet)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("fleet-fanout --broker mosquitto runs on Linux (Debian's mosquitto)");
        }

        var folder = Directory.CreateTempSubdirectory("edgecloud-fanout-mosquitto-").FullName;
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101); // mosquitto started as root drops to its own user
        var port = Hosting.FreePort.Next(1)[0];
        var passwords = new StringBuilder($"hub:{hubPassword}\n");
        var acl = new StringBuilder("pattern write edgecloud/v1/+/devices/%u/reported\npattern write edgecloud/v1/+/devices/%u/state\npattern read edgecloud/v1/+/devices/%u/#\n\nuser hub\ntopic readwrite edgecloud/v1/#\n\n");
        foreach (var (id, secret) in fleet.Devices)
        {
            passwords.Append(id).Append(':').Append(secret).Append('\n');
            acl.Append($"user {id}\ntopic read edgecloud/v1/{fleet.Name}/groups/{fleet.Group}/desired\n\n");
        }

        var passwd = Path.Combine(folder, "passwd");
        await File.WriteAllTextAsync(passwd, passwords.ToString());
        await File.WriteAllTextAsync(Path.Combine(folder, "acl"), acl.ToString());
        using (var hash = Process.Start(new ProcessStartInfo("/usr/bin/mosquitto_passwd", ["-U", passwd]) { RedirectStandardError = true })!)
        {
            await hash.WaitForExitAsync();
            if (hash.ExitCode != 0)
            {
                throw new InvalidOperationException($"mosquitto_passwd -U failed: {await hash.StandardError.ReadToEndAsync()}");
            }
        }

        var config = Path.Combine(folder, "mosquitto.conf");
        await File.WriteAllTextAsync(config, $"""
            listener {port} 127.0.0.1
            max_connections -1
            allow_anonymous false
            password_file {passwd}
            acl_file {Path.Combine(folder, "acl")}
            persistence false
            max_queued_messages 1000000
            max_queued_bytes 0
            max_inflight_messages 0
            max_inflight_bytes 0
            set_tcp_nodelay true
            log_dest stderr
            log_type error
            log_type warning

            """);
        var process = Process.Start(new ProcessStartInfo("/usr/sbin/mosquitto", ["-c", config]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        process.ErrorDataReceived += static (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                Console.Error.WriteLine($"  mosquitto: {line}");
            }
        };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        await WaitForPortAsync(port, process);
        return new MosquittoProcess(process, folder, port);
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

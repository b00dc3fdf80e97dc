using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using EdgeCloud.TestUtilities;

namespace EdgeCloud.Fleet.Tests.Infrastructure;

/// <summary>
/// A real mosquitto on a free loopback port with a generated config: no anonymous access, a password
/// file (hashed by mosquitto_passwd) and an ACL that holds each device to its own subtree and its groups'
/// desired topics, and gives the hub full access.
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private MosquittoBroker(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public static async Task<MosquittoBroker> StartAsync(string hubPassword, IReadOnlyList<(string Id, string Secret, string[] Groups)> devices, string fleet = "default")
    {
        var mosquitto = Find("mosquitto");
        var passwd = Find("mosquitto_passwd");
        var folder = Directory.CreateTempSubdirectory("edgecloud-mosquitto-").FullName;

        // mosquitto started as root drops to the 'mosquitto' user, which must read its files.
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("the mosquitto fleet tests run on Linux (Debian's mosquitto)");
        }

        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var port = FreePort.Next();
        var passwords = new StringBuilder($"hub:{hubPassword}\n");
        var acl = new StringBuilder("""
            pattern write edgecloud/v1/+/devices/%u/state
            pattern write edgecloud/v1/+/devices/%u/reported
            pattern write edgecloud/v1/+/devices/%u/telemetry
            pattern write edgecloud/v1/+/devices/%u/events
            pattern write edgecloud/v1/+/devices/%u/cmd/result
            pattern read edgecloud/v1/+/devices/%u/#

            user hub
            topic readwrite edgecloud/v1/#

            """);
        foreach (var (id, secret, groups) in devices)
        {
            passwords.Append(id).Append(':').Append(secret).Append('\n');
            acl.Append("user ").Append(id).Append('\n');
            foreach (var group in groups)
            {
                acl.Append($"topic read edgecloud/v1/{fleet}/groups/{group}/desired\n");
                acl.Append($"topic read edgecloud/v1/{fleet}/groups/{group}/desired/patch\n");
            }

            acl.Append('\n');
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "passwd"), passwords.ToString());
        await File.WriteAllTextAsync(Path.Combine(folder, "acl"), acl.ToString());
        using (var hash = Process.Start(new ProcessStartInfo(passwd, ["-U", Path.Combine(folder, "passwd")]) { RedirectStandardError = true })!)
        {
            await hash.WaitForExitAsync();
            if (hash.ExitCode != 0)
            {
                throw new InvalidOperationException($"mosquitto_passwd -U failed: {await hash.StandardError.ReadToEndAsync()}");
            }
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "mosquitto.conf"), $"""
            listener {port} 127.0.0.1
            allow_anonymous false
            password_file {Path.Combine(folder, "passwd")}
            acl_file {Path.Combine(folder, "acl")}
            persistence false
            max_queued_messages 100000
            max_inflight_messages 0
            log_dest stderr
            log_type error
            log_type warning

            """);
        var process = Process.Start(new ProcessStartInfo(mosquitto, ["-c", Path.Combine(folder, "mosquitto.conf")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        process.ErrorDataReceived += static (_, _) => { };
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
        while (Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(10))
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

        throw new TimeoutException($"mosquitto did not listen on port {port} within 10 s");
    }
}

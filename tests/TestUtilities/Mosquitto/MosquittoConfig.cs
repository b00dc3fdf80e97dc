using System.Diagnostics;
using System.Text;

namespace EdgeCloud.TestUtilities.Mosquitto;

/// <summary>
/// Writes a mosquitto configuration into a folder: no anonymous access, a password file (hashed by
/// <c>mosquitto_passwd -U</c>) and an ACL that holds each device to its own subtree and its groups' desired
/// topics and gives the hub full access; queue and in-flight limits raised (<paramref name="MaxQueuedMessages"/>).
/// </summary>
public sealed record MosquittoConfig(string HubPassword, IReadOnlyList<(string Id, string Secret, string[] Groups)> Devices, string Fleet = "default", int MaxQueuedMessages = 100_000)
{
    private const string DeviceRules = """
        pattern write edgecloud/v1/+/devices/%u/state
        pattern write edgecloud/v1/+/devices/%u/reported
        pattern write edgecloud/v1/+/devices/%u/telemetry
        pattern write edgecloud/v1/+/devices/%u/events
        pattern write edgecloud/v1/+/devices/%u/cmd/result
        pattern read edgecloud/v1/+/devices/%u/#

        user hub
        topic readwrite edgecloud/v1/#

        """;

    /// <summary>Writes passwd, acl and mosquitto.conf (listening on 127.0.0.1:<paramref name="port"/>); returns the config's path.</summary>
    public async Task<string> WriteAsync(string folder, int port, string passwdTool)
    {
        var passwords = new StringBuilder($"hub:{HubPassword}\n");
        var acl = new StringBuilder(DeviceRules);
        foreach (var (id, secret, groups) in Devices)
        {
            passwords.Append(id).Append(':').Append(secret).Append('\n');
            acl.Append("user ").Append(id).Append('\n');
            foreach (var group in groups)
            {
                acl.Append($"topic read edgecloud/v1/{Fleet}/groups/{group}/desired\n");
                acl.Append($"topic read edgecloud/v1/{Fleet}/groups/{group}/desired/patch\n");
            }

            acl.Append('\n');
        }

        var passwd = Path.Combine(folder, "passwd");
        var aclFile = Path.Combine(folder, "acl");
        await File.WriteAllTextAsync(passwd, passwords.ToString());
        await File.WriteAllTextAsync(aclFile, acl.ToString());
        await HashAsync(passwdTool, passwd);

        var config = Path.Combine(folder, "mosquitto.conf");
        await File.WriteAllTextAsync(config, $"""
            listener {port} 127.0.0.1
            max_connections -1
            allow_anonymous false
            password_file {passwd}
            acl_file {aclFile}
            persistence false
            max_queued_messages {MaxQueuedMessages}
            max_queued_bytes 0
            max_inflight_messages 0
            max_inflight_bytes 0
            set_tcp_nodelay true
            log_dest stderr
            log_type error
            log_type warning

            """);
        return config;
    }

    private static async Task HashAsync(string passwdTool, string passwd)
    {
        using var hash = Process.Start(new ProcessStartInfo(passwdTool, ["-U", passwd]) { RedirectStandardError = true })!;
        var error = hash.StandardError.ReadToEndAsync();
        await hash.WaitForExitAsync();
        if (hash.ExitCode != 0)
        {
            throw new InvalidOperationException($"mosquitto_passwd -U failed: {await error}");
        }
    }
}

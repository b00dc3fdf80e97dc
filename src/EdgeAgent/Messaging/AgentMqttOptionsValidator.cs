using System.Net;
using Microsoft.Extensions.Options;

namespace EdgeCloud.EdgeAgent.Messaging;

/// <summary>
/// The agent's MQTT transport rules: no plaintext MQTT (the device secret in the clear) to a broker off this machine,
/// nor plaintext model downloads (the same secret) from a hub off this machine, unless <c>Agent:Mqtt:AllowPlaintext</c>;
/// and a CA file that exists and is used with TLS.
/// </summary>
internal sealed class AgentMqttOptionsValidator : IValidateOptions<AgentMqttOptions>
{
    public ValidateOptionsResult Validate(string? name, AgentMqttOptions options)
    {
        var errors = new List<string>();
        if (options.Host.Length > 0 && !options.UseTls && !options.AllowPlaintext && !IsLoopback(options.Host))
        {
            errors.Add(
                $"Agent:Mqtt:Host: {options.Host} is off this machine and the link would be plaintext (the device secret in the clear); " +
                "set Agent:Mqtt:UseTls=true (with Agent:Mqtt:CaCertificatePath for a private CA) or Agent:Mqtt:AllowPlaintext=true on a trusted network");
        }

        if (Uri.TryCreate(options.DownloadEndpoint, UriKind.Absolute, out var download) && download.Scheme == Uri.UriSchemeHttp
            && !options.AllowPlaintext && !IsLoopback(download.Host))
        {
            errors.Add(
                $"Agent:Mqtt:DownloadEndpoint: {options.DownloadEndpoint} is plaintext to a host off this machine (the device credential in the clear); " +
                "use https:// (the CA in Agent:Cloud:CaCertificatePath) or set Agent:Mqtt:AllowPlaintext=true on a trusted network");
        }

        if (options.CaCertificatePath.Length > 0)
        {
            if (!options.UseTls)
            {
                errors.Add("Agent:Mqtt:CaCertificatePath is set but Agent:Mqtt:UseTls is false; set Agent:Mqtt:UseTls=true");
            }

            if (!File.Exists(options.CaCertificatePath))
            {
                errors.Add($"Agent:Mqtt:CaCertificatePath: '{Path.GetFullPath(options.CaCertificatePath)}' does not exist");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}

using System.Net;
using Microsoft.Extensions.Options;

namespace EdgeCloud.CloudHub.Fleet;

/// <summary>
/// The embedded broker's transport rules: <c>Hub:Mqtt:Tls</c> files exist and go together, and devices' secrets never
/// cross the network in plaintext unless <c>Hub:Mqtt:AllowPlaintext</c> says so.
/// </summary>
internal sealed class FleetBrokerTlsValidator : IValidateOptions<HubOptions>
{
    public ValidateOptionsResult Validate(string? name, HubOptions options)
    {
        var mqtt = options.Mqtt;
        if (!mqtt.Embedded)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        var tls = mqtt.Tls;
        if (tls.CertificatePath.Length > 0 != tls.KeyPath.Length > 0)
        {
            errors.Add("Hub:Mqtt:Tls:CertificatePath and Hub:Mqtt:Tls:KeyPath go together");
        }

        Exists("Hub:Mqtt:Tls:CertificatePath", tls.CertificatePath, errors);
        Exists("Hub:Mqtt:Tls:KeyPath", tls.KeyPath, errors);
        if (tls.Port is < 0 or > 65535)
        {
            errors.Add($"Hub:Mqtt:Tls:Port: {tls.Port} is not a port (0-65535)");
        }
        else if (tls.IsEnabled && tls.Port != 0 && tls.Port == mqtt.Port)
        {
            errors.Add($"Hub:Mqtt:Tls:Port and Hub:Mqtt:Port are both {tls.Port}; they must differ");
        }

        if (IPAddress.TryParse(options.BindAddress, out var bind) && !IPAddress.IsLoopback(bind) && !tls.IsEnabled && !mqtt.AllowPlaintext)
        {
            errors.Add(
                $"Hub:Mqtt:Tls: the embedded MQTT broker would take plaintext MQTT (device secrets in the clear) on {options.BindAddress}; " +
                "set Hub:Mqtt:Tls:CertificatePath and Hub:Mqtt:Tls:KeyPath, or Hub:Mqtt:AllowPlaintext=true on a trusted network");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Exists(string key, string path, List<string> errors)
    {
        if (path.Length > 0 && !File.Exists(path))
        {
            errors.Add($"{key}: '{Path.GetFullPath(path)}' does not exist");
        }
    }
}

using System.Net;

namespace EdgeCloud.Shared.Options;

/// <summary>
/// The start-up rule for listen addresses: an IP address, and loopback unless authentication is on
/// (<paramref name="authenticated"/>) or unauthenticated remote access is explicitly allowed.
/// </summary>
public static class BindAddressRule
{
    public static void Check(string key, string address, bool allowUnauthenticatedRemote, string allowKey, List<string> errors, bool authenticated = false)
    {
        if (!IPAddress.TryParse(address, out var ip))
        {
            errors.Add($"{key}: expected an IP address such as 127.0.0.1, got '{address}'");
        }
        else if (!IPAddress.IsLoopback(ip) && !allowUnauthenticatedRemote && !authenticated)
        {
            errors.Add(
                $"{key}: {address} is not a loopback address and no authentication is configured; " +
                $"refusing to serve inference to the network unauthenticated (set {allowKey}=true only on a trusted network)");
        }
    }
}

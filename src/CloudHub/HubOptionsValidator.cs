using System.Net;
using Microsoft.Extensions.Options;

namespace EdgeCloud.CloudHub;

/// <summary>Cross-field rules for <see cref="HubOptions"/>, every failure in one message naming the key.</summary>
internal sealed class HubOptionsValidator : IValidateOptions<HubOptions>
{
    public ValidateOptionsResult Validate(string? name, HubOptions options)
    {
        var errors = new List<string>();
        if (!IPAddress.TryParse(options.BindAddress, out var address))
        {
            errors.Add($"Hub:BindAddress: expected an IP address such as 127.0.0.1, got '{options.BindAddress}'");
        }
        else if (!IPAddress.IsLoopback(address) && !options.AllowUnauthenticatedRemote)
        {
            errors.Add(
                $"Hub:BindAddress: {options.BindAddress} is not a loopback address and no authentication is configured; " +
                "refusing to serve inference to the network unauthenticated (set Hub:AllowUnauthenticatedRemote=true only on a trusted network)");
        }

        if (options.GrpcPort != 0 && options.GrpcPort == options.HttpPort)
        {
            errors.Add($"Hub:GrpcPort and Hub:HttpPort are both {options.GrpcPort}; they must differ");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

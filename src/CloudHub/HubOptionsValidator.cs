using EdgeCloud.Shared.Options;
using Microsoft.Extensions.Options;

namespace EdgeCloud.CloudHub;

/// <summary>Cross-field rules for <see cref="HubOptions"/>, every failure in one message naming the key.</summary>
internal sealed class HubOptionsValidator : IValidateOptions<HubOptions>
{
    public ValidateOptionsResult Validate(string? name, HubOptions options)
    {
        var errors = new List<string>();
        BindAddressRule.Check("Hub:BindAddress", options.BindAddress, options.AllowUnauthenticatedRemote, "Hub:AllowUnauthenticatedRemote", errors, options.Security.Enabled);
        if (options.GrpcPort != 0 && options.GrpcPort == options.HttpPort)
        {
            errors.Add($"Hub:GrpcPort and Hub:HttpPort are both {options.GrpcPort}; they must differ");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

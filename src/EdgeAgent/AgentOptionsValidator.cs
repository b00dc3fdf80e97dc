using EdgeCloud.Shared.Options;
using Microsoft.Extensions.Options;

namespace EdgeCloud.EdgeAgent;

/// <summary>Cross-field rules for <see cref="AgentOptions"/>, every failure in one message naming the key.</summary>
internal sealed class AgentOptionsValidator : IValidateOptions<AgentOptions>
{
    public ValidateOptionsResult Validate(string? name, AgentOptions options)
    {
        var errors = new List<string>();
        BindAddressRule.Check("Agent:BindAddress", options.BindAddress, options.AllowUnauthenticatedRemote, "Agent:AllowUnauthenticatedRemote", errors, options.Security.ApiKeyHashes.Length > 0);
        if (options.GrpcPort != 0 && options.GrpcPort == options.HttpPort)
        {
            errors.Add($"Agent:GrpcPort and Agent:HttpPort are both {options.GrpcPort}; they must differ");
        }

        if (options.Cloud.Endpoint.Length > 0
            && (!Uri.TryCreate(options.Cloud.Endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            errors.Add($"Agent:Cloud:Endpoint: expected an http:// or https:// address such as http://127.0.0.1:8001, got '{options.Cloud.Endpoint}'");
        }

        var cloud = options.Cloud;
        if (cloud.HedgeAfter < TimeSpan.Zero || (cloud.IsHedging && cloud.HedgeAfter >= cloud.AttemptTimeout))
        {
            // A hedge at or after the attempt timeout could never fire before the plain fallback does.
            errors.Add($"Agent:Cloud:HedgeAfter: expected 00:00:00 (hedging off) or a time shorter than Agent:Cloud:AttemptTimeout ({cloud.AttemptTimeout:c}), got {cloud.HedgeAfter:c}");
        }

        if (cloud.HedgeQuantile > 0 && !cloud.IsHedging)
        {
            errors.Add($"Agent:Cloud:HedgeQuantile: {cloud.HedgeQuantile} needs hedging on: Agent:Cloud:HedgeAfter is its ceiling and is 00:00:00 (off)");
        }

        if (cloud.HedgeQuantile > 0 && cloud.IsHedging && cloud.HedgeAfterMin > cloud.HedgeAfter)
        {
            errors.Add($"Agent:Cloud:HedgeAfterMin: expected at most Agent:Cloud:HedgeAfter ({cloud.HedgeAfter:c}), the latest a quantile hedge may wait, got {cloud.HedgeAfterMin:c} (its default is 20 ms: set it lower with a HedgeAfter that short)");
        }

        if (!string.IsNullOrEmpty(options.ModelRepository) && !Directory.Exists(options.ModelRepository))
        {
            errors.Add($"Agent:ModelRepository: the folder '{Path.GetFullPath(options.ModelRepository)}' does not exist");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

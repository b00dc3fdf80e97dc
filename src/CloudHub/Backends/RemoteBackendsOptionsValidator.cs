using System.ComponentModel.DataAnnotations;
using EdgeCloud.Routing.LoadBalancing;
using Microsoft.Extensions.Options;

namespace EdgeCloud.CloudHub.Backends;

/// <summary>Checks every model's backends, naming each wrong key; all errors in one message.</summary>
internal sealed class RemoteBackendsOptionsValidator(IBackendPolicyRegistry policies) : IValidateOptions<RemoteBackendsOptions>
{
    public ValidateOptionsResult Validate(string? name, RemoteBackendsOptions options)
    {
        var errors = new List<string>();
        foreach (var (model, remote) in options)
        {
            var key = $"{RemoteBackendsOptions.Section}:{model}";
            Annotations(remote, key, errors);
            if (!policies.TryGet(remote.Policy, out _))
            {
                errors.Add($"{key}:Policy is '{remote.Policy}'; expected one of {string.Join(", ", policies.Names.Order(StringComparer.Ordinal))}");
            }

            if (remote.Endpoints.Count == 0)
            {
                errors.Add($"{key}:Endpoints is empty; list at least one endpoint (e.g. {key}:Endpoints:0:Address=http://10.0.0.5:8001)");
            }

            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < remote.Endpoints.Count; i++)
            {
                var endpoint = remote.Endpoints[i];
                var endpointKey = $"{key}:Endpoints:{i}";
                Annotations(endpoint, endpointKey, errors);
                if (!Uri.TryCreate(endpoint.Address, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                {
                    errors.Add($"{endpointKey}:Address is '{endpoint.Address}'; expected an absolute http:// or https:// address such as http://10.0.0.5:8001");
                }
                else if (!seen.Add(endpoint.Address))
                {
                    errors.Add($"{endpointKey}:Address '{endpoint.Address}' is listed twice");
                }
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Annotations(object instance, string key, List<string> errors)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(instance, new ValidationContext(instance), results, validateAllProperties: true))
        {
            errors.AddRange(results.Select(r => $"{key}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
        }
    }
}

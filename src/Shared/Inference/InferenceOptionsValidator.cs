using Microsoft.Extensions.Options;

namespace EdgeCloud.Shared.Inference;

/// <summary>Rejects unknown or repeated provider names, listing every problem in one message.</summary>
public sealed class InferenceOptionsValidator : IValidateOptions<InferenceOptions>
{
    public ValidateOptionsResult Validate(string? name, InferenceOptions options)
    {
        var errors = new List<string>();
        foreach (var provider in options.ExecutionProviders)
        {
            if (!ExecutionProviders.Known.Contains(provider))
            {
                errors.Add($"Inference:ExecutionProviders: '{provider}' is not a provider; expected one of {string.Join(", ", ExecutionProviders.Known)}");
            }
        }

        if (options.ExecutionProviders.Distinct(StringComparer.Ordinal).Count() != options.ExecutionProviders.Length)
        {
            errors.Add("Inference:ExecutionProviders: each provider may appear once");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

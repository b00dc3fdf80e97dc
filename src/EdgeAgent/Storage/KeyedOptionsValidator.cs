using Microsoft.Extensions.Options;

namespace EdgeCloud.EdgeAgent.Storage;

/// <summary>
/// Runs a source-generated DataAnnotations validator and names each failure by its configuration
/// key (<c>Agent:Cache:MaxBytes</c>) instead of its type and property (<c>ResultCacheOptions.MaxBytes</c>),
/// so a bad value stops the process with a message an operator can act on. The generated
/// <c>[Range]</c> copy ignores <c>ErrorMessage</c>, hence the rewrite.
/// </summary>
internal sealed class KeyedOptionsValidator<TOptions>(IValidateOptions<TOptions> inner, string section) : IValidateOptions<TOptions>
    where TOptions : class
{
    private readonly string _typePrefix = typeof(TOptions).Name + ".";
    private readonly string _keyPrefix = section + ":";

    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var result = inner.Validate(name, options);
        return result.Failed
            ? ValidateOptionsResult.Fail(result.Failures.Select(f => f.Replace(_typePrefix, _keyPrefix, StringComparison.Ordinal)))
            : result;
    }
}

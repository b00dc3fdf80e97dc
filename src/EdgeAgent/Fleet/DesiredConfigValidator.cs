using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using EdgeCloud.EdgeAgent.Cache;
using EdgeCloud.Routing.Edge;
using Microsoft.Extensions.Options;

namespace EdgeCloud.EdgeAgent.Fleet;

/// <summary>
/// Checks a desired <c>config</c> before it is applied: only known sections, every value binds to its
/// option type without unknown keys, and passes the same validation as start-up. Reports which accepted
/// keys take effect only after a restart (their consumers read options once).
/// </summary>
internal sealed class DesiredConfigValidator(
    IConfiguration configuration,
    IEnumerable<IValidateOptions<EdgeRouteOptions>> routeValidators,
    IEnumerable<IValidateOptions<ResultCacheOptions>> cacheValidators)
{
    private static readonly string[] RestartSections = ["Agent:Cache", "Agent:Cloud"];
    private static readonly BinderOptions Strict = new() { ErrorOnUnknownConfiguration = true };

    /// <summary>Null when valid; otherwise every problem in one message.</summary>
    public string? Validate(JsonObject? config, out IReadOnlyList<string> restartRequired)
    {
        restartRequired = [];
        var errors = new List<string>();
        foreach (var (section, _) in config ?? [])
        {
            if (!FleetConfigurationSource.Sections.ContainsKey(section))
            {
                errors.Add($"unknown section '{section}'; allowed: {string.Join(", ", FleetConfigurationSource.Sections.Keys)}");
            }
        }

        var data = FleetConfigurationSource.Flatten(config);
        var candidate = new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(data).Build();
        Check<EdgeRouteOptions>(candidate, "Agent:Routing", routeValidators, errors);
        Check<ResultCacheOptions>(candidate, "Agent:Cache", cacheValidators, errors);
        Check<CloudLinkOptions>(candidate, "Agent:Cloud", [], errors);
        foreach (var (key, value) in data.Where(kv => kv.Key.StartsWith("Logging:LogLevel:", StringComparison.OrdinalIgnoreCase)))
        {
            if (!Enum.TryParse<LogLevel>(value, ignoreCase: true, out _))
            {
                errors.Add($"{key}: '{value}' is not a log level (Trace, Debug, Information, Warning, Error, Critical, None)");
            }
        }

        restartRequired = [.. data.Keys.Where(k => RestartSections.Any(s => k.StartsWith(s + ":", StringComparison.OrdinalIgnoreCase))).Order(StringComparer.Ordinal)];
        return errors.Count == 0 ? null : string.Join("; ", errors);
    }

    private static void Check<T>(IConfiguration candidate, string section, IEnumerable<IValidateOptions<T>> validators, List<string> errors)
        where T : class, new()
    {
        var options = new T();
        try
        {
            candidate.GetSection(section).Bind(options, o => o.ErrorOnUnknownConfiguration = Strict.ErrorOnUnknownConfiguration);
        }
        catch (InvalidOperationException ex)
        {
            errors.Add($"{section}: {ex.Message}");
            return;
        }

        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            errors.AddRange(results.Select(r => $"{section}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
        }

        foreach (var validator in validators)
        {
            var result = validator.Validate(Options.DefaultName, options);
            if (result.Failed)
            {
                errors.AddRange(result.Failures);
            }
        }
    }
}

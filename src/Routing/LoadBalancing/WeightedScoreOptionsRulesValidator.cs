using Microsoft.Extensions.Options;

namespace EdgeCloud.Routing.LoadBalancing;

/// <summary>The cross-field rules of <see cref="WeightedScoreOptions"/>.</summary>
internal sealed class WeightedScoreOptionsRulesValidator : IValidateOptions<WeightedScoreOptions>
{
    public ValidateOptionsResult Validate(string? name, WeightedScoreOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        var sum = options.GpuUtilizationWeight + options.GpuMemoryWeight + options.GpuTemperatureWeight
            + options.QueueLengthWeight + options.ModelLoadedWeight + options.NetworkRttWeight + options.HistoryWeight;
        if (sum <= 0)
        {
            builder.AddError("At least one weight must be positive.", nameof(WeightedScoreOptions));
        }

        if (options.TemperatureCeilingC <= options.TemperatureFloorC)
        {
            builder.AddError("Must exceed TemperatureFloorC.", nameof(WeightedScoreOptions.TemperatureCeilingC));
        }

        return builder.Build();
    }
}

using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EdgeCloud.CloudHub.Batching;

/// <summary>Registers the hub's local execution: dynamic batchers and model instances.</summary>
internal static class BatchingServiceCollectionExtensions
{
    public static IServiceCollection AddHubBatching(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<BatchingOptions>()
            .BindConfiguration(BatchingOptions.Section)
            .ValidateDataAnnotations();
        services.TryAddSingleton<ModelBatchers>();
        services.TryAddSingleton<DirectRunner>();
        services.TryAddSingleton<LocalInference>();
        return services;
    }
}

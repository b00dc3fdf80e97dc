using EdgeCloud.EdgeAgent.Cache;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeCloud.EdgeAgent.Storage;

/// <summary>Registers the agent's SQLite database and the result cache stored in it.</summary>
public static class EdgeStorageServiceCollectionExtensions
{
    /// <summary>
    /// Adds the agent database (<c>{Agent:DataDir}/agent.db</c>, opened at host start) and
    /// <see cref="IResultCache"/> (options from <c>Agent:Cache</c>), both validated at start-up.
    /// Uses the registered <see cref="TimeProvider"/> (the system clock when none). Safe to call twice.
    /// </summary>
    public static IServiceCollection AddEdgeStorage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(static d => d.ServiceType == typeof(EdgeStorageMarker)))
        {
            return services;
        }

        services.AddSingleton<EdgeStorageMarker>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptionsWithValidateOnStart<EdgeStorageOptions>().BindConfiguration(EdgeStorageOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EdgeStorageOptions>>(
            new KeyedOptionsValidator<EdgeStorageOptions>(new EdgeStorageOptionsValidator(), EdgeStorageOptions.SectionName)));
        services.AddOptionsWithValidateOnStart<ResultCacheOptions>().BindConfiguration(ResultCacheOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ResultCacheOptions>>(
            new KeyedOptionsValidator<ResultCacheOptions>(new ResultCacheOptionsValidator(), ResultCacheOptions.SectionName)));

        services.TryAddSingleton(static sp => EdgeDatabase.Open(
            sp.GetRequiredService<IOptions<EdgeStorageOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<EdgeDatabase>>()));
        services.TryAddSingleton<SqliteResultCache>();
        services.TryAddSingleton<IResultCache>(static sp => sp.GetRequiredService<SqliteResultCache>());
        services.AddHostedService<EdgeStorageStartup>();
        return services;
    }

    private sealed class EdgeStorageMarker;
}

using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;

namespace EdgeCloud.CloudHub.Metrics;

/// <summary>Registers the hub's meter with OpenTelemetry and maps the Prometheus scrape endpoint.</summary>
internal static class HubMetricsExtensions
{
    public const string ScrapePath = "/metrics";

    public static IServiceCollection AddHubMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<HubMetrics>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(HubMetrics.MeterName)
            // .NET's own runtime meter: GC collections and pause time, heap size, thread pool queue, lock contention.
            .AddMeter("System.Runtime")
            // Scrapes are rare and cheap; a cached answer would hide the requests of the last 300 ms.
            .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        return services;
    }

    /// <summary>Maps <c>/metrics</c>; the gRPC port speaks HTTP/2 only, so scrapers reach it on <c>Hub:HttpPort</c>.</summary>
    public static WebApplication MapHubMetrics(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint(ScrapePath);
        return app;
    }
}

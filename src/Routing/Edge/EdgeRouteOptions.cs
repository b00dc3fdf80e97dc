using System.ComponentModel.DataAnnotations;

namespace EdgeCloud.Routing.Edge;

/// <summary>Options of <see cref="IEdgeRoutePolicy"/> and <see cref="ILatencyEstimator"/>.</summary>
public sealed class EdgeRouteOptions
{
    /// <summary>
    /// An estimated cost above this makes a request heavy, and heavy requests prefer the cloud.
    /// Default 50,000,000 (e.g. input elements × model cost factor).
    /// </summary>
    [Range(0.0, double.MaxValue)]
    public double HeavyCostThreshold { get; set; } = 50_000_000;

    /// <summary>A local result whose confidence is below this escalates to the cloud. Default 0.6.</summary>
    [Range(0.0, 1.0)]
    public double ConfidenceThreshold { get; set; } = 0.6;

    /// <summary>Where a request runs when no rule decides: Local or Cloud. Default Local.</summary>
    [AllowedValues(RouteTarget.Local, RouteTarget.Cloud)]
    public RouteTarget DefaultPreference { get; set; } = RouteTarget.Local;

    /// <summary>The weight of a new latency sample in the moving average, in (0, 1]. Default 0.3.</summary>
    [Range(0.001, 1.0)]
    public double EwmaAlpha { get; set; } = 0.3;

    /// <summary>The local latency estimate before any sample. Default 50 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan DefaultLocalLatency { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The cloud latency estimate before any sample. Default 250 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan DefaultCloudLatency { get; set; } = TimeSpan.FromMilliseconds(250);
}

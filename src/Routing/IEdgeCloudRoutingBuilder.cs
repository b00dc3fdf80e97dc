using Microsoft.Extensions.DependencyInjection;

namespace EdgeCloud.Routing;

/// <summary>Returned by <c>AddEdgeCloudRouting</c>, to chain further routing registrations.</summary>
public interface IEdgeCloudRoutingBuilder
{
    /// <summary>The service collection routing was added to.</summary>
    IServiceCollection Services { get; }
}

using Microsoft.Extensions.DependencyInjection;

namespace EdgeCloud.Routing;

internal sealed class EdgeCloudRoutingBuilder(IServiceCollection services) : IEdgeCloudRoutingBuilder
{
    public IServiceCollection Services { get; } = services;
}

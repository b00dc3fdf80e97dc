using System.ComponentModel.DataAnnotations;

namespace EdgeCloud.CloudHub.Backends;

/// <summary>One remote KServe v2 gRPC endpoint (<c>Hub:Backends:{model}:Endpoints:{i}</c>).</summary>
public sealed class RemoteEndpointOptions
{
    /// <summary>The endpoint's address, e.g. <c>http://10.0.0.5:8001</c> (h2c) or <c>https://triton:8001</c>.</summary>
    [Required]
    public string Address { get; set; } = "";

    /// <summary>Its share under the WeightedRoundRobin policy; 0 drains it. Default 1.</summary>
    [Range(0, 1000)]
    public int Weight { get; set; } = 1;
}

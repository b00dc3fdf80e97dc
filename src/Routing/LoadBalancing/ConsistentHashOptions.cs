using System.ComponentModel.DataAnnotations;

namespace EdgeCloud.Routing.LoadBalancing;

/// <summary>Options of the <see cref="BackendPolicies.ConsistentHashBoundedLoad"/> policy.</summary>
public sealed class ConsistentHashOptions
{
    /// <summary>Points per backend on the ring; more spread keys more evenly. Default 160.</summary>
    [Range(1, 10_000)]
    public int VirtualNodesPerBackend { get; set; } = 160;

    /// <summary>
    /// The bound c: no backend takes more than ⌈c × (total outstanding + 1) / backends⌉ requests;
    /// a key whose backend is full spills clockwise to the next. Default 1.25.
    /// </summary>
    [Range(1.0, 100.0)]
    public double LoadFactor { get; set; } = 1.25;
}

using System.ComponentModel.DataAnnotations;
using EdgeCloud.Routing.LoadBalancing;

namespace EdgeCloud.CloudHub.Backends;

/// <summary>How the hub forwards one model to remote backends (<c>Hub:Backends:{model}</c>).</summary>
public sealed class RemoteModelOptions
{
    /// <summary>The backends' gRPC endpoints. At least one.</summary>
    public List<RemoteEndpointOptions> Endpoints { get; set; } = [];

    /// <summary>The balancing policy, one of <see cref="BackendPolicies"/>. Default <see cref="BackendPolicies.Default"/> (PowerOfTwoChoices).</summary>
    public string Policy { get; set; } = BackendPolicies.Default;

    /// <summary>The model's name on the backends. Default: the same name.</summary>
    public string? RemoteName { get; set; }

    /// <summary>Backends tried per request, each a different one, before the hub answers UNAVAILABLE. Default 2.</summary>
    [Range(1, 16)]
    public int MaxAttempts { get; set; } = 2;

    /// <summary>How long one attempt may take before the next backend is tried. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an active health probe (ServerReady, then ModelReady) may take. Default 2 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);
}

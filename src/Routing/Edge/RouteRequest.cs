using System.Numerics;
using EdgeCloud.Routing.CircuitBreaking;

namespace EdgeCloud.Routing.Edge;

/// <summary>What <see cref="IEdgeRoutePolicy"/> knows about one request.</summary>
public sealed record RouteRequest
{
    /// <summary>The model's name, which keys the latency estimates.</summary>
    public required string ModelName { get; init; }

    /// <summary>Whether the model is installed and loadable on this device.</summary>
    public required bool LocalModelAvailable { get; init; }

    /// <summary>The caller's explicit wish. Default <see cref="RouteHint.Auto"/>.</summary>
    public RouteHint Hint { get; init; } = RouteHint.Auto;

    /// <summary>Where the model is allowed to run. Default <see cref="ModelPlacement.Both"/>.</summary>
    public ModelPlacement Placement { get; init; } = ModelPlacement.Both;

    /// <summary>The input kinds of the request (or of the model).</summary>
    public Modality Modalities { get; init; }

    /// <summary>Estimated cost, e.g. input element count × the model's cost factor.</summary>
    public double EstimatedCost { get; init; }

    /// <summary>The time left to answer, if the caller set a deadline.</summary>
    public TimeSpan? Deadline { get; init; }

    /// <summary>The state of the cloud link's circuit. Default <see cref="CircuitState.Closed"/>.</summary>
    public CircuitState CloudLink { get; init; } = CircuitState.Closed;

    /// <summary>The model is available here and its placement allows the edge.</summary>
    public bool CanRunLocally => LocalModelAvailable && Placement != ModelPlacement.Cloud;

    /// <summary>The model's placement allows the cloud (whatever the link's state).</summary>
    public bool CanRunInCloud => Placement != ModelPlacement.Edge;

    /// <summary>The cloud link admits requests: its circuit is closed or half-open.</summary>
    public bool IsCloudLinkUp => CloudLink is CircuitState.Closed or CircuitState.HalfOpen;

    /// <summary>More than one modality, e.g. image and text.</summary>
    public bool IsMultimodal => BitOperations.PopCount((uint)Modalities) > 1;
}

using EdgeCloud.Protocol;
using EdgeCloud.Routing.Edge;
using EdgeCloud.Shared.Models;
using RoutingPlacement = EdgeCloud.Routing.Edge.ModelPlacement;
using SharedPlacement = EdgeCloud.Shared.Models.ModelPlacement;

namespace EdgeCloud.EdgeAgent.Serving;

/// <summary>Describes a request to the edge route policy: placement, modality and cost come from the model's config.</summary>
internal static class RouteRequestFactory
{
    public static RouteRequest Create(
        ModelInferRequest request, ModelConfig? config, bool localAvailable, EdgeRequestParameters parameters, Routing.CircuitBreaking.CircuitState link) =>
        new()
        {
            ModelName = request.ModelName,
            LocalModelAvailable = localAvailable,
            Hint = parameters.Hint,
            // A model the device has no config for is known only to the cloud.
            Placement = config is null ? RoutingPlacement.Cloud : Placement(config.Placement),
            Modalities = Modalities(config?.Modality ?? []),
            EstimatedCost = InputElements(request) * (config?.CostPerElement ?? 1),
            Deadline = parameters.Deadline,
            CloudLink = link,
        };

    private static RoutingPlacement Placement(string placement) => placement switch
    {
        SharedPlacement.Edge => RoutingPlacement.Edge,
        SharedPlacement.Cloud => RoutingPlacement.Cloud,
        _ => RoutingPlacement.Both,
    };

    private static Modality Modalities(IEnumerable<string> names)
    {
        var modalities = default(Modality);
        foreach (var name in names)
        {
            if (Enum.TryParse<Modality>(name, ignoreCase: true, out var m))
            {
                modalities |= m;
            }
        }

        return modalities;
    }

    private static double InputElements(ModelInferRequest request)
    {
        double total = 0;
        foreach (var input in request.Inputs)
        {
            double count = 1;
            foreach (var d in input.Shape)
            {
                count *= Math.Max(d, 0);
            }

            total += count;
        }

        return total;
    }
}

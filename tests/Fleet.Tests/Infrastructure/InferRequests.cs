using EdgeCloud.Protocol;
using EdgeCloud.Shared.Protocol;

namespace EdgeCloud.Fleet.Tests.Infrastructure;

/// <summary>Inference requests the fleet tests send to agents and hubs.</summary>
internal static class InferRequests
{
    /// <summary>An ocr-cls request (a 48×192 text-line crop from <paramref name="seed"/>) that skips the result cache, so the model runs.</summary>
    public static ModelInferRequest OcrCls(int seed)
    {
        var request = TestUtilities.OcrClsCrop.Request(seed);
        request.Parameters[EdgeCloudParameters.Cache] = new InferParameter { BoolParam = false };
        return request;
    }

    /// <summary>A seed repository holding only <paramref name="model"/> (version 1), for an agent to start with.</summary>
    public static string SeedRepository(FleetEnvironment fleet, string model)
    {
        var seed = Path.Combine(fleet.Root, "seed-" + Guid.NewGuid().ToString("N")[..8]);
        TestUtilities.TestModels.CopyModel(model, seed);
        return seed;
    }
}

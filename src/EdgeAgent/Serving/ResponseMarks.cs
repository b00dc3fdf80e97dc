using EdgeCloud.Protocol;
using EdgeCloud.Shared.Models;
using EdgeCloud.Shared.Protocol;

namespace EdgeCloud.EdgeAgent.Serving;

/// <summary>Sets the <c>edgecloud.*</c> response parameters that say who answered and how.</summary>
internal static class ResponseMarks
{
    public static ModelInferResponse Local(ModelInferResponse response, LoadedModel model, bool degraded)
    {
        Set(response, EdgeCloudParameters.Variant, model.Info.Variant);
        Set(response, EdgeCloudParameters.ExecutionProvider, model.Info.ExecutionProvider);
        return Served(response, EdgeCloudParameters.ServedByLocal, degraded);
    }

    public static ModelInferResponse Served(ModelInferResponse response, string servedBy, bool degraded)
    {
        Set(response, EdgeCloudParameters.ServedBy, servedBy);
        response.Parameters[EdgeCloudParameters.Degraded] = new InferParameter { BoolParam = degraded };
        return response;
    }

    public static ModelInferResponse Hedged(ModelInferResponse response)
    {
        response.Parameters[EdgeCloudParameters.Hedged] = new InferParameter { BoolParam = true };
        return response;
    }

    private static void Set(ModelInferResponse response, string key, string value) =>
        response.Parameters[key] = new InferParameter { StringParam = value };
}

using EdgeCloud.Protocol;
using EdgeCloud.Routing.Edge;
using EdgeCloud.Shared.Inference;
using EdgeCloud.Shared.Protocol;

namespace EdgeCloud.EdgeAgent.Serving;

/// <summary>The request's <c>edgecloud.*</c> parameters, checked: a wrong type or value is INVALID_ARGUMENT.</summary>
internal sealed record EdgeRequestParameters(RouteHint Hint, TimeSpan? Deadline, bool UseCache)
{
    public static EdgeRequestParameters From(ModelInferRequest request)
    {
        var hint = RouteHint.Auto;
        TimeSpan? deadline = null;
        var useCache = true;
        if (request.Parameters.TryGetValue(EdgeCloudParameters.Route, out var route))
        {
            hint = route.StringParam switch
            {
                "auto" when route.ParameterChoiceCase == InferParameter.ParameterChoiceOneofCase.StringParam => RouteHint.Auto,
                "local" => RouteHint.Local,
                "cloud" => RouteHint.Cloud,
                _ => throw InferenceException.Invalid($"{EdgeCloudParameters.Route} must be \"auto\", \"local\" or \"cloud\", got {Describe(route)}"),
            };
        }

        if (request.Parameters.TryGetValue(EdgeCloudParameters.DeadlineMs, out var ms))
        {
            // Bounded at one day: found by the security fuzzer, long.MaxValue overflowed TimeSpan and answered UNKNOWN.
            deadline = ms.ParameterChoiceCase == InferParameter.ParameterChoiceOneofCase.Int64Param && ms.Int64Param is > 0 and <= 86_400_000
                ? TimeSpan.FromMilliseconds(ms.Int64Param)
                : throw InferenceException.Invalid($"{EdgeCloudParameters.DeadlineMs} must be a positive int64 of at most 86400000 (milliseconds, one day), got {Describe(ms)}");
        }

        if (request.Parameters.TryGetValue(EdgeCloudParameters.Cache, out var cache))
        {
            useCache = cache.ParameterChoiceCase == InferParameter.ParameterChoiceOneofCase.BoolParam
                ? cache.BoolParam
                : throw InferenceException.Invalid($"{EdgeCloudParameters.Cache} must be a bool, got {Describe(cache)}");
        }

        return new EdgeRequestParameters(hint, deadline, useCache);
    }

    private static string Describe(InferParameter p) => p.ParameterChoiceCase switch
    {
        InferParameter.ParameterChoiceOneofCase.StringParam => $"the string \"{p.StringParam}\"",
        InferParameter.ParameterChoiceOneofCase.Int64Param => $"the int64 {p.Int64Param}",
        InferParameter.ParameterChoiceOneofCase.BoolParam => $"the bool {p.BoolParam}",
        _ => "an empty parameter",
    };
}

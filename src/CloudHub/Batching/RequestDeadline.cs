using EdgeCloud.Protocol;
using EdgeCloud.Shared.Inference;
using EdgeCloud.Shared.Protocol;

namespace EdgeCloud.CloudHub.Batching;

/// <summary>The request's <c>edgecloud.deadline_ms</c>: how long after its arrival its answer is still wanted.</summary>
internal static class RequestDeadline
{
    /// <summary>The largest deadline honoured; longer ones are capped (timers take at most ~49 days).</summary>
    private static readonly long MaxMilliseconds = (long)TimeSpan.FromDays(1).TotalMilliseconds;

    /// <summary>The deadline, or null when the request sets none; INVALID_ARGUMENT when it is not a positive int64.</summary>
    public static TimeSpan? From(ModelInferRequest request)
    {
        if (!request.Parameters.TryGetValue(EdgeCloudParameters.DeadlineMs, out var ms))
        {
            return null;
        }

        if (ms.ParameterChoiceCase != InferParameter.ParameterChoiceOneofCase.Int64Param || ms.Int64Param <= 0)
        {
            throw InferenceException.Invalid(
                $"{EdgeCloudParameters.DeadlineMs} must be a positive int64 (milliseconds), got {Describe(ms)}");
        }

        return TimeSpan.FromMilliseconds(Math.Min(ms.Int64Param, MaxMilliseconds));
    }

    private static string Describe(InferParameter p) => p.ParameterChoiceCase switch
    {
        InferParameter.ParameterChoiceOneofCase.StringParam => $"the string \"{p.StringParam}\"",
        InferParameter.ParameterChoiceOneofCase.Int64Param => $"the int64 {p.Int64Param}",
        InferParameter.ParameterChoiceOneofCase.BoolParam => $"the bool {p.BoolParam}",
        _ => "an empty parameter",
    };
}

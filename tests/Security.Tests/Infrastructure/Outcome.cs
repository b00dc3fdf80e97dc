using System.Net;
using Grpc.Core;

namespace EdgeCloud.Security.Tests.Infrastructure;

/// <summary>What the security gate did with a call: let it through (whatever the service then answered), or refused it.</summary>
public enum Outcome
{
    Allowed,
    Unauthenticated,
    PermissionDenied,
    RateLimited,

    /// <summary>A transport or server failure: never what the gate should produce.</summary>
    Broken,
}

public static class Outcomes
{
    public static async Task<Outcome> OfGrpcAsync(Func<Task> call)
    {
        try
        {
            await call();
            return Outcome.Allowed;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode switch
            {
                StatusCode.Unauthenticated => Outcome.Unauthenticated,
                StatusCode.PermissionDenied => Outcome.PermissionDenied,
                StatusCode.ResourceExhausted when ex.Status.Detail.Contains("rate limit", StringComparison.Ordinal) => Outcome.RateLimited,
                StatusCode.Internal or StatusCode.Unknown or StatusCode.Unavailable or StatusCode.Cancelled => Broken(ex),
                _ => Outcome.Allowed,
            };
        }
    }

    private static Outcome Broken(RpcException ex)
    {
        TestContext.Current.SendDiagnosticMessage($"broken call: {ex.Status}");
        return Outcome.Broken;
    }

    public static Outcome Of(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => Outcome.Unauthenticated,
        HttpStatusCode.Forbidden => Outcome.PermissionDenied,
        HttpStatusCode.TooManyRequests => Outcome.RateLimited,
        _ => Outcome.Allowed,
    };
}

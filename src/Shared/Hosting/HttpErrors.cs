using EdgeCloud.Shared.Inference;
using Microsoft.AspNetCore.Http;

namespace EdgeCloud.Shared.Hosting;

/// <summary>Maps EdgeCloud failures to HTTP statuses and the v2 JSON error body.</summary>
public static class HttpErrors
{
    public static int ToStatusCode(InferenceErrorCode code) => code switch
    {
        InferenceErrorCode.NotFound => StatusCodes.Status404NotFound,
        InferenceErrorCode.InvalidArgument => StatusCodes.Status400BadRequest,
        InferenceErrorCode.ResourceExhausted => StatusCodes.Status429TooManyRequests,
        InferenceErrorCode.Unavailable => StatusCodes.Status503ServiceUnavailable,
        InferenceErrorCode.DeadlineExceeded => StatusCodes.Status504GatewayTimeout,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static IResult ToResult(InferenceException ex)
    {
        var status = ToStatusCode(ex.Code);
        if (status is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable)
        {
            return new RetryAfterResult(status, ex.Message);
        }

        return Results.Json(new V2Error(ex.Message), V2JsonContext.Relaxed.V2Error, statusCode: status);
    }

    private sealed class RetryAfterResult(int status, string message) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = "1";
            return Results.Json(new V2Error(message), V2JsonContext.Relaxed.V2Error, statusCode: status).ExecuteAsync(httpContext);
        }
    }
}

using System.Text.Json;
using EdgeCloud.EdgeAgent.Outbox;
using EdgeCloud.Protocol;
using EdgeCloud.Shared.Protocol.Json;

namespace EdgeCloud.EdgeAgent.Jobs;

/// <summary>
/// <c>GET /edgecloud/v1/jobs/{id}</c>: a deferred job's state and, once it succeeded, the v2
/// response (the same JSON as <c>/v2/models/{m}/infer</c> answers) under <c>"response"</c>.
/// </summary>
internal static class JobEndpoints
{
    public static IEndpointRouteBuilder MapJobsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/edgecloud/v1/jobs/{id}", GetJob);
        return endpoints;
    }

    private static IResult GetJob(string id, DeferredJobStore store)
    {
        if (!Guid.TryParse(id, out _))
        {
            return OutboxEndpoints.Error(StatusCodes.Status400BadRequest,
                $"job id: expected the UUID from the response parameter {DeferredJobParameters.JobId}, got '{(id.Length > 64 ? id[..64] + "…" : id)}'");
        }

        return store.Find(id) is { } job
            ? new JobResult(job)
            : OutboxEndpoints.Error(StatusCodes.Status404NotFound,
                $"job '{id}' is unknown or its result has expired (results are kept for Agent:Jobs:ResultTtl = {store.Options.ResultTtl})");
    }

    private sealed class JobResult(DeferredJob job) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.ContentType = "application/json";
            await using var writer = new Utf8JsonWriter(httpContext.Response.BodyWriter);
            writer.WriteStartObject();
            writer.WriteString("id", job.Id);
            writer.WriteString("model", job.Model);
            writer.WriteString("state", job.State);
            writer.WriteString("created", job.CreatedAt);
            WriteTime(writer, "completed", job.CompletedAt);
            WriteTime(writer, "expires", job.ExpiresAt);
            if (job.Error is null)
            {
                writer.WriteNull("error");
            }
            else
            {
                writer.WriteString("error", job.Error);
            }

            writer.WritePropertyName("response");
            if (job.Response is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                V2JsonResponseWriter.Write(writer, ModelInferResponse.Parser.ParseFrom(job.Response));
            }

            writer.WriteEndObject();
            await writer.FlushAsync(httpContext.RequestAborted);
        }

        private static void WriteTime(Utf8JsonWriter writer, string name, DateTimeOffset? value)
        {
            if (value is { } time)
            {
                writer.WriteString(name, time);
            }
            else
            {
                writer.WriteNull(name);
            }
        }
    }
}

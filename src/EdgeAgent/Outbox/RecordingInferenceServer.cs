using System.Text.Json;
using EdgeCloud.EdgeAgent.Serving;
using EdgeCloud.Protocol;
using EdgeCloud.Shared.Hosting;
using EdgeCloud.Shared.Inference;
using EdgeCloud.Shared.Models;
using EdgeCloud.Shared.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeCloud.EdgeAgent.Outbox;

/// <summary>
/// The agent's <see cref="IInferenceServer"/>: <see cref="AgentInferenceServer"/> plus, when
/// <c>Agent:Outbox:RecordInferences</c> is on, one outbox record (kind <c>inference</c>) per
/// answered or refused request: model, version, request id, who served it, degraded, variant,
/// job id, latency and outcome. Never the inputs or outputs.
/// </summary>
/// <remarks>
/// The record is appended without holding up the response (nobody is acknowledged for it); a
/// failed append is logged. With recording off this is one branch per request.
/// </remarks>
internal sealed class RecordingInferenceServer(
    AgentInferenceServer inner,
    IOutbox outbox,
    IOptions<OutboxOptions> options,
    TimeProvider timeProvider,
    ILogger<RecordingInferenceServer> logger) : IInferenceServer
{
    private readonly bool _enabled = options.Value.RecordInferences;

    public string Name => inner.Name;

    public string Version => inner.Version;

    public bool IsReady => inner.IsReady;

    public IReadOnlyList<string> Extensions => inner.Extensions;

    public bool IsModelReady(string name, string? version) => inner.IsModelReady(name, version);

    public ValueTask<ModelMetadataResponse> GetModelMetadataAsync(string name, string? version, CancellationToken cancellationToken) =>
        inner.GetModelMetadataAsync(name, version, cancellationToken);

    public async ValueTask<ModelInferResponse> InferAsync(ModelInferRequest request, CancellationToken cancellationToken)
    {
        if (!_enabled)
        {
            return await inner.InferAsync(request, cancellationToken);
        }

        var started = timeProvider.GetTimestamp();
        try
        {
            var response = await inner.InferAsync(request, cancellationToken);
            Record(request, response, null, started);
            return response;
        }
        catch (InferenceException ex)
        {
            Record(request, null, ex, started);
            throw;
        }
    }

    public IReadOnlyList<ModelIndexEntry> RepositoryIndex(bool readyOnly) => inner.RepositoryIndex(readyOnly);

    public ValueTask LoadModelAsync(string name, CancellationToken cancellationToken) => inner.LoadModelAsync(name, cancellationToken);

    public ValueTask UnloadModelAsync(string name, CancellationToken cancellationToken) => inner.UnloadModelAsync(name, cancellationToken);

    private void Record(ModelInferRequest request, ModelInferResponse? response, InferenceException? failure, long started)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("model", request.ModelName);
            json.WriteString("version", response?.ModelVersion ?? request.ModelVersion);
            json.WriteString("request_id", request.Id);
            json.WriteNumber("latency_ms", Math.Round(timeProvider.GetElapsedTime(started).TotalMilliseconds, 3));
            json.WriteString("outcome", failure is null ? "ok" : failure.Code.ToString());
            if (failure is not null)
            {
                json.WriteString("error", failure.Message);
            }

            foreach (var key in (ReadOnlySpan<string>)[EdgeCloudParameters.ServedBy, EdgeCloudParameters.Variant, EdgeCloudParameters.ExecutionProvider, Jobs.DeferredJobParameters.JobId])
            {
                if (response?.Parameters.TryGetValue(key, out var value) == true && value.ParameterChoiceCase == InferParameter.ParameterChoiceOneofCase.StringParam)
                {
                    json.WriteString(key, value.StringParam);
                }
            }

            if (response?.Parameters.TryGetValue(EdgeCloudParameters.Degraded, out var degraded) == true)
            {
                json.WriteBoolean(EdgeCloudParameters.Degraded, degraded.BoolParam);
            }

            json.WriteEndObject();
        }

        var type = failure is null ? "inference.completed" : "inference.failed";
        _ = AppendAsync(new OutboxEntry(null, OutboxKinds.Inference, type, buffer.WrittenMemory));
    }

    private async Task AppendAsync(OutboxEntry entry)
    {
        try
        {
            await outbox.AppendAsync(entry, CancellationToken.None);
        }
        catch (Exception ex) when (ex is OutboxUnavailableException or ArgumentException)
        {
            Log.InferenceRecordFailed(logger, ex);
        }
    }
}

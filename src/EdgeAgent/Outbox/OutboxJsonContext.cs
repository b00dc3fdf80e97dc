using System.Text.Json.Serialization;
using EdgeCloud.Shared.Hosting;

namespace EdgeCloud.EdgeAgent.Outbox;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(OutboxStatus))]
[JsonSerializable(typeof(EventAccepted))]
[JsonSerializable(typeof(V2Error))]
internal sealed partial class OutboxJsonContext : JsonSerializerContext
{
    /// <summary>Relaxed escaping so messages read as written; bodies are JSON, never HTML.</summary>
    public static OutboxJsonContext Relaxed { get; } = new(new System.Text.Json.JsonSerializerOptions
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}

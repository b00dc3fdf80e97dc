using System.Text.Json.Serialization;

namespace EdgeCloud.Shared.Hosting;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(V2Error))]
[JsonSerializable(typeof(V2ServerMetadata))]
[JsonSerializable(typeof(V2ModelMetadata))]
[JsonSerializable(typeof(V2RepositoryEntry[]))]
internal sealed partial class V2JsonContext : JsonSerializerContext
{
    /// <summary>Relaxed escaping so messages read as written (quotes stay quotes); bodies are JSON, never HTML.</summary>
    public static V2JsonContext Relaxed { get; } = new(new System.Text.Json.JsonSerializerOptions
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}

internal sealed record V2ServerMetadata(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("extensions")] IReadOnlyList<string> Extensions);

internal sealed record V2TensorMetadata(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("datatype")] string Datatype,
    [property: JsonPropertyName("shape")] IReadOnlyList<long> Shape);

internal sealed record V2ModelMetadata(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("versions")] IReadOnlyList<string> Versions,
    [property: JsonPropertyName("platform")] string Platform,
    [property: JsonPropertyName("inputs")] IReadOnlyList<V2TensorMetadata> Inputs,
    [property: JsonPropertyName("outputs")] IReadOnlyList<V2TensorMetadata> Outputs);

internal sealed record V2RepositoryEntry(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("reason")] string Reason);

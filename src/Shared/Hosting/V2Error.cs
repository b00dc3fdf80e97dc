using System.Text.Json.Serialization;

namespace EdgeCloud.Shared.Hosting;

/// <summary>The v2 REST error body: <c>{"error": "..."}</c>.</summary>
public sealed record V2Error([property: JsonPropertyName("error")] string Error);

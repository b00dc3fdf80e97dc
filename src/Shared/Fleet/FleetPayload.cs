using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace EdgeCloud.Shared.Fleet;

/// <summary>Reads and writes fleet payloads, refusing oversized, malformed and unknown-schema ones with a clear reason.</summary>
public static class FleetPayload
{
    public static byte[] Write<T>(T value, JsonTypeInfo<T> typeInfo) => JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);

    /// <summary>Parses <paramref name="payload"/>; throws <see cref="FleetPayloadException"/> naming what is wrong.</summary>
    public static T Read<T>(ReadOnlySequence<byte> payload, JsonTypeInfo<T> typeInfo, int maxBytes = FleetSchema.MaxPayloadBytes)
        where T : class
    {
        if (payload.Length > maxBytes)
        {
            throw new FleetPayloadException(FleetRejectReason.Oversized, $"payload is {payload.Length} bytes; the limit is {maxBytes}");
        }

        CheckSchema(payload);
        try
        {
            var reader = new Utf8JsonReader(payload);
            return JsonSerializer.Deserialize(ref reader, typeInfo)
                ?? throw new FleetPayloadException(FleetRejectReason.Malformed, "payload is JSON null; expected an object");
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            // InvalidOperationException/ArgumentException: invalid UTF-8 in a string value (System.Text.Json cannot transcode it).
            throw new FleetPayloadException(FleetRejectReason.Malformed, $"payload is not a valid {typeof(T).Name}: {ex.Message}");
        }
    }

    /// <summary>Checks size, JSON object and schema of a payload the hub does not parse further (e.g. events); throws <see cref="FleetPayloadException"/>.</summary>
    public static void Check(ReadOnlySequence<byte> payload, int maxBytes = FleetSchema.MaxPayloadBytes)
    {
        if (payload.Length > maxBytes)
        {
            throw new FleetPayloadException(FleetRejectReason.Oversized, $"payload is {payload.Length} bytes; the limit is {maxBytes}");
        }

        CheckSchema(payload);
    }

    /// <summary>
    /// Valid UTF-8 and a JSON object whose <c>schema</c> is <see cref="FleetSchema.Current"/>. The common case is
    /// decided by <see cref="FleetSchemaScan"/> (one allocation-free pass of the reader); anything it does not accept
    /// goes through the document parse, which names what is wrong.
    /// </summary>
    private static void CheckSchema(ReadOnlySequence<byte> payload)
    {
        // System.Text.Json checks UTF-8 only in the strings it decodes, so an unknown property could carry invalid bytes through.
        if (!System.Text.Unicode.Utf8.IsValid(payload.IsSingleSegment ? payload.FirstSpan : payload.ToArray()))
        {
            throw new FleetPayloadException(FleetRejectReason.Malformed, "payload is not valid UTF-8");
        }

        if (FleetSchemaScan.IsCurrent(payload))
        {
            return;
        }

        var schema = ReadSchema(payload);
        if (schema != FleetSchema.Current)
        {
            throw new FleetPayloadException(FleetRejectReason.UnknownSchema, $"schema {schema} is not supported; expected {FleetSchema.Current}");
        }
    }

    private static int ReadSchema(ReadOnlySequence<byte> payload)
    {
        try
        {
            var reader = new Utf8JsonReader(payload);
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new FleetPayloadException(FleetRejectReason.Malformed, $"payload is a JSON {document.RootElement.ValueKind}; expected an object");
            }

            if (!document.RootElement.TryGetProperty("schema", out var schema) || !schema.TryGetInt32(out var value))
            {
                throw new FleetPayloadException(FleetRejectReason.UnknownSchema, "payload has no integer 'schema' field");
            }

            return value;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            throw new FleetPayloadException(FleetRejectReason.Malformed, $"payload is not valid JSON: {ex.Message}");
        }
    }
}

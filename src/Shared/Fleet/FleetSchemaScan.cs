using System.Buffers;
using System.Text.Json;

namespace EdgeCloud.Shared.Fleet;

/// <summary>
/// The fast path of the fleet payload check: one pass of <see cref="Utf8JsonReader"/> over the top level, without
/// building a document. Answers only "a well-formed JSON object whose <c>schema</c> (the last one, as a document
/// lookup finds it) is the integer <see cref="FleetSchema.Current"/>"; every other payload gets false, and the
/// caller's full parse says what is wrong with it.
/// </summary>
internal static class FleetSchemaScan
{
    public static bool IsCurrent(ReadOnlySequence<byte> payload)
    {
        try
        {
            var reader = new Utf8JsonReader(payload);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            var current = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isSchema = reader.ValueTextEquals("schema"u8);
                if (!reader.Read())
                {
                    return false;
                }

                if (isSchema)
                {
                    current = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var schema) && schema == FleetSchema.Current;
                }
                else
                {
                    reader.Skip();
                }
            }

            return current && reader.TokenType == JsonTokenType.EndObject;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

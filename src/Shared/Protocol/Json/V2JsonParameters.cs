using System.Text.Json;
using EdgeCloud.Protocol;
using EdgeCloud.Shared.Inference;
using Google.Protobuf.Collections;

namespace EdgeCloud.Shared.Protocol.Json;

/// <summary>v2 parameters in JSON: an object of bool, integer or string values.</summary>
internal static class V2JsonParameters
{
    public static void Read(JsonElement element, MapField<string, InferParameter> target, string where)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw InferenceException.Invalid($"{where} must be an object");
        }

        foreach (var property in element.EnumerateObject())
        {
            var value = property.Value;
            target[property.Name] = value.ValueKind switch
            {
                JsonValueKind.True or JsonValueKind.False => new InferParameter { BoolParam = value.GetBoolean() },
                JsonValueKind.String => new InferParameter { StringParam = value.GetString()! },
                JsonValueKind.Number when value.TryGetInt64(out var n) => new InferParameter { Int64Param = n },
                _ => throw InferenceException.Invalid(
                    $"{where}: '{property.Name}' must be a bool, an integer or a string, got {value.GetRawText()}"),
            };
        }
    }

    public static void Write(Utf8JsonWriter writer, MapField<string, InferParameter> parameters)
    {
        writer.WriteStartObject("parameters");
        foreach (var (key, value) in parameters)
        {
            switch (value.ParameterChoiceCase)
            {
                case InferParameter.ParameterChoiceOneofCase.BoolParam: writer.WriteBoolean(key, value.BoolParam); break;
                case InferParameter.ParameterChoiceOneofCase.Int64Param: writer.WriteNumber(key, value.Int64Param); break;
                case InferParameter.ParameterChoiceOneofCase.StringParam: writer.WriteString(key, value.StringParam); break;
                default: writer.WriteNull(key); break;
            }
        }

        writer.WriteEndObject();
    }
}

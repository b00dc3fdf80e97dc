using System.Text.Json;
using EdgeCloud.Protocol;
using EdgeCloud.Shared.Inference;
using EdgeCloud.Shared.Tensors;
using Google.Protobuf;

namespace EdgeCloud.Shared.Protocol.Json;

/// <summary>
/// Reads a v2 REST inference body into a <see cref="ModelInferRequest"/>. Input data (flat or nested
/// arrays) is packed as raw contents, so every datatype, FP16 and BF16 included, takes one path.
/// </summary>
public static class V2JsonRequestReader
{
    public static ModelInferRequest Read(ReadOnlySpan<byte> utf8Json, string modelName, string? modelVersion)
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 64 });
            document = JsonDocument.ParseValue(ref reader);
            if (reader.Read())
            {
                document.Dispose();
                throw InferenceException.Invalid($"the body has more after its JSON value (at byte {reader.TokenStartIndex}); send one JSON object");
            }
        }
        catch (JsonException ex)
        {
            throw InferenceException.Invalid($"the body is not valid JSON: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw InferenceException.Invalid($"the body must be a JSON object with \"inputs\", got {root.ValueKind}");
            }

            var request = new ModelInferRequest { ModelName = modelName, ModelVersion = modelVersion ?? "" };
            if (root.TryGetProperty("id", out var id))
            {
                request.Id = id.ValueKind == JsonValueKind.String ? id.GetString()! : throw InferenceException.Invalid("\"id\" must be a string");
            }

            if (root.TryGetProperty("parameters", out var parameters))
            {
                V2JsonParameters.Read(parameters, request.Parameters, "parameters");
            }

            if (!root.TryGetProperty("inputs", out var inputs) || inputs.ValueKind != JsonValueKind.Array)
            {
                throw InferenceException.Invalid("the body must have an \"inputs\" array");
            }

            var index = 0;
            foreach (var input in inputs.EnumerateArray())
            {
                ReadInput(request, input, index++);
            }

            if (root.TryGetProperty("outputs", out var outputs))
            {
                ReadOutputs(request, outputs);
            }

            return request;
        }
    }

    private static void ReadInput(ModelInferRequest request, JsonElement input, int index)
    {
        var where = $"inputs[{index}]";
        if (input.ValueKind != JsonValueKind.Object)
        {
            throw InferenceException.Invalid($"{where} must be an object with name, shape, datatype and data");
        }

        var name = RequiredString(input, "name", where);
        where = $"input '{name}'";
        var datatypeName = RequiredString(input, "datatype", where);
        if (!DataTypes.TryParse(datatypeName, out var datatype))
        {
            throw InferenceException.Invalid($"{where}: unknown datatype '{datatypeName}'; expected one of {DataTypes.KnownNames}");
        }

        var tensor = new ModelInferRequest.Types.InferInputTensor { Name = name, Datatype = datatypeName };
        if (!input.TryGetProperty("shape", out var shape) || shape.ValueKind != JsonValueKind.Array)
        {
            throw InferenceException.Invalid($"{where}: \"shape\" must be an array of integers");
        }

        long count = 1;
        foreach (var dim in shape.EnumerateArray())
        {
            if (dim.ValueKind != JsonValueKind.Number || !dim.TryGetInt64(out var d) || d < 0)
            {
                throw InferenceException.Invalid($"{where}: \"shape\" must hold integers >= 0, got {dim.GetRawText()}");
            }

            tensor.Shape.Add(d);
            count = d == 0 || count == 0 ? 0 : count > long.MaxValue / d ? throw InferenceException.Invalid(
                $"{where}: \"shape\" {shape.GetRawText()} holds more elements than can be counted") : count * d;
        }

        if (!input.TryGetProperty("data", out var data))
        {
            throw InferenceException.Invalid($"{where}: \"data\" is missing");
        }

        if (input.TryGetProperty("parameters", out var parameters))
        {
            V2JsonParameters.Read(parameters, tensor.Parameters, $"{where} parameters");
        }

        var bytes = V2JsonData.Pack(data, datatype, count, where);
        request.Inputs.Add(tensor);
        request.RawInputContents.Add(UnsafeByteOperations.UnsafeWrap(bytes));
    }

    private static void ReadOutputs(ModelInferRequest request, JsonElement outputs)
    {
        if (outputs.ValueKind != JsonValueKind.Array)
        {
            throw InferenceException.Invalid("\"outputs\" must be an array of {\"name\": ...}");
        }

        foreach (var output in outputs.EnumerateArray())
        {
            var name = RequiredString(output, "name", "outputs[]");
            request.Outputs.Add(new ModelInferRequest.Types.InferRequestedOutputTensor { Name = name });
        }
    }

    private static string RequiredString(JsonElement element, string property, string where) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw InferenceException.Invalid($"{where}: \"{property}\" must be a string");
}

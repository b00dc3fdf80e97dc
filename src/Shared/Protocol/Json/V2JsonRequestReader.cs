using System.Text.Json;
using EdgeCloud.Protocol;
using EdgeCloud.Shared.Inference;
using EdgeCloud.Shared.Tensors;
using Google.Protobuf;
using Google.Protobuf.Collections;

namespace EdgeCloud.Shared.Protocol.Json;

/// <summary>
/// Reads a v2 REST inference body into a <see cref="ModelInferRequest"/>. Input data (flat or nested
/// arrays) is packed as raw contents, so every datatype, FP16 and BF16 included, takes one path. With the
/// binary tensor data extension, an input with <c>binary_data_size</c> takes its bytes, as they are, from the
/// section after the JSON header.
/// </summary>
public static class V2JsonRequestReader
{
    public const string BinaryDataOutput = "binary_data_output";
    public const string BinaryData = "binary_data";

    public static ModelInferRequest Read(ReadOnlySpan<byte> utf8Json, string modelName, string? modelVersion) =>
        Read(utf8Json, ReadOnlyMemory<byte>.Empty, modelName, modelVersion, out _);

    /// <param name="binary">The body after the JSON header (empty without the extension).</param>
    /// <param name="binaryOutputs">Which outputs the caller asked for as binary data.</param>
    public static ModelInferRequest Read(
        ReadOnlySpan<byte> utf8Json, ReadOnlyMemory<byte> binary, string modelName, string? modelVersion, out V2BinaryOutputs binaryOutputs)
    {
        if (Utf8Text.FirstInvalidByte(utf8Json) is { } bad)
        {
            throw InferenceException.Invalid(
                $"the body is not valid UTF-8 (at byte {bad}); send JSON encoded as UTF-8, and binary tensor data only after it, with the JSON's length in the Inference-Header-Content-Length header");
        }

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

            var binaryByDefault = TakeBool(request.Parameters, BinaryDataOutput, "parameters");

            if (!root.TryGetProperty("inputs", out var inputs) || inputs.ValueKind != JsonValueKind.Array)
            {
                throw InferenceException.Invalid("the body must have an \"inputs\" array");
            }

            var index = 0;
            var section = new V2BinaryInputs(binary);
            foreach (var input in inputs.EnumerateArray())
            {
                ReadInput(request, input, index++, section);
            }

            section.EnsureAllClaimed();
            var perOutput = new Dictionary<string, bool>(StringComparer.Ordinal);
            if (root.TryGetProperty("outputs", out var outputs))
            {
                ReadOutputs(request, outputs, perOutput);
            }

            binaryOutputs = binaryByDefault || perOutput.Count > 0 ? new V2BinaryOutputs(binaryByDefault, perOutput) : V2BinaryOutputs.None;
            return request;
        }
    }

    private static void ReadInput(ModelInferRequest request, JsonElement input, int index, V2BinaryInputs section)
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

        if (input.TryGetProperty("parameters", out var parameters))
        {
            V2JsonParameters.Read(parameters, tensor.Parameters, $"{where} parameters");
        }

        var hasData = input.TryGetProperty("data", out var data);
        if (tensor.Parameters.Remove(V2BinaryInputs.SizeParameter, out var size))
        {
            if (size.ParameterChoiceCase != InferParameter.ParameterChoiceOneofCase.Int64Param || size.Int64Param < 0)
            {
                throw InferenceException.Invalid($"{where}: {V2BinaryInputs.SizeParameter} must be a whole number of bytes, got {size}");
            }

            if (hasData)
            {
                throw InferenceException.Invalid($"{where} has both \"data\" and {V2BinaryInputs.SizeParameter}; send its values one way");
            }

            request.Inputs.Add(tensor);
            request.RawInputContents.Add(UnsafeByteOperations.UnsafeWrap(section.Take(where, size.Int64Param, datatype, count)));
            return;
        }

        if (!hasData)
        {
            throw InferenceException.Invalid($"{where}: \"data\" is missing (or give {V2BinaryInputs.SizeParameter} and send the bytes after the JSON)");
        }

        var bytes = V2JsonData.Pack(data, datatype, count, where);
        request.Inputs.Add(tensor);
        request.RawInputContents.Add(UnsafeByteOperations.UnsafeWrap(bytes));
    }

    private static void ReadOutputs(ModelInferRequest request, JsonElement outputs, Dictionary<string, bool> binaryPerOutput)
    {
        if (outputs.ValueKind != JsonValueKind.Array)
        {
            throw InferenceException.Invalid("\"outputs\" must be an array of {\"name\": ...}");
        }

        foreach (var output in outputs.EnumerateArray())
        {
            var name = RequiredString(output, "name", "outputs[]");
            var requested = new ModelInferRequest.Types.InferRequestedOutputTensor { Name = name };
            if (output.TryGetProperty("parameters", out var parameters))
            {
                V2JsonParameters.Read(parameters, requested.Parameters, $"output '{name}' parameters");
                if (requested.Parameters.ContainsKey(BinaryData))
                {
                    binaryPerOutput[name] = TakeBool(requested.Parameters, BinaryData, $"output '{name}' parameters");
                }
            }

            request.Outputs.Add(requested);
        }
    }

    /// <summary>Removes an extension's bool parameter (it is the REST layer's business, not the model's) and returns it.</summary>
    private static bool TakeBool(MapField<string, InferParameter> parameters, string name, string where) =>
        !parameters.Remove(name, out var value) ? false
        : value.ParameterChoiceCase == InferParameter.ParameterChoiceOneofCase.BoolParam ? value.BoolParam
        : throw InferenceException.Invalid($"{where}: '{name}' must be true or false, got {value}");

    private static string RequiredString(JsonElement element, string property, string where) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw InferenceException.Invalid($"{where}: \"{property}\" must be a string");
}

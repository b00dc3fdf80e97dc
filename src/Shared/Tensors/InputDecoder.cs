using System.Runtime.InteropServices;
using EdgeCloud.Protocol;
using EdgeCloud.Shared.Inference;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;

namespace EdgeCloud.Shared.Tensors;

/// <summary>
/// Turns a v2 request's inputs into ONNX Runtime values after checking each against the model:
/// names, datatypes, shapes and byte lengths. Raw contents are pinned and handed to ONNX Runtime
/// as they are; typed contents are copied once into a contiguous buffer.
/// </summary>
public static class InputDecoder
{
    public static DecodedInputs Decode(ModelInferRequest request, IReadOnlyList<TensorSpec> specs, long maxElements)
    {
        var raw = request.RawInputContents;
        if (raw.Count > 0 && raw.Count != request.Inputs.Count)
        {
            throw InferenceException.Invalid(
                $"raw_input_contents has {raw.Count} entries but the request has {request.Inputs.Count} inputs; one entry per input is expected");
        }

        CheckNames(request, specs);
        SymbolicDimensions.CheckAgreement(request, specs);
        var decoded = new DecodedInputs(request.Inputs.Count);
        try
        {
            for (var i = 0; i < request.Inputs.Count; i++)
            {
                var input = request.Inputs[i];
                var spec = specs[TensorSpec.IndexOf(specs, input.Name)];
                var type = CheckDataType(input, spec);
                var count = ShapeValidator.CheckAndCount(spec, input.Shape, maxElements);
                var shape = input.Shape.ToArray();
                if (raw.Count > 0)
                {
                    if (input.Contents is not null)
                    {
                        throw InferenceException.Invalid(
                            $"input '{input.Name}': has typed contents while raw_input_contents is used; use one or the other");
                    }

                    decoded.Add(input.Name, FromRaw(decoded, input.Name, type, shape, count, raw[i]));
                }
                else
                {
                    decoded.Add(input.Name, TypedContentsDecoder.Decode(input, type, shape, count));
                }
            }
        }
        catch
        {
            decoded.Dispose();
            throw;
        }

        return decoded;
    }

    // Every request passes here, so the good path allocates nothing; the messages are built only when a check fails.
    // The duplicate scan is quadratic but bounded by the model: every name must be a spec's, so the first
    // specs.Count + 1 inputs already hold a duplicate, however many a request sends.
    private static void CheckNames(ModelInferRequest request, IReadOnlyList<TensorSpec> specs)
    {
        var inputs = request.Inputs;
        for (var i = 0; i < inputs.Count; i++)
        {
            var name = inputs[i].Name;
            if (TensorSpec.IndexOf(specs, name) < 0)
            {
                throw InferenceException.Invalid(
                    $"model '{request.ModelName}' has no input '{name}'; expected inputs: {string.Join(", ", specs.Select(s => s.Name))}");
            }

            for (var j = 0; j < i; j++)
            {
                if (string.Equals(inputs[j].Name, name, StringComparison.Ordinal))
                {
                    throw InferenceException.Invalid($"input '{name}' appears more than once");
                }
            }
        }

        // Every input names a distinct spec, so as many inputs as specs means none is missing.
        if (inputs.Count < specs.Count)
        {
            var missing = specs.Select(s => s.Name).Where(n => !inputs.Any(input => input.Name == n));
            throw InferenceException.Invalid(
                $"model '{request.ModelName}' expects inputs {string.Join(", ", specs.Select(s => s.Name))}; missing: {string.Join(", ", missing)}");
        }
    }

    private static DataType CheckDataType(ModelInferRequest.Types.InferInputTensor input, TensorSpec spec)
    {
        if (!DataTypes.TryParse(input.Datatype, out var type))
        {
            throw InferenceException.Invalid(
                $"input '{input.Name}': unknown datatype '{input.Datatype}'; expected one of {DataTypes.KnownNames}");
        }

        if (type != spec.DataType)
        {
            throw InferenceException.Invalid(
                $"input '{input.Name}': expected datatype {spec.DataType.ToV2Name()}, got {input.Datatype}");
        }

        return type;
    }

    private static OrtValue FromRaw(DecodedInputs decoded, string name, DataType type, long[] shape, long count, ByteString bytes)
    {
        if (type == DataType.Bytes)
        {
            var elements = BytesElements.Split(name, bytes.Memory, count);
            return StringTensors.Create(shape, elements);
        }

        var expected = count * type.ElementSize();
        if (bytes.Length != expected)
        {
            throw InferenceException.Invalid(
                $"input '{name}': expected {expected} bytes for {type.ToV2Name()}{TensorSpec.FormatShape(shape)}, got {bytes.Length}");
        }

        // ONNX Runtime reads the request's own buffer: pin it for the duration of the run.
        var memory = MemoryMarshal.AsMemory(bytes.Memory);
        var pin = memory.Pin();
        decoded.Pin(pin);
        unsafe
        {
            return OrtValue.CreateTensorValueWithData(
                OrtMemoryInfo.DefaultInstance, type.ToOrt(), shape, (nint)pin.Pointer, expected);
        }
    }
}

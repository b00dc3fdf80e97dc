using EdgeCloud.Protocol;
using Google.Protobuf;
using Google.Protobuf.Collections;

namespace EdgeCloud.EdgeAgent.Cache;

/// <summary>
/// SHA-256 over the parts of a <see cref="ModelInferRequest"/> that can change its response, in a
/// canonical order: inputs sorted by name (each with its raw contents, which pair with inputs by
/// position), requested outputs sorted by name, parameter maps sorted by key.
/// </summary>
/// <remarks>
/// Left out: the model name and version (separate key parts), the request id, and every
/// <c>edgecloud.*</c> parameter (routing hints, deadline, cache switch). Every other parameter is
/// kept, since an unknown one may change the result (Triton's <c>classification</c>, sequence ids).
/// Typed and raw contents of the same tensor give different digests on purpose: the response
/// answers in the encoding the request used.
/// </remarks>
internal static class RequestDigest
{
    private const string Format = "edgecloud.result-cache/v1";
    private const string ReservedPrefix = "edgecloud.";

    public static string Compute(ModelInferRequest request)
    {
        using var writer = new DigestWriter();
        writer.WriteString(Format);
        WriteParameters(writer, request.Parameters);
        WriteInputs(writer, request.Inputs, request.RawInputContents);
        WriteOutputs(writer, request.Outputs);
        return writer.ToHex();
    }

    private static void WriteInputs(DigestWriter writer, RepeatedField<ModelInferRequest.Types.InferInputTensor> inputs, RepeatedField<ByteString> raw)
    {
        writer.WriteInt32(inputs.Count);
        foreach (var index in SortedIndexes(inputs, static input => input.Name))
        {
            var input = inputs[index];
            writer.WriteString(input.Name);
            writer.WriteString(input.Datatype);
            writer.WriteInt32(input.Shape.Count);
            for (var i = 0; i < input.Shape.Count; i++)
            {
                writer.WriteInt64(input.Shape[i]);
            }

            WriteParameters(writer, input.Parameters);
            TensorContentsDigest.Write(writer, input.Contents);
            var hasRaw = index < raw.Count;
            writer.WriteBool(hasRaw);
            if (hasRaw)
            {
                writer.WriteBytes(raw[index].Span);
            }
        }

        // Raw entries without an input (a malformed request) still count, in order.
        writer.WriteInt32(Math.Max(0, raw.Count - inputs.Count));
        for (var i = inputs.Count; i < raw.Count; i++)
        {
            writer.WriteBytes(raw[i].Span);
        }
    }

    private static void WriteOutputs(DigestWriter writer, RepeatedField<ModelInferRequest.Types.InferRequestedOutputTensor> outputs)
    {
        writer.WriteInt32(outputs.Count);
        foreach (var index in SortedIndexes(outputs, static output => output.Name))
        {
            writer.WriteString(outputs[index].Name);
            WriteParameters(writer, outputs[index].Parameters);
        }
    }

    private static void WriteParameters(DigestWriter writer, MapField<string, InferParameter> parameters)
    {
        var kept = new List<KeyValuePair<string, InferParameter>>(parameters.Count);
        foreach (var pair in parameters)
        {
            if (!pair.Key.StartsWith(ReservedPrefix, StringComparison.Ordinal))
            {
                kept.Add(pair);
            }
        }

        kept.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        writer.WriteInt32(kept.Count);
        foreach (var (key, value) in kept)
        {
            writer.WriteString(key);
            writer.WriteByte((byte)value.ParameterChoiceCase);
            switch (value.ParameterChoiceCase)
            {
                case InferParameter.ParameterChoiceOneofCase.BoolParam:
                    writer.WriteBool(value.BoolParam);
                    break;
                case InferParameter.ParameterChoiceOneofCase.Int64Param:
                    writer.WriteInt64(value.Int64Param);
                    break;
                case InferParameter.ParameterChoiceOneofCase.StringParam:
                    writer.WriteString(value.StringParam);
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>Positions of <paramref name="items"/> ordered by name (ordinal), ties by position.</summary>
    private static int[] SortedIndexes<T>(RepeatedField<T> items, Func<T, string> name)
    {
        var indexes = new int[items.Count];
        var names = new string[items.Count];
        for (var i = 0; i < indexes.Length; i++)
        {
            indexes[i] = i;
            names[i] = name(items[i]);
        }

        Array.Sort(names, indexes, StringComparer.Ordinal);
        return indexes;
    }
}

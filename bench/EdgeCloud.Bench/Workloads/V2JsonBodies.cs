using System.Runtime.InteropServices;
using System.Text.Json;

namespace EdgeCloud.Bench.Workloads;

/// <summary>Builds the v2 REST JSON body for a workload once (flat <c>data</c> arrays), so the client sends ready bytes.</summary>
internal static class V2JsonBodies
{
    public static byte[] Infer(ModelWorkload workload)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("inputs");
            foreach (var tensor in workload.Inputs)
            {
                WriteTensor(writer, tensor);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>
    /// The same request with the binary tensor data extension: a JSON header naming each input's byte count, the raw
    /// tensors after it, and every output asked back as binary. Returns the whole body and the header's length.
    /// </summary>
    public static (byte[] Body, int HeaderLength) InferBinary(ModelWorkload workload)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("parameters");
            writer.WriteBoolean("binary_data_output", true);
            writer.WriteEndObject();
            writer.WriteStartArray("inputs");
            foreach (var tensor in workload.Inputs)
            {
                WriteDescription(writer, tensor);
                writer.WriteStartObject("parameters");
                writer.WriteNumber("binary_data_size", tensor.Bytes.Length);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        var headerLength = (int)stream.Length;
        foreach (var tensor in workload.Inputs)
        {
            stream.Write(tensor.Bytes);
        }

        return (stream.ToArray(), headerLength);
    }

    /// <summary>Opens the input's object and writes its name, shape and datatype.</summary>
    private static void WriteDescription(Utf8JsonWriter writer, BenchTensor tensor)
    {
        writer.WriteStartObject();
        writer.WriteString("name", tensor.Name);
        writer.WriteStartArray("shape");
        foreach (var d in tensor.Shape)
        {
            writer.WriteNumberValue(d);
        }

        writer.WriteEndArray();
        writer.WriteString("datatype", tensor.Datatype);
    }

    private static void WriteTensor(Utf8JsonWriter writer, BenchTensor tensor)
    {
        WriteDescription(writer, tensor);
        writer.WriteStartArray("data");
        switch (tensor.Datatype)
        {
            case "FP32":
                foreach (var v in MemoryMarshal.Cast<byte, float>(tensor.Bytes))
                {
                    writer.WriteNumberValue(v);
                }

                break;
            case "INT64":
                foreach (var v in MemoryMarshal.Cast<byte, long>(tensor.Bytes))
                {
                    writer.WriteNumberValue(v);
                }

                break;
            default:
                throw new NotSupportedException($"the bench writes FP32 and INT64 only, not {tensor.Datatype}");
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}

using System.Buffers.Binary;
using System.Text.Json;
using EdgeCloud.Protocol;
using EdgeCloud.Shared.Tensors;
using Google.Protobuf;

namespace EdgeCloud.Shared.Protocol.Json;

/// <summary>
/// Writes a <see cref="ModelInferResponse"/> as the v2 REST JSON body, with flat row-major data — or, for outputs sent
/// as binary tensor data, only their <c>binary_data_size</c> (the bytes follow the JSON; see <see cref="BinaryOutputs"/>).
/// </summary>
public static class V2JsonResponseWriter
{
    public static void Write(Utf8JsonWriter writer, ModelInferResponse response) => Write(writer, response, binary: null);

    /// <summary>
    /// The outputs sent as binary: those asked for as binary whose raw bytes the response holds (an output that only
    /// has typed contents is written as JSON data, which the extension allows: its absent binary_data_size says so).
    /// </summary>
    public static bool[] BinaryOutputs(ModelInferResponse response, V2BinaryOutputs asked) =>
        [.. response.Outputs.Select((o, i) => asked.Any && asked.IsBinary(o.Name) && response.RawOutputContents.Count > i)];

    public static void Write(Utf8JsonWriter writer, ModelInferResponse response, V2BinaryOutputs asked) =>
        Write(writer, response, BinaryOutputs(response, asked));

    /// <param name="binary">Per output, whether it goes as binary data (from <see cref="BinaryOutputs"/>); null: none does.</param>
    public static void Write(Utf8JsonWriter writer, ModelInferResponse response, bool[]? binary)
    {
        writer.WriteStartObject();
        writer.WriteString("model_name", response.ModelName);
        writer.WriteString("model_version", response.ModelVersion);
        if (response.Id.Length > 0)
        {
            writer.WriteString("id", response.Id);
        }

        if (response.Parameters.Count > 0)
        {
            V2JsonParameters.Write(writer, response.Parameters);
        }

        writer.WriteStartArray("outputs");
        for (var i = 0; i < response.Outputs.Count; i++)
        {
            var output = response.Outputs[i];
            writer.WriteStartObject();
            writer.WriteString("name", output.Name);
            writer.WriteString("datatype", output.Datatype);
            writer.WriteStartArray("shape");
            foreach (var d in output.Shape)
            {
                writer.WriteNumberValue(d);
            }

            writer.WriteEndArray();
            if (binary?[i] == true)
            {
                writer.WriteStartObject("parameters");
                writer.WriteNumber("binary_data_size", response.RawOutputContents[i].Length);
                writer.WriteEndObject();
                writer.WriteEndObject();
                continue;
            }

            writer.WriteStartArray("data");
            DataTypes.TryParse(output.Datatype, out var type);
            if (response.RawOutputContents.Count > i)
            {
                WriteRaw(writer, type, response.RawOutputContents[i]);
            }
            else if (output.Contents is { } contents)
            {
                WriteTyped(writer, contents);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteRaw(Utf8JsonWriter writer, DataType type, ByteString raw)
    {
        var span = raw.Span;
        if (type == DataType.Bytes)
        {
            var elements = BytesElements.Split("output", raw.Memory, CountBytesElements(span));
            foreach (var element in elements)
            {
                writer.WriteStringValue(System.Text.Encoding.UTF8.GetString(element.Span));
            }

            return;
        }

        var size = type.ElementSize();
        for (var offset = 0; offset + size <= span.Length; offset += size)
        {
            var s = span[offset..];
            switch (type)
            {
                case DataType.Bool: writer.WriteBooleanValue(s[0] != 0); break;
                case DataType.Uint8: writer.WriteNumberValue(s[0]); break;
                case DataType.Int8: writer.WriteNumberValue((sbyte)s[0]); break;
                case DataType.Uint16: writer.WriteNumberValue(BinaryPrimitives.ReadUInt16LittleEndian(s)); break;
                case DataType.Int16: writer.WriteNumberValue(BinaryPrimitives.ReadInt16LittleEndian(s)); break;
                case DataType.Uint32: writer.WriteNumberValue(BinaryPrimitives.ReadUInt32LittleEndian(s)); break;
                case DataType.Int32: writer.WriteNumberValue(BinaryPrimitives.ReadInt32LittleEndian(s)); break;
                case DataType.Uint64: writer.WriteNumberValue(BinaryPrimitives.ReadUInt64LittleEndian(s)); break;
                case DataType.Int64: writer.WriteNumberValue(BinaryPrimitives.ReadInt64LittleEndian(s)); break;
                case DataType.Fp16: WriteFloat(writer, (float)BinaryPrimitives.ReadHalfLittleEndian(s)); break;
                case DataType.Bf16: WriteFloat(writer, BFloat16Bits.ToSingle(BinaryPrimitives.ReadUInt16LittleEndian(s))); break;
                case DataType.Fp32: WriteFloat(writer, BinaryPrimitives.ReadSingleLittleEndian(s)); break;
                case DataType.Fp64: WriteDouble(writer, BinaryPrimitives.ReadDoubleLittleEndian(s)); break;
            }
        }
    }

    private static void WriteTyped(Utf8JsonWriter writer, InferTensorContents c)
    {
        foreach (var v in c.BoolContents) { writer.WriteBooleanValue(v); }
        foreach (var v in c.IntContents) { writer.WriteNumberValue(v); }
        foreach (var v in c.Int64Contents) { writer.WriteNumberValue(v); }
        foreach (var v in c.UintContents) { writer.WriteNumberValue(v); }
        foreach (var v in c.Uint64Contents) { writer.WriteNumberValue(v); }
        foreach (var v in c.Fp32Contents) { WriteFloat(writer, v); }
        foreach (var v in c.Fp64Contents) { WriteDouble(writer, v); }
        foreach (var v in c.BytesContents) { writer.WriteStringValue(v.ToStringUtf8()); }
    }

    private static void WriteFloat(Utf8JsonWriter writer, float value)
    {
        if (float.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(float.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }

    private static void WriteDouble(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }

    private static long CountBytesElements(ReadOnlySpan<byte> span)
    {
        long count = 0;
        var offset = 0;
        while (offset + 4 <= span.Length)
        {
            offset += 4 + (int)BinaryPrimitives.ReadUInt32LittleEndian(span[offset..]);
            count++;
        }

        return count;
    }
}

using EdgeCloud.Protocol;

namespace EdgeCloud.EdgeAgent.Cache;

/// <summary>Writes every typed field of <see cref="InferTensorContents"/> (absent = all empty) to a digest.</summary>
internal static class TensorContentsDigest
{
    private static readonly InferTensorContents Empty = new();

    public static void Write(DigestWriter writer, InferTensorContents? contents)
    {
        contents ??= Empty;

        writer.WriteInt32(contents.BoolContents.Count);
        foreach (var value in contents.BoolContents)
        {
            writer.WriteBool(value);
        }

        writer.WriteInt32(contents.IntContents.Count);
        foreach (var value in contents.IntContents)
        {
            writer.WriteInt32(value);
        }

        writer.WriteInt32(contents.Int64Contents.Count);
        foreach (var value in contents.Int64Contents)
        {
            writer.WriteInt64(value);
        }

        writer.WriteInt32(contents.UintContents.Count);
        foreach (var value in contents.UintContents)
        {
            writer.WriteUInt32(value);
        }

        writer.WriteInt32(contents.Uint64Contents.Count);
        foreach (var value in contents.Uint64Contents)
        {
            writer.WriteUInt64(value);
        }

        writer.WriteInt32(contents.Fp32Contents.Count);
        foreach (var value in contents.Fp32Contents)
        {
            writer.WriteSingle(value);
        }

        writer.WriteInt32(contents.Fp64Contents.Count);
        foreach (var value in contents.Fp64Contents)
        {
            writer.WriteDouble(value);
        }

        writer.WriteInt32(contents.BytesContents.Count);
        foreach (var value in contents.BytesContents)
        {
            writer.WriteBytes(value.Span);
        }
    }
}

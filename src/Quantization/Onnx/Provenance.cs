namespace EdgeCloud.Quantization.Onnx;

/// <summary>Records in the model's metadata which conversion made it, so a variant says what it is.</summary>
internal static class Provenance
{
    public const string Key = "edgecloud.conversion";

    public static void Mark(ModelProto model, string mode, ConversionReport report)
    {
        var existing = model.MetadataProps.FirstOrDefault(p => p.Key == Key);
        if (existing is not null)
        {
            model.MetadataProps.Remove(existing);
        }

        model.MetadataProps.Add(new StringStringEntryProto { Key = Key, Value = $"{mode}: {report}" });
    }
}

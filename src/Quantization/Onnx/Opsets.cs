namespace EdgeCloud.Quantization.Onnx;

/// <summary>The default-domain operator set a model imports, and raising it where that is safe.</summary>
internal static class Opsets
{
    public static long Default(ModelProto model) =>
        model.OpsetImport.FirstOrDefault(o => o.Domain is "" or "ai.onnx")?.Version
        ?? throw new QuantizationException("the model imports no default (ai.onnx) operator set");

    public static void SetDefault(ModelProto model, long version)
    {
        var import = model.OpsetImport.First(o => o.Domain is "" or "ai.onnx");
        import.Version = version;
        // Opset 13 needs IR 7; initializers are no longer graph inputs from IR 4 on (see GraphCleanup).
        model.IrVersion = Math.Max(model.IrVersion, version >= 13 ? 7 : 4);
    }

    public static void EnsureDomain(ModelProto model, string domain, long version)
    {
        if (!model.OpsetImport.Any(o => o.Domain == domain))
        {
            model.OpsetImport.Add(new OperatorSetIdProto { Domain = domain, Version = version });
        }
    }
}

namespace EdgeCloud.Quantization.Onnx;

/// <summary>Refuses models that keep tensor data in external files, naming the tensor, its file and the node that reads it.</summary>
internal static class ExternalData
{
    public static void Refuse(ModelProto model)
    {
        var tensor = model.Graph.Initializer.FirstOrDefault(t => t.DataLocation == TensorProto.Types.DataLocation.External || t.ExternalData.Count > 0);
        if (tensor is null)
        {
            return;
        }

        var reader = model.Graph.Node.FirstOrDefault(n => n.Input.Contains(tensor.Name));
        var location = tensor.ExternalData.FirstOrDefault(e => e.Key == "location")?.Value ?? "?";
        throw new QuantizationException(
            $"{(reader is null ? "the graph" : OnnxNodes.Describe(reader))} reads tensor '{tensor.Name}', whose data is in the external file '{location}'; " +
            "external data is not supported: save the model with its data inside (under 2 GiB)");
    }
}

using EdgeCloud.Protocol;
using EdgeCloud.Shared.Models;
using EdgeCloud.Shared.Tensors;

namespace EdgeCloud.Shared.Hosting;

/// <summary>Builds the v2 model metadata of a loaded model.</summary>
public static class ModelMetadataFactory
{
    public static ModelMetadataResponse From(LoadedModel model)
    {
        var response = new ModelMetadataResponse { Name = model.Info.Name, Platform = model.Config.Platform };
        response.Versions.Add(model.Info.Version);
        response.Inputs.AddRange(model.Info.Inputs.Select(ToMetadata));
        response.Outputs.AddRange(model.Info.Outputs.Select(ToMetadata));
        return response;
    }

    private static ModelMetadataResponse.Types.TensorMetadata ToMetadata(TensorSpec spec)
    {
        var tensor = new ModelMetadataResponse.Types.TensorMetadata { Name = spec.Name, Datatype = spec.DataType.ToV2Name() };
        tensor.Shape.AddRange(spec.Shape);
        return tensor;
    }
}

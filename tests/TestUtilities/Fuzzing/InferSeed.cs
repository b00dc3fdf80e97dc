using EdgeCloud.Protocol;
using Google.Protobuf;

namespace EdgeCloud.TestUtilities.Fuzzing;

/// <summary>A valid ModelInferRequest for a loaded model, built from its metadata (dynamic dims as 1, a dynamic last dim as 16): the fuzzers' seed.</summary>
public static class InferSeed
{
    public static async Task<ModelInferRequest> ValidRequestAsync(GRPCInferenceService.GRPCInferenceServiceClient client, string model, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        var metadata = await client.ModelMetadataAsync(new ModelMetadataRequest { Name = model }, cancellationToken: ct);
        var request = new ModelInferRequest { ModelName = model };
        foreach (var input in metadata.Inputs)
        {
            var shape = input.Shape.Select(d => d < 0 ? 1 : d).ToArray();
            shape[^1] = input.Shape[^1] < 0 ? 16 : shape[^1];
            var tensor = new ModelInferRequest.Types.InferInputTensor { Name = input.Name, Datatype = input.Datatype };
            tensor.Shape.AddRange(shape);
            request.Inputs.Add(tensor);
            var elements = shape.Aggregate(1L, (a, d) => a * d);
            request.RawInputContents.Add(ByteString.CopyFrom(new byte[elements * 4]));
        }

        return request;
    }
}

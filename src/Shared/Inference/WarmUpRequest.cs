using EdgeCloud.Protocol;
using EdgeCloud.Shared.Tensors;
using Google.Protobuf;

namespace EdgeCloud.Shared.Inference;

/// <summary>A request of zeros that fits a model's inputs, with each variable dimension set to 1.</summary>
internal static class WarmUpRequest
{
    public static ModelInferRequest For(ModelSessionInfo info)
    {
        var request = new ModelInferRequest { ModelName = info.Name, Id = "warm-up" };
        foreach (var spec in info.Inputs)
        {
            var shape = spec.Shape.Select(d => d < 0 ? 1L : d).ToArray();
            var count = shape.Aggregate(1L, (a, d) => a * d);
            var input = new ModelInferRequest.Types.InferInputTensor { Name = spec.Name, Datatype = spec.DataType.ToV2Name() };
            input.Shape.AddRange(shape);
            request.Inputs.Add(input);
            var bytes = spec.DataType == DataType.Bytes
                ? BytesElements.Join(Enumerable.Repeat(ReadOnlyMemory<byte>.Empty, (int)count).ToArray())
                : new byte[count * spec.DataType.ElementSize()];
            request.RawInputContents.Add(UnsafeByteOperations.UnsafeWrap(bytes));
        }

        return request;
    }
}

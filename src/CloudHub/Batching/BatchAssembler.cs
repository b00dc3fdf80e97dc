using EdgeCloud.Protocol;
using EdgeCloud.Shared.Tensors;
using Google.Protobuf;

namespace EdgeCloud.CloudHub.Batching;

/// <summary>
/// Joins admitted requests along dimension 0 into one raw-contents request: each input's bytes are
/// the requests' bytes one after the other (row-major, so rows stay in request order).
/// </summary>
internal static class BatchAssembler
{
    public static ModelInferRequest Assemble(IReadOnlyList<PendingRequest> items)
    {
        var head = items[0].Request;
        var combined = new ModelInferRequest { ModelName = head.ModelName, ModelVersion = head.ModelVersion, Id = head.Id };
        combined.Outputs.AddRange(head.Outputs);
        long rows = 0;
        foreach (var item in items)
        {
            rows += item.Rows;
        }

        foreach (var input in head.Inputs)
        {
            var tensor = new ModelInferRequest.Types.InferInputTensor { Name = input.Name, Datatype = input.Datatype };
            tensor.Shape.Add(rows);
            for (var d = 1; d < input.Shape.Count; d++)
            {
                tensor.Shape.Add(input.Shape[d]);
            }

            combined.Inputs.Add(tensor);
            var isBytes = DataTypes.TryParse(input.Datatype, out var type) && type == DataType.Bytes;
            combined.RawInputContents.Add(UnsafeByteOperations.UnsafeWrap(isBytes ? JoinStrings(items, input.Name) : JoinFixed(items, input.Name)));
        }

        return combined;
    }

    private static byte[] JoinFixed(IReadOnlyList<PendingRequest> items, string name)
    {
        long total = 0;
        foreach (var item in items)
        {
            total += Value(item, name).GetTensorMutableRawData().Length;
        }

        var buffer = GC.AllocateUninitializedArray<byte>(checked((int)total));
        var offset = 0;
        foreach (var item in items)
        {
            var data = Value(item, name).GetTensorMutableRawData();
            data.CopyTo(buffer.AsSpan(offset));
            offset += data.Length;
        }

        return buffer;
    }

    private static byte[] JoinStrings(IReadOnlyList<PendingRequest> items, string name)
    {
        var elements = new List<ReadOnlyMemory<byte>>();
        foreach (var item in items)
        {
            var value = Value(item, name);
            var count = value.GetTensorTypeAndShape().ElementCount;
            for (var i = 0; i < count; i++)
            {
                elements.Add(value.GetStringElementAsSpan(i).ToArray());
            }
        }

        return BytesElements.Join(elements);
    }

    private static Microsoft.ML.OnnxRuntime.OrtValue Value(PendingRequest item, string name) =>
        item.Inputs.Values[item.Inputs.Names.IndexOf(name)];
}

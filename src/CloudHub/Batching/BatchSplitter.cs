using EdgeCloud.Protocol;
using EdgeCloud.Shared.Inference;
using EdgeCloud.Shared.Tensors;
using Google.Protobuf;

namespace EdgeCloud.CloudHub.Batching;

/// <summary>
/// Splits a joined run's outputs back along dimension 0, one response per request, each in the form
/// its request asked for: raw contents when it sent raw inputs (or an output has no typed field),
/// typed contents otherwise. Raw slices share the run's buffers without a copy.
/// </summary>
internal static class BatchSplitter
{
    public static ModelInferResponse[] Split(ModelInferResponse combined, IReadOnlyList<PendingRequest> items)
    {
        if (combined.RawOutputContents.Count != combined.Outputs.Count)
        {
            throw Internal(combined, $"the joined run answered {combined.RawOutputContents.Count} raw outputs for {combined.Outputs.Count} outputs");
        }

        long totalRows = 0;
        foreach (var item in items)
        {
            totalRows += item.Rows;
        }

        var anyWithoutTypedForm = combined.Outputs.Any(o => !DataTypes.TryParse(o.Datatype, out var t) || !t.HasTypedContents());
        var responses = new ModelInferResponse[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            responses[i] = new ModelInferResponse { ModelName = combined.ModelName, ModelVersion = combined.ModelVersion, Id = items[i].Request.Id };
        }

        for (var o = 0; o < combined.Outputs.Count; o++)
        {
            var output = combined.Outputs[o];
            if (!DataTypes.TryParse(output.Datatype, out var type) || output.Shape.Count == 0 || output.Shape[0] != totalRows)
            {
                throw Internal(combined, $"output '{output.Name}' is {output.Datatype}{TensorSpec.FormatShape(output.Shape)}; " +
                    $"expected {totalRows} rows in dimension 0 for {items.Count} joined requests");
            }

            var slices = type == DataType.Bytes
                ? SliceStrings(output, combined.RawOutputContents[o], items, totalRows)
                : SliceFixed(combined, output, type, combined.RawOutputContents[o], items, totalRows);
            for (var i = 0; i < items.Count; i++)
            {
                var raw = items[i].Request.RawInputContents.Count > 0 || anyWithoutTypedForm;
                var tensor = new ModelInferResponse.Types.InferOutputTensor { Name = output.Name, Datatype = output.Datatype };
                tensor.Shape.Add(items[i].Rows);
                tensor.Shape.Add(output.Shape.Skip(1));
                if (raw)
                {
                    responses[i].RawOutputContents.Add(slices[i]);
                }
                else
                {
                    tensor.Contents = TypedContentsEncoder.FromRaw(type, slices[i].Memory);
                }

                responses[i].Outputs.Add(tensor);
            }
        }

        return responses;
    }

    private static ByteString[] SliceFixed(
        ModelInferResponse combined, ModelInferResponse.Types.InferOutputTensor output, DataType type, ByteString raw,
        IReadOnlyList<PendingRequest> items, long totalRows)
    {
        var rowBytes = RowElements(output) * type.ElementSize();
        if (raw.Length != totalRows * rowBytes)
        {
            throw Internal(combined, $"output '{output.Name}' holds {raw.Length} bytes; expected {totalRows * rowBytes}");
        }

        var slices = new ByteString[items.Count];
        var offset = 0L;
        for (var i = 0; i < items.Count; i++)
        {
            var length = items[i].Rows * rowBytes;
            slices[i] = UnsafeByteOperations.UnsafeWrap(raw.Memory.Slice((int)offset, (int)length));
            offset += length;
        }

        return slices;
    }

    private static ByteString[] SliceStrings(
        ModelInferResponse.Types.InferOutputTensor output, ByteString raw, IReadOnlyList<PendingRequest> items, long totalRows)
    {
        var rowElements = RowElements(output);
        var elements = BytesElements.Split(output.Name, raw.Memory, totalRows * rowElements);
        var slices = new ByteString[items.Count];
        var offset = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var count = (int)(items[i].Rows * rowElements);
            slices[i] = UnsafeByteOperations.UnsafeWrap(BytesElements.Join(new ArraySegment<ReadOnlyMemory<byte>>(elements, offset, count)));
            offset += count;
        }

        return slices;
    }

    private static long RowElements(ModelInferResponse.Types.InferOutputTensor output)
    {
        long elements = 1;
        for (var d = 1; d < output.Shape.Count; d++)
        {
            elements *= output.Shape[d];
        }

        return elements;
    }

    private static InferenceException Internal(ModelInferResponse combined, string detail) =>
        new(InferenceErrorCode.Internal, $"model '{combined.ModelName}': cannot split a batched run back per request: {detail}");
}

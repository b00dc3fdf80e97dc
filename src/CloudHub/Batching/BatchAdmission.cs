using EdgeCloud.Protocol;
using EdgeCloud.Shared.Inference;
using EdgeCloud.Shared.Tensors;

namespace EdgeCloud.CloudHub.Batching;

/// <summary>
/// Checks one request on its own before it may join a batch, so a bad request is refused with
/// INVALID_ARGUMENT and never fails the others: inputs (names, datatypes, shapes, byte lengths, values),
/// requested outputs, and its batch dimension.
/// </summary>
internal static class BatchAdmission
{
    public static PendingRequest Admit(ModelInferRequest request, ModelSessionInfo info, int maxBatchSize, long maxElements)
    {
        CheckOutputs(request, info);
        var inputs = InputDecoder.Decode(request, info.Inputs, maxElements);
        try
        {
            var rows = Rows(request, info, maxBatchSize);
            long elements = 0;
            foreach (var value in inputs.Values)
            {
                elements = Math.Max(elements, value.GetTensorTypeAndShape().ElementCount);
            }

            return new PendingRequest(request, inputs, BatchKey.Of(request), rows, elements);
        }
        catch
        {
            inputs.Dispose();
            throw;
        }
    }

    private static void CheckOutputs(ModelInferRequest request, ModelSessionInfo info)
    {
        HashSet<string>? seen = null;
        foreach (var output in request.Outputs)
        {
            if (!info.Outputs.Any(o => o.Name == output.Name))
            {
                throw InferenceException.Invalid(
                    $"model '{info.Name}' has no output '{output.Name}'; expected outputs: {string.Join(", ", info.Outputs.Select(o => o.Name))}");
            }

            if (!(seen ??= new HashSet<string>(StringComparer.Ordinal)).Add(output.Name))
            {
                throw InferenceException.Invalid($"output '{output.Name}' is requested more than once");
            }
        }
    }

    private static int Rows(ModelInferRequest request, ModelSessionInfo info, int maxBatchSize)
    {
        var first = request.Inputs[0];
        var rows = first.Shape[0];
        foreach (var input in request.Inputs)
        {
            if (input.Shape[0] != rows)
            {
                throw InferenceException.Invalid(
                    $"inputs disagree on the batch dimension: '{first.Name}' has {rows} rows, '{input.Name}' has {input.Shape[0]}; " +
                    "dimension 0 is the batch and must be equal for every input");
            }
        }

        if (rows > maxBatchSize)
        {
            throw InferenceException.Invalid(
                $"model '{info.Name}' takes at most max_batch_size={maxBatchSize} rows in dimension 0 per request, got {rows}");
        }

        return (int)rows;
    }
}

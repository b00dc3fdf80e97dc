using EdgeCloud.Shared.Inference;
using EdgeCloud.Shared.Tensors;

namespace EdgeCloud.CloudHub.Batching;

/// <summary>
/// Whether requests to a model can be joined along dimension 0: every input and output must have a
/// variable first dimension, and the symbolic names the model gives it must agree (minilm's inputs are
/// <c>[batch, sequence]</c>). A model whose batch sits elsewhere (silero-vad's <c>state</c> is
/// <c>[2, batch, 128]</c>) is run unbatched.
/// </summary>
internal static class BatchLayout
{
    /// <summary>Null when the model can be batched along dimension 0, else why not.</summary>
    public static string? WhyNotBatchable(ModelSessionInfo info)
    {
        string? batchName = null;
        var otherNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in info.Inputs)
        {
            if (FirstDimensionProblem(input) is { } problem)
            {
                return problem;
            }

            var name = DimensionName(input, 0);
            if (name.Length > 0 && batchName is not null && name != batchName)
            {
                return $"inputs name their first dimension differently ('{batchName}' and '{name}' on '{input.Name}')";
            }

            batchName ??= name.Length > 0 ? name : null;
            for (var i = 1; i < input.Shape.Count; i++)
            {
                otherNames.Add(DimensionName(input, i));
            }
        }

        otherNames.Remove("");
        foreach (var output in info.Outputs)
        {
            if (FirstDimensionProblem(output) is { } problem)
            {
                return problem;
            }

            var name = DimensionName(output, 0);
            if (name != batchName && otherNames.Contains(name))
            {
                return $"output '{output.Name}' starts with the inputs' dimension '{name}', not with the batch";
            }
        }

        return null;
    }

    private static string? FirstDimensionProblem(TensorSpec spec) =>
        spec.Shape.Count == 0 || spec.Shape[0] >= 0
            ? $"'{spec.Name}' has no variable first dimension to batch along (shape {spec.ShapeText})"
            : null;

    private static string DimensionName(TensorSpec spec, int index) =>
        index < spec.DimensionNames.Count ? spec.DimensionNames[index] : "";
}

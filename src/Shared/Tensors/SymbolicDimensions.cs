using EdgeCloud.Protocol;
using EdgeCloud.Shared.Inference;

namespace EdgeCloud.Shared.Tensors;

/// <summary>Inputs whose dimensions share a symbolic name (e.g. <c>sequence</c>) must give it one size.</summary>
internal static class SymbolicDimensions
{
    public static void CheckAgreement(ModelInferRequest request, IReadOnlyList<TensorSpec> specs)
    {
        Dictionary<string, (string Input, int Index, long Size)>? seen = null;
        foreach (var input in request.Inputs)
        {
            var spec = specs[TensorSpec.IndexOf(specs, input.Name)];
            var count = Math.Min(spec.DimensionNames.Count, input.Shape.Count);
            for (var i = 0; i < count; i++)
            {
                var name = spec.DimensionNames[i];
                if (name.Length == 0 || spec.Shape[i] >= 0)
                {
                    continue;
                }

                seen ??= new Dictionary<string, (string, int, long)>(StringComparer.Ordinal);
                if (!seen.TryGetValue(name, out var first))
                {
                    seen[name] = (input.Name, i, input.Shape[i]);
                }
                else if (first.Size != input.Shape[i])
                {
                    throw InferenceException.Invalid(
                        $"inputs disagree on dimension '{name}': '{first.Input}' has {first.Size} (dimension {first.Index}), " +
                        $"'{input.Name}' has {input.Shape[i]} (dimension {i}); they must be equal");
                }
            }
        }
    }
}

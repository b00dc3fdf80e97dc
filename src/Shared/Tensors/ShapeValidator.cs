using EdgeCloud.Shared.Inference;

namespace EdgeCloud.Shared.Tensors;

/// <summary>Checks a request's shape against the model's and counts its elements without overflow.</summary>
public static class ShapeValidator
{
    /// <summary>Returns the element count of <paramref name="shape"/>, or throws INVALID_ARGUMENT naming what differs.</summary>
    public static long CheckAndCount(TensorSpec spec, IReadOnlyList<long> shape, long maxElements)
    {
        if (shape.Count != spec.Shape.Count)
        {
            throw InferenceException.Invalid(
                $"input '{spec.Name}': expected rank {spec.Shape.Count} with shape {spec.ShapeText}, " +
                $"got rank {shape.Count} with shape {TensorSpec.FormatShape(shape)}");
        }

        for (var i = 0; i < shape.Count; i++)
        {
            var dim = shape[i];
            if (dim < 0)
            {
                throw InferenceException.Invalid(
                    $"input '{spec.Name}': dimension {i} is {dim}; dimensions must be >= 0 (shape {TensorSpec.FormatShape(shape)})");
            }

            var expected = spec.Shape[i];
            if (expected >= 0 && expected != dim)
            {
                throw InferenceException.Invalid(
                    $"input '{spec.Name}': expected shape {spec.ShapeText}, got {TensorSpec.FormatShape(shape)} " +
                    $"(dimension {i} must be {expected})");
            }
        }

        if (shape.Contains(0))
        {
            return 0;
        }

        long count = 1;
        foreach (var dim in shape)
        {
            if (count > maxElements / dim)
            {
                throw new InferenceException(
                    InferenceErrorCode.ResourceExhausted,
                    $"input '{spec.Name}': shape {TensorSpec.FormatShape(shape)} holds more than the limit of {maxElements} elements");
            }

            count *= dim;
        }

        return count;
    }
}

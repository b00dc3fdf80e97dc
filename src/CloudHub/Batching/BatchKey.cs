using System.Text;
using EdgeCloud.Protocol;

namespace EdgeCloud.CloudHub.Batching;

/// <summary>
/// The signature of requests that can share a run: input names with their datatypes and every
/// dimension after the first (e.g. minilm's sequence length), and the requested outputs in order.
/// </summary>
internal static class BatchKey
{
    public static string Of(ModelInferRequest request)
    {
        var key = new StringBuilder();
        foreach (var input in request.Inputs.OrderBy(i => i.Name, StringComparer.Ordinal))
        {
            key.Append(input.Name).Append('\0').Append(input.Datatype);
            for (var d = 1; d < input.Shape.Count; d++)
            {
                key.Append(',').Append(input.Shape[d]);
            }

            key.Append('\0');
        }

        key.Append('\u0001');
        foreach (var output in request.Outputs)
        {
            key.Append(output.Name).Append('\0');
        }

        return key.ToString();
    }
}

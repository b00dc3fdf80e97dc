using System.Runtime.InteropServices;
using EdgeCloud.Protocol;

namespace EdgeCloud.Bench.Paths;

/// <summary>Sums the first FP32 output of a v2 response that used <c>raw_output_contents</c>.</summary>
internal static class RawChecksum
{
    public static double FirstOutput(ModelInferResponse response)
    {
        if (response.Outputs.Count == 0 || response.RawOutputContents.Count == 0 || response.Outputs[0].Datatype != "FP32")
        {
            throw new InvalidOperationException(
                $"expected a first FP32 output in raw_output_contents, got {response.Outputs.Count} outputs and {response.RawOutputContents.Count} raw entries");
        }

        double sum = 0;
        foreach (var v in MemoryMarshal.Cast<byte, float>(response.RawOutputContents[0].Span))
        {
            sum += v;
        }

        return sum;
    }
}

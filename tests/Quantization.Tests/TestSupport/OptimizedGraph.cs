using EdgeCloud.Quantization.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace EdgeCloud.Quantization.Tests.TestSupport;

/// <summary>The graph ONNX Runtime actually runs on this CPU after its optimizations (read back from its saved form).</summary>
internal static class OptimizedGraph
{
    public static Dictionary<string, int> OperatorCounts(string modelPath)
    {
        using var directory = new TempDirectory();
        var optimized = directory.File("optimized.onnx");
        using (var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_EXTENDED, OptimizedModelFilePath = optimized })
        {
            using var session = new InferenceSession(modelPath, options);
        }

        return OnnxModelFile.Read(optimized).Graph.Node.GroupBy(n => n.OpType).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }
}

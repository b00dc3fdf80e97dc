using EdgeCloud.Quantization.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace EdgeCloud.Quantization.Runtime;

/// <summary>
/// Lets ONNX Runtime apply its basic, hardware-independent rewrites (constant folding, BatchNormalization
/// folded into Conv, redundant node removal) and returns the result, as ORT's quantization tool does before
/// it inserts QDQ pairs: a BatchNormalization between a Conv and its QuantizeLinear would stop the fusion.
/// Only standard ONNX operators come out of this level.
/// </summary>
internal static class OrtPreOptimizer
{
    public static ModelProto Optimize(string modelPath)
    {
        var temp = Path.Combine(Path.GetTempPath(), $"edgecloud-preopt-{Guid.NewGuid():N}.onnx");
        try
        {
            using (var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_BASIC, OptimizedModelFilePath = temp })
            {
                using var session = new InferenceSession(modelPath, options);
            }

            var model = OnnxModelFile.Read(temp);
            var unused = model.OpsetImport.Where(o => o.Domain is not ("" or "ai.onnx") && !model.Graph.Node.Any(n => n.Domain == o.Domain)).ToList();
            unused.ForEach(o => model.OpsetImport.Remove(o));
            return model;
        }
        catch (OnnxRuntimeException ex)
        {
            throw new QuantizationException($"{modelPath}: ONNX Runtime cannot load the model: {ex.Message}", ex);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}

using Microsoft.ML.OnnxRuntime;

namespace EdgeCloud.Shared.Inference;

/// <summary>
/// Creates an ONNX Runtime session on the first configured execution provider that works, and
/// says which one that was. When none works it fails with every reason, never silently on the CPU.
/// </summary>
public static class SessionFactory
{
    public static (InferenceSession Session, string Provider) Create(string modelPath, InferenceOptions options)
    {
        var available = OrtEnv.Instance().GetAvailableProviders();
        var reasons = new List<string>();
        foreach (var provider in options.Providers)
        {
            if (!available.Contains(ExecutionProviders.OrtName(provider)))
            {
                reasons.Add($"{provider}: not in this ONNX Runtime build (it has {string.Join(", ", available)})");
                continue;
            }

            SessionOptions? sessionOptions = null;
            try
            {
                sessionOptions = CreateOptions(provider, options);
                return (new InferenceSession(modelPath, sessionOptions), provider);
            }
            catch (OnnxRuntimeException ex)
            {
                reasons.Add($"{provider}: {ex.Message}");
            }
            finally
            {
                sessionOptions?.Dispose();
            }
        }

        throw new InvalidOperationException(
            $"No configured execution provider could load '{modelPath}' (configured: {string.Join(", ", options.Providers)}). " +
            string.Join("; ", reasons) +
            ". A CUDA build needs -p:Accelerator=cuda and the CUDA 13 runtime; add 'cpu' to the list to allow the CPU.");
    }

    private static SessionOptions CreateOptions(string provider, InferenceOptions options)
    {
        var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = options.IntraOpThreads,
            InterOpNumThreads = options.InterOpThreads,
            ExecutionMode = options.InterOpThreads > 1 ? ExecutionMode.ORT_PARALLEL : ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };

        switch (provider)
        {
            case ExecutionProviders.Cuda:
                using (var cuda = new OrtCUDAProviderOptions())
                {
                    cuda.UpdateOptions(new Dictionary<string, string>
                    {
                        ["device_id"] = options.DeviceId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        ["prefer_nhwc"] = options.CudaPreferNhwc ? "1" : "0",
                    });
                    sessionOptions.AppendExecutionProvider_CUDA(cuda);
                }

                break;
            case ExecutionProviders.DirectML:
                // Untested here: DirectML is Windows-only and its package is not served to this project.
                sessionOptions.EnableMemoryPattern = false;
                sessionOptions.ExecutionMode = ExecutionMode.ORT_SEQUENTIAL;
                sessionOptions.AppendExecutionProvider_DML(options.DeviceId);
                break;
        }

        return sessionOptions;
    }
}

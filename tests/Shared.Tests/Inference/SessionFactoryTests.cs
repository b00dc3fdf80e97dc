using EdgeCloud.Shared.Inference;
using EdgeCloud.Shared.Tests.TestSupport;
using Microsoft.ML.OnnxRuntime;

namespace EdgeCloud.Shared.Tests.Inference;

public sealed class SessionFactoryTests
{
    private static string SileroFile => TestModels.OnnxFile(TestModels.SileroVad);

    [Fact]
    public void Create_DefaultOptions_LoadsOnCpu()
    {
        var (session, provider) = SessionFactory.Create(SileroFile, new InferenceOptions());
        using (session)
        {
            Assert.Equal(ExecutionProviders.Cpu, provider);
            Assert.Equal(["input", "state", "sr"], session.InputNames);
        }
    }

    [Fact]
    public void Create_CudaThenCpuOnCpuOnlyBuild_LoadsOnCpuAndSaysSo()
    {
        SkipUnlessCpuOnlyBuild();

        var (session, provider) = SessionFactory.Create(SileroFile, new InferenceOptions { ExecutionProviders = ["cuda", "cpu"] });
        session.Dispose();

        Assert.Equal(ExecutionProviders.Cpu, provider);
    }

    [Fact]
    public void Create_CudaAloneOnCpuOnlyBuild_FailsNamingCudaAndWhatIsAvailable()
    {
        SkipUnlessCpuOnlyBuild();

        var ex = Assert.Throws<InvalidOperationException>(
            () => SessionFactory.Create(SileroFile, new InferenceOptions { ExecutionProviders = ["cuda"] }));

        Assert.Contains("cuda: not in this ONNX Runtime build", ex.Message, StringComparison.Ordinal);
        Assert.Contains("CPUExecutionProvider", ex.Message, StringComparison.Ordinal);
        Assert.Contains("configured: cuda", ex.Message, StringComparison.Ordinal);
        Assert.Contains(SileroFile, ex.Message, StringComparison.Ordinal);
        Assert.Contains("add 'cpu'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CudaAloneOnCpuOnlyBuild_DoesNotFallBackToCpu()
    {
        SkipUnlessCpuOnlyBuild();

        var ex = Assert.Throws<InvalidOperationException>(
            () => ModelSession.Load("silero-vad", "1", "fp32", SileroFile, new InferenceOptions { ExecutionProviders = ["cuda"] }));

        Assert.Contains("cuda", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CudaThenCpuOnCpuOnlyBuild_ReportsCpuInTheSessionInfo()
    {
        SkipUnlessCpuOnlyBuild();

        using var session = ModelSession.Load("silero-vad", "1", "fp32", SileroFile, new InferenceOptions { ExecutionProviders = ["cuda", "cpu"] });

        Assert.Equal(ExecutionProviders.Cpu, session.Info.ExecutionProvider);
        Assert.Equal(2, session.Run(SileroRequests.Raw(), TestContext.Current.CancellationToken).Outputs.Count);
    }

    [Fact]
    public void Create_DirectMLAloneOnLinux_FailsNamingDml()
    {
        var ex = Assert.Throws<InvalidOperationException>(
            () => SessionFactory.Create(SileroFile, new InferenceOptions { ExecutionProviders = ["dml"] }));

        Assert.Contains("dml: not in this ONNX Runtime build", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_UnknownProvider_IsRejected()
    {
        var ex = Assert.ThrowsAny<ArgumentException>(
            () => SessionFactory.Create(SileroFile, new InferenceOptions { ExecutionProviders = ["tpu"] }));

        Assert.Contains("tpu", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_CorruptModelFile_FailsWithTheReasonPerProvider()
    {
        using var repo = new TempRepository();
        var path = repo.WriteFile("broken/1/model.onnx", "this is not an onnx model");

        var ex = Assert.Throws<InvalidOperationException>(() => SessionFactory.Create(path, new InferenceOptions()));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("cpu:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_MissingModelFile_Fails()
    {
        using var repo = new TempRepository();
        var path = Path.Combine(repo.Root, "nope.onnx");

        var ex = Assert.ThrowsAny<Exception>(() => SessionFactory.Create(path, new InferenceOptions()));

        Assert.Contains("nope.onnx", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OrtName_EachProvider_MapsToOnnxRuntimeName()
    {
        Assert.Equal("CUDAExecutionProvider", ExecutionProviders.OrtName("cuda"));
        Assert.Equal("DmlExecutionProvider", ExecutionProviders.OrtName("dml"));
        Assert.Equal("CPUExecutionProvider", ExecutionProviders.OrtName("cpu"));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExecutionProviders.OrtName("tpu"));
    }

    private static void SkipUnlessCpuOnlyBuild()
    {
        // These tests describe the default (CPU) build; the CUDA build is covered on GPU machines.
        var available = OrtEnv.Instance().GetAvailableProviders();
        Assert.SkipWhen(
            available.Contains("CUDAExecutionProvider"),
            $"this ONNX Runtime build has CUDA ({string.Join(", ", available)}); the CPU-only expectations do not apply");
    }
}

using EdgeCloud.Shared.Inference;

namespace EdgeCloud.Shared.Tests.TestSupport;

/// <summary>One real silero-vad session (version 1, CPU) shared by the tests of a class.</summary>
public sealed class SileroSessionFixture : IDisposable
{
    public SileroSessionFixture()
    {
        Session = ModelSession.Load(TestModels.SileroVad, "1", "fp32", TestModels.OnnxFile(TestModels.SileroVad), new InferenceOptions());
    }

    public ModelSession Session { get; }

    public void Dispose() => Session.Dispose();
}

/// <summary>One real all-MiniLM-L6-v2 session (version 1, CPU) shared by the tests of a class.</summary>
public sealed class MiniLmSessionFixture : IDisposable
{
    public MiniLmSessionFixture()
    {
        Session = ModelSession.Load(TestModels.MiniLm, "1", "fp32", TestModels.OnnxFile(TestModels.MiniLm), new InferenceOptions());
    }

    public ModelSession Session { get; }

    public void Dispose() => Session.Dispose();
}

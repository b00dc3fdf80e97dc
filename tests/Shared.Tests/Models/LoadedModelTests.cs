using EdgeCloud.Shared.Inference;
using EdgeCloud.Shared.Models;
using EdgeCloud.Shared.Tests.TestSupport;

namespace EdgeCloud.Shared.Tests.Models;

public sealed class LoadedModelTests
{
    [Fact]
    public void TryAcquire_UntilTheLastLeaseIsReturned_Succeeds()
    {
        var model = Load();
        Assert.True(model.TryAcquire());
        Assert.True(model.TryAcquire());

        model.Release(); // the store's own lease
        model.Release();
        Assert.True(model.TryAcquire());
        Assert.Equal(2, model.Session.Run(SileroRequests.Raw(), TestContext.Current.CancellationToken).Outputs.Count);
        model.Release();
        model.Release();

        Assert.False(model.TryAcquire());
    }

    [Fact]
    public void Dispose_Lease_ReturnsIt()
    {
        var model = Load();
        Assert.True(model.TryAcquire());
        var lease = new ModelLease(model);

        model.Release(); // the store's own lease
        lease.Dispose();

        Assert.False(model.TryAcquire());
    }

    [Fact]
    public void Info_IsTheSessionInfo()
    {
        var model = Load();

        Assert.Same(model.Session.Info, model.Info);
        model.Release();
    }

    private static LoadedModel Load()
    {
        var folder = TestModels.Folder(TestModels.SileroVad);
        var config = ModelConfigReader.Read(Path.Combine(folder, "config.json"), TestModels.SileroVad);
        var session = ModelSession.Load(TestModels.SileroVad, "1", "fp32", TestModels.OnnxFile(TestModels.SileroVad), new InferenceOptions());
        return new LoadedModel(config, session, Path.Combine(folder, "1"));
    }
}
